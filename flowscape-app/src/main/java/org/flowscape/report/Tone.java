package org.flowscape.report;

/** The colour a table cell or verdict carries on the page. */
public enum Tone {
    /** No colour. */
    PLAIN,
    /** Green: a claim confirmed, a run that succeeded. */
    GOOD,
    /** Red: a claim refuted, a run that failed or diverged. */
    BAD,
    /** Amber: inconclusive, not converged, timed out. */
    WARN,
    /** Grey: not applicable, not run. */
    MUTED;

    /** The CSS class of the tone ({@code tone-good} ...), empty for {@link #PLAIN}. */
    String css() {
        return this == PLAIN ? "" : "tone-" + name().toLowerCase(java.util.Locale.ROOT);
    }
}
