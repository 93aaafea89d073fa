package org.flowscape.dynamics;

import java.util.List;
import org.flowscape.internal.Checks;
import org.flowscape.objective.Objective;

/**
 * Integrates the gradient flow θ'(t) = −∇L(θ(t)) from θ(0) = θ0.
 *
 * <pre>{@code
 * FlowResult r = GradientFlow.run(objective, theta0, FlowConfig.of(FlowMethod.DOPRI853).withTolerances(1e-12, 1e-14),
 *         StoppingRule.horizon(50).withLossTarget(1e-10), SampleGrid.log(1e-3, 50, 60), List.of(monitor));
 * }</pre>
 *
 * <p>Cost: the method's gradient evaluations (DOP853 ≈ 12 per step, DOP54 ≈ 6, RK4 4, Rosenbrock shampine4 3 plus a
 * dense Hessian and its eigendecomposition), plus one auxiliary evaluation per dense-output sample and a few for
 * locating a stop inside the last step.
 */
public final class GradientFlow {
    /** AUTO takes the stiff method only up to this many parameters (a P × P eigendecomposition per step). */
    public static final int AUTO_STIFF_MAX_DIM = 1500;
    /** AUTO takes the stiff method when λ_max(H)·T exceeds this (an explicit method would need ≥ this/6 steps). */
    public static final double AUTO_STIFFNESS = 1e4;
    /** AUTO takes DOP853 below this relative tolerance, DOP54 at or above it. */
    public static final double AUTO_TIGHT_RTOL = 1e-6;

    private GradientFlow() {
    }

    /** Integrates with no samples and no observers. */
    public static FlowResult run(Objective objective, double[] theta0, FlowConfig config, StoppingRule stop) {
        return run(objective, theta0, config, stop, SampleGrid.none(), List.of());
    }

    /**
     * Integrates the flow from θ0 (length P, read only) until the first condition of {@code stop}, sampling the
     * trajectory on {@code grid} and notifying {@code observers} of each accepted step.
     *
     * @throws IllegalArgumentException when θ0 has the wrong length or a non-finite entry
     */
    public static FlowResult run(Objective objective, double[] theta0, FlowConfig config, StoppingRule stop,
            SampleGrid grid, List<StepObserver> observers) {
        Checks.dimension("theta0", objective.dim(), theta0.length);
        Checks.finite("theta0", theta0);
        Evaluator eval = new Evaluator(objective, stop.maxEvaluations());
        RunTracker tracker = new RunTracker(eval, stop, grid, observers);
        FlowMethod method = config.method();
        String choice = "requested";
        if (method == FlowMethod.AUTO) {
            Choice c = choose(eval, theta0, config, stop);
            method = c.method;
            choice = c.reason;
        }
        if (method == FlowMethod.STIFF) {
            return RosenbrockFlow.run(eval, theta0, config, choice, tracker);
        }
        if (method == FlowMethod.RK4) {
            return HipparchusFlow.run(eval, theta0, config, method, choice, tracker);
        }
        return RungeKuttaFlow.run(eval, theta0, config, method, choice, tracker);
    }

    /**
     * The automatic choice: the stiff method when P ≤ {@value #AUTO_STIFF_MAX_DIM} and λ_max(H(θ0))·T ≥
     * {@value #AUTO_STIFFNESS}, where T is the horizon or, without one, the current time scale L/‖∇L‖² of the loss
     * decay; otherwise DOP853 for tight tolerances and DOP54 for loose ones. λ_max comes from 20 HVPs.
     */
    static Choice choose(Evaluator eval, double[] theta0, FlowConfig config, StoppingRule stop) {
        boolean was = eval.auxiliary(true);
        double[] g = new double[theta0.length];
        double loss = eval.evaluate(theta0, g);
        double lambda = Math.abs(Curvature.largest(eval, theta0, 20));
        eval.auxiliary(was);
        double g2 = org.flowscape.linalg.Vectors.dot(g, g);
        double scale = Double.isFinite(stop.horizon()) ? stop.horizon() : Math.abs(loss) / Math.max(g2, 1e-300);
        double stiffness = lambda * scale;
        String measured = String.format("P = %d, lambda_max(H) = %.3g, lambda_max*T = %.3g", theta0.length, lambda,
                stiffness);
        if (theta0.length <= AUTO_STIFF_MAX_DIM && stiffness >= AUTO_STIFFNESS) {
            return new Choice(FlowMethod.STIFF, "auto: stiff (" + measured + ")");
        }
        FlowMethod m = config.relativeTolerance() < AUTO_TIGHT_RTOL ? FlowMethod.DOPRI853 : FlowMethod.DOPRI54;
        String why = theta0.length > AUTO_STIFF_MAX_DIM && stiffness >= AUTO_STIFFNESS
                ? "stiff but too large for dense Hessians" : "not stiff";
        return new Choice(m, "auto: " + m.spelling() + ", " + why + " (" + measured + ")");
    }

    record Choice(FlowMethod method, String reason) {
    }
}
