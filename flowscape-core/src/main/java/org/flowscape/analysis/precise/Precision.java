package org.flowscape.analysis.precise;

import java.math.MathContext;
import java.math.RoundingMode;

/**
 * A working precision: {@code digits} significant decimal digits, with the three rounding contexts interval
 * arithmetic needs (toward −∞ for lower ends, toward +∞ for upper ends, to nearest for point computations).
 *
 * @param digits significant decimal digits, at least 20
 */
public record Precision(int digits) {

    public Precision {
        if (digits < 20 || digits > 2000) {
            throw new IllegalArgumentException("precision must be 20..2000 decimal digits, got " + digits);
        }
    }

    /** Rounds toward −∞. */
    public MathContext down() {
        return new MathContext(digits, RoundingMode.FLOOR);
    }

    /** Rounds toward +∞. */
    public MathContext up() {
        return new MathContext(digits, RoundingMode.CEILING);
    }

    /** Rounds to nearest (for non-rigorous point computations such as Newton steps). */
    public MathContext nearest() {
        return new MathContext(digits, RoundingMode.HALF_EVEN);
    }

    /** This precision with {@code extra} more digits. */
    public Precision plus(int extra) {
        return new Precision(digits + extra);
    }
}
