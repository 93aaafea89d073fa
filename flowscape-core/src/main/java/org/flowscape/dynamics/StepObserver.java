package org.flowscape.dynamics;

import org.flowscape.objective.Objective;

/**
 * An observer of a trajectory, in the manner of Hipparchus' {@code ODEStepHandler}: all hooks default to no-ops, so
 * a run with no observers pays nothing. Observers must not modify the arrays they are given. An observer that
 * evaluates the objective itself (HVPs, NTK) should {@link Objective#fork() fork} it in {@link #start}.
 */
public interface StepObserver {

    /** Called once with the objective and the initial point (step 0, t = t0). */
    default void start(Objective objective, FlowPoint initial) {
    }

    /** Called after each accepted step (not for the initial point, not for rejected steps). */
    default void onStep(FlowPoint point) {
    }

    /** Called once with the last point, after the final step. */
    default void finish(FlowPoint last) {
    }
}
