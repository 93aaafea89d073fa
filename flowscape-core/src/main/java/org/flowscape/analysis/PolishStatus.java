package org.flowscape.analysis;

/** How a polishing or saddle search ended. */
public enum PolishStatus {
    /** ‖∇L‖ reached the gradient tolerance. */
    CONVERGED,
    /** The iteration limit came first. */
    MAX_ITERATIONS,
    /** The run was cancelled (a time limit) before convergence; θ is the last iterate. */
    CANCELLED,
    /** Steps shrank to round-off without reaching the tolerance (often a degenerate critical point). */
    STALLED,
    /** Levenberg–Marquardt reached a stationary point of ½‖∇L‖² (H∇L ≈ 0) that is not critical for L. */
    MERIT_STATIONARY,
    /** ‖θ‖∞ passed the divergence bound (e.g. neurons saturating with |w| → ∞). */
    DIVERGED,
    /** A value or gradient became NaN or infinite. */
    NON_FINITE
}
