package org.flowscape.operation.flow;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.flowscape.dynamics.FlowEvent;
import org.flowscape.dynamics.FlowResult;
import org.flowscape.dynamics.RateEstimate;
import org.flowscape.dynamics.RateFit;
import org.flowscape.dynamics.Status;
import org.flowscape.dynamics.StepObserver;
import org.flowscape.dynamics.StoppingRule;
import org.flowscape.dynamics.TraceMonitor;
import org.flowscape.objective.Objective;
import org.flowscape.spec.Problem;

/**
 * The {@code flow} operation: the gradient flow (or a descent method) from the problem's θ, the rate fit and the
 * rate predictions. The one computation behind {@code flowscape flow}, the {@code flow} study analysis and the
 * claims that integrate flows. Reads the problem's θ (not overwritten). Cost: the run's gradient (and, for
 * {@code stiff}, Hessian) evaluations, plus the predictions' dense Hessian (P ≤
 * {@link FlowPredictions#MAX_PREDICTION_DIM}).
 */
public final class FlowOperation {
    /** The name of the event that stops a cancelled run. */
    public static final String CANCELLED = "cancelled";
    /** A cancellation check that never fires (the run then has no cancellation event at all). */
    public static final BooleanSupplier NEVER = () -> false;

    private FlowOperation() {
    }

    /**
     * Runs {@code settings} on {@code problem}.
     *
     * @param cancelled polled between steps; when it turns true the run stops with event {@link #CANCELLED}, keeps
     *     its trajectory so far and skips the rate fit and predictions ({@link #NEVER}: not cancellable)
     * @throws IllegalArgumentException for settings that cannot run (see {@link FlowSettings#validate()})
     */
    public static FlowRun run(Problem problem, FlowSettings settings, BooleanSupplier cancelled) {
        Objective objective = problem.objective();
        StoppingRule stop = settings.stoppingRule();
        if (cancelled != NEVER) {
            stop = stop.withEvent(FlowEvent.of(CANCELLED, q -> cancelled.getAsBoolean() ? -1 : 1));
        }
        TraceMonitor trace = new TraceMonitor();
        Map<String, StepObserver> monitors = settings.monitors(objective);
        List<StepObserver> observers = new ArrayList<>(monitors.values());
        observers.add(trace);
        long start = System.nanoTime();
        FlowResult r = settings.run(objective, problem.theta(), stop, settings.grid(stop.horizon()), observers);
        double seconds = (System.nanoTime() - start) / 1e9;
        boolean stopped = r.status() == Status.EVENT && CANCELLED.equals(r.event());
        RateEstimate rate = stopped ? null
                : RateFit.fit(trace.loss().times(), trace.loss().values(), settings.optimum(), 3);
        Map<String, Double> predictions = stopped ? Map.of() // the predictions can take long
                : FlowPredictions.of(objective, r, monitors, problem.theta(), settings.optimum());
        return new FlowRun(problem, settings, r, trace, monitors, rate, predictions, stopped, seconds);
    }
}
