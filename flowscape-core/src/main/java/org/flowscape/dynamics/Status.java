package org.flowscape.dynamics;

/** How a flow or descent run ended. Every run ends with exactly one of these; none is an exception. */
public enum Status {
    /** The time horizon (or, for descent, the step budget derived from it) was reached. */
    HORIZON_REACHED,
    /** The loss fell to the requested level L ≤ ε (located to the event tolerance for flows). */
    LOSS_REACHED,
    /** The gradient norm fell to the requested level ‖∇L‖ ≤ g. */
    GRADIENT_REACHED,
    /** A user event function changed sign. */
    EVENT,
    /** A non-finite value appeared in the state, the loss or the gradient; the last finite state is returned. */
    NON_FINITE,
    /** ‖θ‖ exceeded the divergence bound. */
    NORM_EXCEEDED,
    /** The budget of gradient evaluations (or descent steps) ran out first. */
    EVALUATION_LIMIT,
    /** The adaptive step size fell below its floor: the flow is too stiff or singular for the method. */
    STEP_TOO_SMALL;

    /** True for the outcomes that mean the run diverged. */
    public boolean diverged() {
        return this == NON_FINITE || this == NORM_EXCEEDED;
    }
}
