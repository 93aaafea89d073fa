package org.flowscape.linalg;

import org.flowscape.internal.Checks;

/**
 * An absolute-plus-relative tolerance: {@code |x - ref| <= abs + rel * |ref|} is accepted. Recorded with every
 * result that depends on it.
 *
 * @param abs absolute part, &ge; 0
 * @param rel relative part, &ge; 0
 */
public record Tolerance(double abs, double rel) {
    public Tolerance {
        Checks.nonNegative("abs", abs);
        Checks.nonNegative("rel", rel);
    }

    /** Returns true when {@code x} is within this tolerance of {@code reference}. */
    public boolean accepts(double x, double reference) {
        return Math.abs(x - reference) <= abs + rel * Math.abs(reference);
    }

    /** The threshold {@code abs + rel * scale}. */
    public double threshold(double scale) {
        return abs + rel * Math.abs(scale);
    }
}
