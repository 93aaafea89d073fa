package org.flowscape.dynamics;

import org.flowscape.objective.Objective;

/** Records the loss, the gradient norm and the parameter norm at every {@code every}-th accepted point. O(P) each. */
public final class TraceMonitor extends SampledObserver {
    private final Series loss = new Series();
    private final Series gradientNorm = new Series();
    private final Series parameterNorm = new Series();

    /** Records every point. */
    public TraceMonitor() {
        this(1);
    }

    /** Records every {@code every}-th point (and always the first and last). */
    public TraceMonitor(int every) {
        super(every);
    }

    @Override
    public void start(Objective objective, FlowPoint initial) {
        sample(initial);
    }



    @Override
    protected void record(FlowPoint p) {
        loss.add(p.time(), p.loss());
        gradientNorm.add(p.time(), p.gradientNorm());
        parameterNorm.add(p.time(), p.thetaNorm());
    }

    /** L(t). */
    public Series loss() {
        return loss;
    }

    /** ‖∇L(t)‖. */
    public Series gradientNorm() {
        return gradientNorm;
    }

    /** ‖θ(t)‖. */
    public Series parameterNorm() {
        return parameterNorm;
    }
}
