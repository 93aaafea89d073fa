package org.flowscape.census.homotopy;

/**
 * A rectangular complex interval [reLo, reHi] + i·[imLo, imHi] with outward-rounded arithmetic: every computed
 * bound is moved one ulp outwards ({@link Math#nextDown}/{@link Math#nextUp}) after each IEEE operation, so the
 * result encloses the exact one. Immutable. Written here because no maintained Java library has complex interval
 * arithmetic (the project's real interval code is {@code org.flowscape.analysis.IntervalMath}, package-private).
 *
 * @param reLo lower bound of the real part
 * @param reHi upper bound of the real part, &ge; reLo
 * @param imLo lower bound of the imaginary part
 * @param imHi upper bound of the imaginary part, &ge; imLo
 */
public record ComplexInterval(double reLo, double reHi, double imLo, double imHi) {
    /** The exact complex zero. */
    public static final ComplexInterval ZERO = new ComplexInterval(0, 0, 0, 0);

    public ComplexInterval {
        if (!(reLo <= reHi && imLo <= imHi)) {
            throw new IllegalArgumentException("empty or NaN complex interval [" + reLo + ", " + reHi + "] + i["
                    + imLo + ", " + imHi + "]");
        }
    }

    /** The point re + i·im (both exact doubles). */
    public static ComplexInterval point(double re, double im) {
        return new ComplexInterval(re, re, im, im);
    }

    /** The box centred at (re, im) with half-widths rr (real) and ri (imaginary). */
    public static ComplexInterval around(double re, double im, double rr, double ri) {
        return new ComplexInterval(Math.nextDown(re - rr), Math.nextUp(re + rr), Math.nextDown(im - ri),
                Math.nextUp(im + ri));
    }

    /** this + o. */
    public ComplexInterval plus(ComplexInterval o) {
        return new ComplexInterval(Math.nextDown(reLo + o.reLo), Math.nextUp(reHi + o.reHi),
                Math.nextDown(imLo + o.imLo), Math.nextUp(imHi + o.imHi));
    }

    /** this − o. */
    public ComplexInterval minus(ComplexInterval o) {
        return new ComplexInterval(Math.nextDown(reLo - o.reHi), Math.nextUp(reHi - o.reLo),
                Math.nextDown(imLo - o.imHi), Math.nextUp(imHi - o.imLo));
    }

    /** this · o (rectangular enclosure of the product). */
    public ComplexInterval times(ComplexInterval o) {
        double[] a = mul(reLo, reHi, o.reLo, o.reHi);
        double[] b = mul(imLo, imHi, o.imLo, o.imHi);
        double[] c = mul(reLo, reHi, o.imLo, o.imHi);
        double[] d = mul(imLo, imHi, o.reLo, o.reHi);
        return new ComplexInterval(Math.nextDown(a[0] - b[1]), Math.nextUp(a[1] - b[0]), Math.nextDown(c[0] + d[0]),
                Math.nextUp(c[1] + d[1]));
    }

    /** this^k, k &ge; 0, by repeated multiplication. */
    public ComplexInterval pow(int k) {
        ComplexInterval r = point(1, 0);
        for (int e = 0; e < k; e++) {
            r = r.times(this);
        }
        return r;
    }

    private static double[] mul(double alo, double ahi, double blo, double bhi) {
        double p1 = alo * blo;
        double p2 = alo * bhi;
        double p3 = ahi * blo;
        double p4 = ahi * bhi;
        double lo = Math.min(Math.min(p1, p2), Math.min(p3, p4));
        double hi = Math.max(Math.max(p1, p2), Math.max(p3, p4));
        return new double[] {Math.nextDown(lo), Math.nextUp(hi)};
    }

    /** True when this lies in the interior of o (strictly inside in both parts). */
    public boolean strictlyInside(ComplexInterval o) {
        return reLo > o.reLo && reHi < o.reHi && imLo > o.imLo && imHi < o.imHi;
    }

    /** True when this and o share a point. */
    public boolean intersects(ComplexInterval o) {
        return reLo <= o.reHi && o.reLo <= reHi && imLo <= o.imHi && o.imLo <= imHi;
    }

    /** True when the imaginary part excludes 0 (every point of this is non-real). */
    public boolean excludesReal() {
        return imLo > 0 || imHi < 0;
    }

    /** The largest half-width of the two parts. */
    public double radius() {
        return Math.max(reHi - reLo, imHi - imLo) / 2;
    }
}
