package org.flowscape.analysis;

/** What a point is, judged by its gradient and its Hessian's inertia at a stated tolerance. */
public enum CriticalPointType {
    /** ‖∇L‖ above the gradient tolerance. */
    NOT_CRITICAL,
    /** Positive definite Hessian: a strict, non-degenerate local minimum. */
    MINIMUM,
    /** Negative definite Hessian. */
    MAXIMUM,
    /** Non-degenerate with both signs. */
    SADDLE,
    /** Degenerate with a negative eigenvalue: a strict saddle whatever the higher-order terms. */
    DEGENERATE_SADDLE,
    /** Degenerate, no negative eigenvalue: a degenerate minimum or a higher-order saddle (second order cannot tell). */
    DEGENERATE_NONNEGATIVE,
    /** Degenerate, no positive eigenvalue, some negative. */
    DEGENERATE_NONPOSITIVE
}
