package org.flowscape.experiment;

/** How a run ended; stored as the lower-case name in the {@code runs.outcome} column. */
public enum Outcome {
    /** Finished and met its stopping rule. */
    OK,
    /** Finished without meeting its stopping rule (step or time budget exhausted, not converged). */
    NOT_CONVERGED,
    /** The state became non-finite or grew past the divergence bound. */
    DIVERGED,
    /** The analysis threw; the message is stored. */
    FAILED,
    /** Stopped by the per-run time limit. */
    TIMEOUT;

    /** The column value, e.g. {@code not_converged}. */
    public String column() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
