package org.flowscape.dynamics;

/**
 * The adaptive explicit methods (Dormand–Prince 5(4) and 8(5,3)) on our allocation-free {@link EmbeddedRungeKutta}:
 * each stage is one gradient written into the stage's own buffer (no copies, no cache look-ups, no per-call arrays),
 * the loss and gradient at the step's end come from its first-same-as-last stage, and each accepted step goes to the
 * {@link RunTracker} with the integrator itself as the step's dense output. The steps, evaluation counts and
 * results are those of Hipparchus' integrators of the same names, to the last bit (see the integrator's comment).
 */
final class RungeKuttaFlow {

    private RungeKuttaFlow() {
    }

    static FlowResult run(Evaluator eval, double[] theta0, FlowConfig config, FlowMethod method, String choice,
            RunTracker tracker) {
        ExplicitTableau tab = switch (method) {
            case DOPRI853 -> ExplicitTableau.DOP853;
            case DOPRI54 -> ExplicitTableau.DOPRI5;
            default -> throw new IllegalStateException("not a Dormand-Prince method: " + method);
        };
        double horizon = tracker.rule().horizon();
        double scale = Double.isFinite(horizon) ? Math.max(1, horizon) : 1;
        double end = Double.isFinite(horizon) ? horizon : HipparchusFlow.FAR_FUTURE;
        double rtol = config.relativeTolerance();
        double atol = config.absoluteTolerance();
        double minStep = HipparchusFlow.MIN_STEP_RELATIVE * scale;
        int p = eval.dim;
        EmbeddedRungeKutta rk = new EmbeddedRungeKutta(tab, p, rtol, atol, minStep, end);
        StiffnessDetector stiffness = new StiffnessDetector(eval, method, config.stiffnessCheck());
        Gradient f = new Gradient(eval);
        double[] grad1 = new double[p];
        EmbeddedRungeKutta.Handler handler = step -> {
            double loss1 = f.lastLoss;
            double[] d = step.endDerivative();
            for (int i = 0; i < p; i++) {
                grad1[i] = -d[i];
            }
            if (!tracker.accept(step, step.endState(), loss1, grad1)) {
                return false;
            }
            stiffness.step(tracker.steps, step.endTime() - step.startTime(), step.endState());
            return true;
        };
        if (tracker.start(0, theta0)) {
            double[] f0 = new double[p];
            for (int i = 0; i < p; i++) {
                f0[i] = -tracker.gradient[i];
            }
            try {
                EmbeddedRungeKutta.Outcome outcome = rk.integrate(f, 0, tracker.theta, f0, end, handler);
                if (outcome == EmbeddedRungeKutta.Outcome.STEP_TOO_SMALL) {
                    tracker.end(Status.STEP_TOO_SMALL, "the step size " + rk.failedStep() + " fell below the minimum "
                            + minStep + " at t = " + tracker.time);
                } else if (tracker.status == null) {
                    tracker.end(Status.HORIZON_REACHED, "");
                }
            } catch (Evaluator.Halt halt) {
                if (tracker.status == null) {
                    tracker.halt(halt);
                }
            }
        }
        return tracker.finish(method.spelling(), choice, rk.rejected(), rtol, atol, Double.NaN, stiffness.warning());
    }

    /** θ' = −∇L(θ), one uncached gradient per call; remembers the loss of the last call. */
    private static final class Gradient implements EmbeddedRungeKutta.Rhs {
        private final Evaluator eval;
        double lastLoss;

        Gradient(Evaluator eval) {
            this.eval = eval;
        }

        @Override
        public void derivative(double t, double[] y, double[] yDot) {
            lastLoss = eval.evaluateFresh(y, yDot);
            for (int i = 0; i < yDot.length; i++) {
                yDot[i] = -yDot[i];
            }
        }
    }
}
