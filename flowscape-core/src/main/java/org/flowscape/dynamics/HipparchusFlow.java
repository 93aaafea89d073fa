package org.flowscape.dynamics;

import org.hipparchus.exception.MathIllegalArgumentException;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.ode.AbstractIntegrator;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.nonstiff.ClassicalRungeKuttaIntegrator;
import org.hipparchus.ode.nonstiff.DormandPrince54Integrator;
import org.hipparchus.ode.sampling.ODEStateInterpolator;

/**
 * The explicit methods on Hipparchus: classical RK4 for the flow, and Dormand–Prince 8(5,3) and 5(4) as the reference
 * that our own {@link RungeKuttaFlow} is tested against (same steps, counts and results). Our step handler feeds
 * each accepted step to the {@link RunTracker}; a stop is signalled by a {@link Evaluator.Halt} thrown through
 * Hipparchus' loop, which leaves nothing behind since the integrator is made per run.
 */
final class HipparchusFlow {
    /** Smallest adaptive step relative to max(1, horizon) before the run reports {@link Status#STEP_TOO_SMALL}. */
    static final double MIN_STEP_RELATIVE = 1e-14;
    static final double FAR_FUTURE = 1e300;

    private HipparchusFlow() {
    }

    static FlowResult run(Evaluator eval, double[] theta0, FlowConfig config, FlowMethod method, String choice,
            RunTracker tracker) {
        StoppingRule rule = tracker.rule();
        double horizon = rule.horizon();
        double scale = Double.isFinite(horizon) ? Math.max(1, horizon) : 1;
        double end = Double.isFinite(horizon) ? horizon : FAR_FUTURE;
        double rtol = config.relativeTolerance();
        double atol = config.absoluteTolerance();
        AbstractIntegrator integrator = switch (method) {
            case DOPRI853 -> new LazyDormandPrince853(MIN_STEP_RELATIVE * scale, end, atol, rtol);
            case DOPRI54 -> new DormandPrince54Integrator(MIN_STEP_RELATIVE * scale, end, atol, rtol);
            case RK4 -> new ClassicalRungeKuttaIntegrator(config.stepSize());
            default -> throw new IllegalStateException("not an explicit method: " + method);
        };
        integrator.setMaxEvaluations(Integer.MAX_VALUE);
        StiffnessDetector stiffness = new StiffnessDetector(eval, method, config.stiffnessCheck());
        int p = eval.dim;
        integrator.addStepHandler(interpolator -> handle(eval, tracker, stiffness, interpolator, p));
        boolean adaptive = method != FlowMethod.RK4;
        if (tracker.start(0, theta0)) {
            try {
                integrator.integrate(new GradientOde(eval), new ODEState(0, theta0.clone()), end);
                if (tracker.status == null) {
                    tracker.end(Status.HORIZON_REACHED, "");
                }
            } catch (Evaluator.Halt halt) {
                if (tracker.status == null) {
                    tracker.halt(halt);
                }
            } catch (MathIllegalArgumentException | MathIllegalStateException e) {
                tracker.end(Status.STEP_TOO_SMALL, "Hipparchus stopped: " + e.getMessage());
            }
        }
        // Hipparchus does not expose how many adaptive steps it rejected: report "unknown" rather than a made-up 0
        long rejected = adaptive ? FlowResult.UNKNOWN : 0;
        return tracker.finish(method.spelling(), choice, rejected, adaptive ? rtol : Double.NaN,
                adaptive ? atol : Double.NaN, adaptive ? Double.NaN : config.stepSize(), stiffness.warning());
    }

    private static void handle(Evaluator eval, RunTracker tracker, StiffnessDetector stiffness,
            ODEStateInterpolator interpolator, int p) {
        ODEStateAndDerivative current = interpolator.getCurrentState();
        double[] theta1 = current.getPrimaryState();
        double[] derivative = current.getPrimaryDerivative();
        double[] grad1 = new double[p];
        boolean was = eval.auxiliary(true);
        double loss1 = eval.evaluate(theta1, grad1);
        eval.auxiliary(was);
        for (int i = 0; i < p; i++) {
            grad1[i] = -derivative[i];
        }
        double t0 = interpolator.getPreviousState().getTime();
        double t1 = current.getTime();
        StepInterpolant step = StepInterpolant.of(t0, t1,
                (t, out) -> System.arraycopy(interpolator.getInterpolatedState(t).getPrimaryState(), 0, out, 0, p));
        if (!tracker.accept(step, theta1, loss1, grad1)) {
            throw new Evaluator.Halt(tracker.status, tracker.event);
        }
        stiffness.step(tracker.steps, t1 - t0, theta1);
    }

    /** θ' = −∇L(θ) for Hipparchus. */
    private static final class GradientOde implements OrdinaryDifferentialEquation {
        private final Evaluator eval;

        GradientOde(Evaluator eval) {
            this.eval = eval;
        }

        @Override
        public int getDimension() {
            return eval.dim;
        }

        @Override
        public double[] computeDerivatives(double t, double[] y) {
            double[] g = new double[eval.dim];
            eval.evaluate(y, g);
            for (int i = 0; i < g.length; i++) {
                g[i] = -g[i];
            }
            return g;
        }
    }
}
