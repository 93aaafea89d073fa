package org.flowscape.dynamics;

import org.flowscape.objective.Objective;

/**
 * The Polyak–Łojasiewicz ratio μ(t) = ‖∇L‖² / (2(L − L*)) along the trajectory: L − L* decays at least like
 * exp(−2 inf μ · t) under the flow. Points with L ≤ L* are skipped. Cost O(P) per point.
 */
public final class PlMonitor implements StepObserver {
    private final double optimum;
    private final Series ratio = new Series();

    /** @param optimum L*, the infimum of L (0 for a realizable squared loss) */
    public PlMonitor(double optimum) {
        this.optimum = optimum;
    }

    @Override
    public void start(Objective objective, FlowPoint initial) {
        onStep(initial);
    }

    @Override
    public void onStep(FlowPoint point) {
        double excess = point.loss() - optimum;
        if (excess > 0) {
            double g = point.gradientNorm();
            ratio.add(point.time(), g * g / (2 * excess));
        }
    }

    /** μ(t). */
    public Series ratio() {
        return ratio;
    }

    /** inf_t μ(t) over the observed points. */
    public double infimum() {
        return ratio.min();
    }
}
