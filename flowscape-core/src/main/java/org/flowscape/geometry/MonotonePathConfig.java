package org.flowscape.geometry;

import org.flowscape.linalg.Tolerance;

/**
 * Settings of the Theorem 1 construction ({@link MonotonePath}).
 *
 * @param points            λ grid points on [0, 1] (≥ 2), where c̃(λ) is solved and the decrease certified
 * @param finalPoints       points on the final rescaling segment c̃(1) → c' (≥ 2, the first is the path's end)
 * @param rootAccuracy      absolute accuracy in c of the bracketing solver (relative accuracy 1e-15)
 * @param residualTolerance |L(θ_k) − v(λ_k)| must be within this of v(λ_k) at every node for a certificate
 * @param maxScale          the bracket for c̃ is grown by doubling up to this scale; beyond it the root counts as
 *                          missing (requirement 1 of the theorem fails numerically)
 * @param maxEvaluations    loss evaluations allowed per root
 */
public record MonotonePathConfig(int points, int finalPoints, double rootAccuracy, Tolerance residualTolerance,
        double maxScale, int maxEvaluations) {
    public MonotonePathConfig {
        if (points < 2 || finalPoints < 2) {
            throw new IllegalArgumentException("the construction needs points >= 2 and finalPoints >= 2, got "
                    + points + " and " + finalPoints);
        }
        if (!(rootAccuracy > 0) || !(maxScale > 1) || maxEvaluations < 10 || residualTolerance == null) {
            throw new IllegalArgumentException("rootAccuracy > 0, maxScale > 1, maxEvaluations >= 10 and a residual "
                    + "tolerance are required");
        }
    }

    /** The defaults: 201 λ points, 51 final points, root accuracy 1e-13, residual 1e-12 + 1e-9·|v|, scale ≤ 1e8. */
    public static MonotonePathConfig defaults() {
        return withPoints(201);
    }

    /** The defaults with {@code points} λ points. */
    public static MonotonePathConfig withPoints(int points) {
        return new MonotonePathConfig(points, 51, 1e-13, new Tolerance(1e-12, 1e-9), 1e8, 200);
    }
}
