package org.flowscape.operation.flow;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flowscape.dynamics.ConservedQuantity;
import org.flowscape.dynamics.FlowResult;
import org.flowscape.dynamics.InvariantMonitor;
import org.flowscape.dynamics.RateEstimate;
import org.flowscape.dynamics.StepObserver;
import org.flowscape.dynamics.TraceMonitor;
import org.flowscape.spec.Problem;

/**
 * What one flow or descent run found ({@link FlowOperation#run}).
 *
 * @param problem the problem (θ₀ is its θ)
 * @param settings the settings it ran with
 * @param result the integrator's or optimizer's result
 * @param trace L and ‖∇L‖ at every accepted step
 * @param monitors the monitors asked for, by name, in the order asked (read only after the run)
 * @param rate the fitted exponential rate of L − L*, or null when the run was cancelled
 * @param predictions the rate predictions by name (empty when the run was cancelled)
 * @param cancelled whether the run stopped because it was cancelled (time limit)
 * @param seconds the wall-clock seconds of the run itself
 */
public record FlowRun(Problem problem, FlowSettings settings, FlowResult result, TraceMonitor trace,
        Map<String, StepObserver> monitors, RateEstimate rate, Map<String, Double> predictions, boolean cancelled,
        double seconds) {
    /** The conserved quantities of every invariant monitor, in monitor order. */
    public List<ConservedQuantity> invariants() {
        List<ConservedQuantity> all = new ArrayList<>();
        for (StepObserver o : monitors.values()) {
            if (o instanceof InvariantMonitor im) {
                all.addAll(im.quantities());
            }
        }
        return all;
    }

    /** Whether a fitted rate exists (the run was not cancelled and the fit found enough points). */
    public boolean rateValid() {
        return rate != null && rate.valid();
    }
}
