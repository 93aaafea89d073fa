package org.flowscape.analysis.precise;

import java.math.BigDecimal;

/**
 * A closed interval [lo, hi] with {@link BigDecimal} ends. Every operation rounds its lower end toward −∞ and its
 * upper end toward +∞ at the given {@link Precision} ({@code BigDecimal}'s arithmetic is correctly rounded in every
 * {@link java.math.RoundingMode}), so the result contains the exact result of the operation applied to any members
 * of the operands. Written here because no maintained Java library on Maven Central offers arbitrary-precision
 * interval arithmetic. Cost: a few {@code BigDecimal} operations at the working precision per call.
 *
 * @param lo lower end
 * @param hi upper end, ≥ lo
 */
public record BigInterval(BigDecimal lo, BigDecimal hi) {
    /** [0, 0]. */
    public static final BigInterval ZERO = point(BigDecimal.ZERO);
    /** [1, 1]. */
    public static final BigInterval ONE = point(BigDecimal.ONE);

    public BigInterval {
        if (lo.compareTo(hi) > 0) {
            throw new IllegalArgumentException("empty interval [" + lo + ", " + hi + "]");
        }
    }

    /** The degenerate interval [x, x]. */
    public static BigInterval point(BigDecimal x) {
        return new BigInterval(x, x);
    }

    /** The degenerate interval holding the exact value of a finite double. */
    public static BigInterval of(double x) {
        return point(new BigDecimal(x));
    }

    /** [−r, r] for r ≥ 0. */
    public static BigInterval symmetric(BigDecimal r) {
        return new BigInterval(r.negate(), r);
    }

    public BigInterval add(BigInterval y, Precision p) {
        return new BigInterval(lo.add(y.lo, p.down()), hi.add(y.hi, p.up()));
    }

    public BigInterval subtract(BigInterval y, Precision p) {
        return new BigInterval(lo.subtract(y.hi, p.down()), hi.subtract(y.lo, p.up()));
    }

    public BigInterval negate() {
        return new BigInterval(hi.negate(), lo.negate());
    }

    public BigInterval multiply(BigInterval y, Precision p) {
        if (lo.signum() >= 0 && y.lo.signum() >= 0) {
            return new BigInterval(lo.multiply(y.lo, p.down()), hi.multiply(y.hi, p.up()));
        }
        BigDecimal a = lo.multiply(y.lo);
        BigDecimal b = lo.multiply(y.hi);
        BigDecimal c = hi.multiply(y.lo);
        BigDecimal d = hi.multiply(y.hi);
        BigDecimal min = a.min(b).min(c.min(d));
        BigDecimal max = a.max(b).max(c.max(d));
        return new BigInterval(min.round(p.down()), max.round(p.up()));
    }

    /** This times a point value (one rounding per end). */
    public BigInterval multiply(BigDecimal y, Precision p) {
        if (y.signum() >= 0) {
            return new BigInterval(lo.multiply(y, p.down()), hi.multiply(y, p.up()));
        }
        return new BigInterval(hi.multiply(y, p.down()), lo.multiply(y, p.up()));
    }

    /** {x² : x in this}: tighter than {@code multiply(this)} when the interval straddles 0. */
    public BigInterval square(Precision p) {
        if (lo.signum() >= 0) {
            return new BigInterval(lo.multiply(lo, p.down()), hi.multiply(hi, p.up()));
        }
        if (hi.signum() <= 0) {
            return new BigInterval(hi.multiply(hi, p.down()), lo.multiply(lo, p.up()));
        }
        BigDecimal m = lo.negate().max(hi);
        return new BigInterval(BigDecimal.ZERO, m.multiply(m, p.up()));
    }

    /**
     * This divided by {@code y}.
     *
     * @throws ArithmeticException when y contains 0
     */
    public BigInterval divide(BigInterval y, Precision p) {
        if (y.containsZero()) {
            throw new ArithmeticException("interval division by an interval containing 0: " + y);
        }
        BigDecimal[] q = {lo.divide(y.lo, p.down()), lo.divide(y.hi, p.down()), hi.divide(y.lo, p.down()),
            hi.divide(y.hi, p.down())};
        BigDecimal[] r = {lo.divide(y.lo, p.up()), lo.divide(y.hi, p.up()), hi.divide(y.lo, p.up()),
            hi.divide(y.hi, p.up())};
        return new BigInterval(q[0].min(q[1]).min(q[2].min(q[3])), r[0].max(r[1]).max(r[2].max(r[3])));
    }

    /** This plus [−r, r]. */
    public BigInterval widen(BigDecimal r, Precision p) {
        return new BigInterval(lo.subtract(r, p.down()), hi.add(r, p.up()));
    }

    public boolean containsZero() {
        return lo.signum() <= 0 && hi.signum() >= 0;
    }

    /** Whether this lies in the open interior of {@code outer}. */
    public boolean strictlyInside(BigInterval outer) {
        return lo.compareTo(outer.lo) > 0 && hi.compareTo(outer.hi) < 0;
    }

    /** max |x| over the interval (exact). */
    public BigDecimal magnitude() {
        return lo.abs().max(hi.abs());
    }

    /** min |x| over the interval (exact; 0 when it contains 0). */
    public BigDecimal mignitude() {
        return containsZero() ? BigDecimal.ZERO : lo.abs().min(hi.abs());
    }

    /** hi − lo, rounded up. */
    public BigDecimal width(Precision p) {
        return hi.subtract(lo, p.up());
    }

    /** (lo + hi)/2 rounded to nearest: a point inside, for non-rigorous use. */
    public BigDecimal mid(Precision p) {
        return lo.add(hi).multiply(BigDecimal.valueOf(5, 1), p.nearest());
    }

    /** The midpoint as the nearest double. */
    public double midDouble() {
        return lo.add(hi).multiply(BigDecimal.valueOf(5, 1)).doubleValue();
    }

    @Override
    public String toString() {
        return "[" + lo.round(new java.math.MathContext(20, java.math.RoundingMode.FLOOR)) + ", "
                + hi.round(new java.math.MathContext(20, java.math.RoundingMode.CEILING)) + "]";
    }
}
