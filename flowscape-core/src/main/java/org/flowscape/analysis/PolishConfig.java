package org.flowscape.analysis;

/**
 * Stopping rules of {@link Polisher}.
 *
 * @param method            Newton trust region or Levenberg–Marquardt
 * @param gradientTolerance stop when ‖∇L‖₂ ≤ this (absolute; 1e-12 by default)
 * @param maxIterations     the stated limit on iterations (trial steps; see {@link PolishMethod} for their cost)
 * @param initialRadius     the first trust radius (Newton) in the 2-norm of θ
 * @param divergenceBound   report DIVERGED once ‖θ‖∞ exceeds this (saturated neurons running to infinity)
 */
public record PolishConfig(PolishMethod method, double gradientTolerance, int maxIterations, double initialRadius,
        double divergenceBound) {

    public PolishConfig {
        if (method == null) {
            throw new IllegalArgumentException("method must not be null");
        }
        if (!(gradientTolerance >= 0) || maxIterations < 0 || !(initialRadius > 0) || !(divergenceBound > 0)) {
            throw new IllegalArgumentException("polish config needs gradientTolerance >= 0, maxIterations >= 0, "
                    + "initialRadius > 0 and divergenceBound > 0");
        }
    }

    /** The defaults: ‖∇L‖ ≤ 1e-12 within 200 iterations, radius 1, divergence at 1e6. */
    public static PolishConfig defaults(PolishMethod method) {
        return new PolishConfig(method, 1e-12, 200, 1.0, 1e6);
    }

    /** A copy with another iteration limit. */
    public PolishConfig withMaxIterations(int limit) {
        return new PolishConfig(method, gradientTolerance, limit, initialRadius, divergenceBound);
    }
}
