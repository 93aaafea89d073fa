package org.flowscape.analysis;

/** How an iterative spectral computation ended. */
public enum SpectrumStatus {
    /** Every requested pair met its residual tolerance. */
    CONVERGED,
    /** The iteration limit was reached with some residuals above tolerance (see the per-pair flags). */
    NOT_CONVERGED
}
