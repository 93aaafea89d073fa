package org.flowscape.dynamics;

import java.util.ArrayList;
import java.util.List;
import org.flowscape.objective.Objective;

/**
 * Base of the monitors of conserved quantities: evaluates the quantities Q_q(θ) at t = 0 and at every accepted point
 * and keeps each one's drift max_t |Q_q(t) − Q_q(0)| and the series of the largest relative drift. The quantities
 * are exact first integrals of the flow, so their drift measures integration error (and, for descent, the O(η²)
 * per-step change).
 */
public abstract class InvariantMonitor implements StepObserver {
    private List<String> names;
    private double[][] initial;
    private double[] drift;
    private double[][] latest;
    private final Series relativeDrift = new Series();

    /** Binds to the objective (validating that the quantities exist for it) and returns the quantity names. */
    protected abstract List<String> bind(Objective objective);

    /** The quantities at θ (read only), in the order of the names; each may be a matrix flattened row-major. */
    protected abstract double[][] evaluate(double[] theta);

    @Override
    public void start(Objective objective, FlowPoint initialPoint) {
        names = List.copyOf(bind(objective));
        initial = evaluate(initialPoint.theta());
        latest = initial;
        drift = new double[initial.length];
        relativeDrift.add(initialPoint.time(), 0);
    }

    @Override
    public void onStep(FlowPoint point) {
        double[][] now = evaluate(point.theta());
        latest = now;
        double worst = 0;
        for (int q = 0; q < now.length; q++) {
            double d = 0;
            for (int i = 0; i < now[q].length; i++) {
                d = Math.max(d, Math.abs(now[q][i] - initial[q][i]));
            }
            drift[q] = Math.max(drift[q], d);
            double scale = scale(initial[q]);
            worst = Math.max(worst, scale > 0 ? d / scale : d);
        }
        relativeDrift.add(point.time(), worst);
    }

    private static double scale(double[] x) {
        double m = 0;
        for (double v : x) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    /** Each quantity with its initial scale and drift so far. */
    public List<ConservedQuantity> quantities() {
        List<ConservedQuantity> out = new ArrayList<>();
        for (int q = 0; q < names.size(); q++) {
            out.add(ConservedQuantity.of(names.get(q), scale(initial[q]), drift[q]));
        }
        return out;
    }

    /** The initial values Q_q(θ0), copied. */
    public double[][] initialValues() {
        double[][] r = new double[initial.length][];
        for (int q = 0; q < r.length; q++) {
            r[q] = initial[q].clone();
        }
        return r;
    }

    /** The values Q_q(θ) at the last accepted point (Q_q(θ0) before any step), copied; signed, row-major. */
    public double[][] latestValues() {
        double[][] r = new double[latest.length][];
        for (int q = 0; q < r.length; q++) {
            r[q] = latest[q].clone();
        }
        return r;
    }

    /** The quantity names, in the order of {@link #initialValues()}. */
    public List<String> names() {
        return names;
    }

    /** The largest relative drift over the quantities, over time. */
    public Series relativeDrift() {
        return relativeDrift;
    }

    /** The largest relative drift at any time (0 before any step). */
    public double maxRelativeDrift() {
        double m = relativeDrift.max();
        return Double.isNaN(m) ? 0 : m;
    }
}
