package org.flowscape.reproduce;

import java.util.Locale;

/**
 * How large the claims' problems are: {@link #SMOKE} decides every claim in about a minute on two cores,
 * {@link #DEFAULT} has the statistical power to decide each claim in at most fifteen minutes, {@link #FULL} runs at
 * the sizes of the papers' own experiments (or, where a paper has none, the sizes of {@code theory.md}'s checks).
 */
public enum Scale {
    /** Small but real problems: every claim decided, the whole run within about a minute on two cores. */
    SMOKE,
    /** Enough starts and sizes to decide each claim with power; at most fifteen minutes. */
    DEFAULT,
    /** The papers' own sizes. */
    FULL;

    /** Parses {@code smoke}, {@code default} or {@code full} (any case). */
    public static Scale parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown scale '" + s + "'; use smoke, default or full");
        }
    }

    /** The lower-case name. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Picks the value for this scale. */
    public <T> T pick(T smoke, T normal, T full) {
        return switch (this) {
            case SMOKE -> smoke;
            case DEFAULT -> normal;
            case FULL -> full;
        };
    }
}
