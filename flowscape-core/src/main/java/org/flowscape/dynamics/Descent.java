package org.flowscape.dynamics;

import java.util.List;
import org.flowscape.internal.Checks;
import org.flowscape.objective.Objective;

/**
 * Runs a discrete {@link Optimizer} on an objective with the same stopping rules, samples and observers as
 * {@link GradientFlow}, so that descent and flow results compare directly: iterate k sits at time t_k = Σ_{j&lt;k} η_j
 * (t = kη for a constant step). Conditions fire at the first iterate where they hold; samples are taken at the first
 * iterate at or after each grid time. Cost: one gradient per iterate.
 */
public final class Descent {
    private Descent() {
    }

    /** Runs with no samples and no observers. */
    public static FlowResult run(Objective objective, double[] theta0, Optimizer optimizer, StoppingRule stop) {
        return run(objective, theta0, optimizer, stop, SampleGrid.none(), List.of());
    }

    /**
     * Iterates from θ0 (length P, read only) until the horizon t_k ≥ T or another condition of {@code stop}.
     *
     * @throws IllegalArgumentException when θ0 has the wrong length or a non-finite entry
     */
    public static FlowResult run(Objective objective, double[] theta0, Optimizer optimizer, StoppingRule stop,
            SampleGrid grid, List<StepObserver> observers) {
        Checks.dimension("theta0", objective.dim(), theta0.length);
        Checks.finite("theta0", theta0);
        Evaluator eval = new Evaluator(objective, stop.maxEvaluations());
        RunTracker tracker = new RunTracker(eval, stop, grid, observers, true);
        Schedule schedule = optimizer.schedule();
        int p = theta0.length;
        if (tracker.start(0, theta0)) {
            Optimizer.Run run = optimizer.start(p);
            double[] theta = theta0.clone();
            double[] grad = tracker.gradient.clone();
            double horizon = stop.horizon();
            try {
                for (long k = 0; ; k++) {
                    if (k + 1 >= stop.maxEvaluations()) {
                        tracker.end(Status.EVALUATION_LIMIT, "the budget of " + stop.maxEvaluations()
                                + " gradient evaluations ran out");
                        break;
                    }
                    run.update(k, theta, grad);
                    if (!org.flowscape.linalg.Vectors.allFinite(theta)) {
                        tracker.end(Status.NON_FINITE, "the iterate became non-finite at step " + (k + 1));
                        break;
                    }
                    double loss = eval.evaluate(theta, grad);
                    double t = schedule.time(k + 1);
                    boolean last = t >= horizon - 1e-9 * schedule.rate(k);
                    double tEnd = last ? Math.max(t, horizon) : t;
                    StepInterpolant step = endpoint(schedule.time(k), tEnd, theta);
                    if (!tracker.accept(step, theta, loss, grad)) {
                        break;
                    }
                }
            } catch (Evaluator.Halt halt) {
                if (tracker.status == null) {
                    tracker.halt(halt);
                }
            }
        }
        double eta = schedule.kind() == Schedule.Kind.CONSTANT ? schedule.rate() : Double.NaN;
        return tracker.finish(optimizer.name(), "requested", 0, Double.NaN, Double.NaN, eta, "");
    }

    private static StepInterpolant endpoint(double t0, double t1, double[] theta) {
        return StepInterpolant.of(t0, t1, (t, out) -> System.arraycopy(theta, 0, out, 0, out.length));
    }
}
