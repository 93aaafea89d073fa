package org.flowscape.dynamics;

import org.flowscape.internal.Checks;

/**
 * A step observer that records the initial point, every {@code every}-th accepted point and the last point (once, even
 * when it fell on the sampling grid). Subclasses say what one observation records.
 */
abstract class SampledObserver implements StepObserver {
    private final int every;
    private boolean recordedAny;
    private double lastTime;

    SampledObserver(int every) {
        this.every = Checks.positive("every", every);
    }

    /** Records {@code point}; called by {@link #sample} only. */
    protected abstract void record(FlowPoint point);

    /** Records {@code point} and remembers its time; subclasses call it from {@code start} for the initial point. */
    protected final void sample(FlowPoint point) {
        record(point);
        recordedAny = true;
        lastTime = point.time();
    }

    @Override
    public final void onStep(FlowPoint point) {
        if (point.step() % every == 0) {
            sample(point);
        }
    }

    @Override
    public final void finish(FlowPoint last) {
        if (recordedAny && lastTime != last.time()) {
            sample(last);
        }
    }
}
