package org.flowscape.reproduce;

import java.util.Locale;

/** The outcome of a claim at a scale. */
public enum Verdict {
    /** The deciding numbers are within the claim's tolerances. */
    HOLDS,
    /** A deciding number is outside the tolerances. */
    FAILS,
    /** The computation could not decide (too few usable runs, runs that did not finish). */
    INCONCLUSIVE;

    /** The lower-case label. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
