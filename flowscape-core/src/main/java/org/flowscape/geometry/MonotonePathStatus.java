package org.flowscape.geometry;

/** How the Theorem 1 construction ended. */
public enum MonotonePathStatus {
    /** Built, and the loss decreases strictly on the whole grid with every residual within tolerance. */
    CERTIFIED,
    /** Built, but some step did not decrease or some residual |L − v| exceeded the tolerance. */
    NOT_CERTIFIED,
    /** Requirement 2 fails: L(P(W⁰)) ≤ L(0), so the construction does not apply. */
    INIT_NOT_ABOVE_ZERO_PREDICTOR,
    /** The target is not lower: L(P(W¹)) ≥ L(P(W⁰)). */
    TARGET_NOT_LOWER,
    /** Requirement 1 fails somewhere: no c ≤ maxScale reaches v(λ) (e.g. all predictions vanish). */
    NO_ROOT
}
