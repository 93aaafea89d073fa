package org.flowscape.reproduce;

import java.util.function.ToDoubleFunction;
import org.flowscape.dynamics.FlowPoint;
import org.flowscape.dynamics.Series;
import org.flowscape.dynamics.StepObserver;
import org.flowscape.objective.Objective;

/** Records a scalar function of θ (e.g. |f'(z)| of the product) at every accepted point, thinned to ~400 points. */
final class ProductTrace implements StepObserver {
    private final ToDoubleFunction<double[]> quantity;
    private final Series series = new Series();
    private double lastTime = Double.NEGATIVE_INFINITY;
    private final double spacing;

    /** Records {@code quantity(θ)} at points at least {@code spacing} apart in time (and the last point). */
    ProductTrace(ToDoubleFunction<double[]> quantity, double spacing) {
        this.quantity = quantity;
        this.spacing = spacing;
    }

    @Override
    public void start(Objective objective, FlowPoint initial) {
        record(initial, true);
    }

    @Override
    public void onStep(FlowPoint point) {
        record(point, false);
    }

    @Override
    public void finish(FlowPoint last) {
        if (last.time() > lastTime) {
            record(last, true);
        }
    }

    private void record(FlowPoint p, boolean always) {
        if (always || p.time() >= lastTime + spacing) {
            series.add(p.time(), quantity.applyAsDouble(p.theta()));
            lastTime = p.time();
        }
    }

    /** The recorded values. */
    Series series() {
        return series;
    }
}
