package org.flowscape.analysis;

/**
 * Outward-rounded interval arithmetic on (lo, hi) pairs. Every operation computes its endpoints in round-to-nearest
 * and then steps them outward with {@link Math#nextDown}/{@link Math#nextUp}, which encloses the exact result of
 * the operation on every pair of members. Library functions ({@code Math.exp, tanh, log1p, sin, cos}, specified to
 * within 1–2.5 ulp) and the few-operation composites built from them are widened by {@link #LIBRARY_ULPS} ulps.
 * Intervals are stored interleaved in arrays: interval i is {@code [a[2i], a[2i+1]]}. Helper of the certification
 * and of the census ({@code org.flowscape.census}); written here because no maintained Java library offers interval arithmetic with interval Hessians.
 */
public final class IntervalMath {
    /** Ulps of widening for library transcendental functions and their short composites. */
    public static final int LIBRARY_ULPS = 8;

    private IntervalMath() {
    }

    public static double down(double x) {
        return Math.nextDown(x);
    }

    public static double up(double x) {
        return Math.nextUp(x);
    }

    /** A library-function value widened downward. */
    public static double libDown(double x) {
        return x - LIBRARY_ULPS * Math.ulp(x) - Double.MIN_VALUE;
    }

    /** A library-function value widened upward. */
    public static double libUp(double x) {
        return x + LIBRARY_ULPS * Math.ulp(x) + Double.MIN_VALUE;
    }

    public static double mulLo(double alo, double ahi, double blo, double bhi) {
        return down(Math.min(Math.min(alo * blo, alo * bhi), Math.min(ahi * blo, ahi * bhi)));
    }

    public static double mulHi(double alo, double ahi, double blo, double bhi) {
        return up(Math.max(Math.max(alo * blo, alo * bhi), Math.max(ahi * blo, ahi * bhi)));
    }

    /** The lower end of [a]²: 0 when [a] contains 0. */
    public static double sqrLo(double alo, double ahi) {
        if (alo <= 0 && ahi >= 0) {
            return 0;
        }
        double m = Math.min(Math.abs(alo), Math.abs(ahi));
        return down(m * m);
    }

    public static double sqrHi(double alo, double ahi) {
        double m = Math.max(Math.abs(alo), Math.abs(ahi));
        return up(m * m);
    }

    /** max(|lo|, |hi|). */
    public static double mag(double lo, double hi) {
        return Math.max(Math.abs(lo), Math.abs(hi));
    }

    /** out[2o..2o+1] += [alo, ahi]·[blo, bhi]. */
    public static void addProduct(double[] out, int o, double alo, double ahi, double blo, double bhi) {
        out[2 * o] = down(out[2 * o] + mulLo(alo, ahi, blo, bhi));
        out[2 * o + 1] = up(out[2 * o + 1] + mulHi(alo, ahi, blo, bhi));
    }

    /** out[2o..2o+1] += [lo, hi]. */
    public static void add(double[] out, int o, double lo, double hi) {
        out[2 * o] = down(out[2 * o] + lo);
        out[2 * o + 1] = up(out[2 * o + 1] + hi);
    }

    /** 1/[a] for 0 &lt; a.lo. */
    public static double recipLo(double ahi) {
        return down(1 / ahi);
    }

    public static double recipHi(double alo) {
        return up(1 / alo);
    }
}
