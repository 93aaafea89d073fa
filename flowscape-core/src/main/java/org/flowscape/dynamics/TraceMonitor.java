package org.flowscape.dynamics;

import org.flowscape.objective.Objective;

/** Records the loss, the gradient norm and the parameter norm at every {@code every}-th accepted point. O(P) each. */
public final class TraceMonitor implements StepObserver {
    private final int every;
    private final Series loss = new Series();
    private final Series gradientNorm = new Series();
    private final Series parameterNorm = new Series();

    /** Records every point. */
    public TraceMonitor() {
        this(1);
    }

    /** Records every {@code every}-th point (and always the first and last). */
    public TraceMonitor(int every) {
        this.every = org.flowscape.internal.Checks.positive("every", every);
    }

    @Override
    public void start(Objective objective, FlowPoint initial) {
        record(initial);
    }

    @Override
    public void onStep(FlowPoint point) {
        if (point.step() % every == 0) {
            record(point);
        }
    }

    @Override
    public void finish(FlowPoint last) {
        if (loss.size() > 0 && loss.times()[loss.size() - 1] != last.time()) {
            record(last);
        }
    }

    private void record(FlowPoint p) {
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
