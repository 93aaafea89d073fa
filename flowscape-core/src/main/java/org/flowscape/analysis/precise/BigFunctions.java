package org.flowscape.analysis.precise;

import java.math.BigDecimal;

/**
 * Rigorous enclosures of exp, tanh and the logistic function at a given {@link Precision}. exp(x) = exp(x/2^s)^(2^s)
 * with |x/2^s| ≤ 2⁻⁸: the Taylor series of the reduced argument is summed in interval arithmetic until a term falls
 * below 10^−(digits+4) of the sum, the tail is bounded by twice the last term summed (successive terms shrink
 * by |r|/k &lt; 1/2), and the result is squared s times, all at digits + 10 + ⌈0.31 s⌉ digits so the squarings' error
 * growth (a factor 2^s) stays below the requested precision. tanh(u) = 1 − 2/(e^{2u} + 1) and the logistic
 * σ(u) = 1/(1 + e^{−u}) are monotone in the exponential, so their interval extensions evaluate the ends. Written here
 * because neither {@code BigDecimal} nor any maintained Java library gives directed-rounding transcendentals. Cost:
 * about digits/2 + s interval multiplications per endpoint.
 */
public final class BigFunctions {
    /** Arguments beyond this magnitude are refused (e^x would need an exponent beyond {@code BigDecimal}'s range). */
    public static final double MAX_ARGUMENT = 1e8;
    private static final BigDecimal HALF = BigDecimal.valueOf(5, 1);
    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    private BigFunctions() {
    }

    /** An enclosure of e^x for the exact value x. */
    public static BigInterval exp(BigDecimal x, Precision p) {
        if (x.signum() == 0) {
            return BigInterval.ONE;
        }
        double mag = Math.abs(x.doubleValue());
        if (!(mag <= MAX_ARGUMENT)) {
            throw new ArithmeticException("exp argument " + x.doubleValue() + " is beyond the enclosed range +/-"
                    + MAX_ARGUMENT);
        }
        int s = Math.max(0, Math.getExponent(mag) + 9);
        Precision w = p.plus(10 + (int) Math.ceil(0.31 * s));
        BigDecimal exact = x.multiply(HALF.pow(s));
        BigInterval r = new BigInterval(exact.round(w.down()), exact.round(w.up()));
        BigInterval sum = BigInterval.ONE;
        BigInterval term = BigInterval.ONE;
        BigDecimal stop = BigDecimal.ONE.movePointLeft(w.digits() + 4);
        for (int k = 1; term.magnitude().compareTo(stop) > 0; k++) {
            term = term.multiply(r, w).divide(BigInterval.point(BigDecimal.valueOf(k)), w);
            sum = sum.add(term, w);
        }
        sum = sum.widen(term.magnitude().multiply(TWO), w);
        for (int i = 0; i < s; i++) {
            sum = sum.square(w);
        }
        return sum;
    }

    /** An enclosure of tanh over the interval u (tanh is increasing, so the ends are enclosed separately). */
    public static BigInterval tanh(BigInterval u, Precision p) {
        return new BigInterval(tanhPoint(u.lo(), p).lo(), tanhPoint(u.hi(), p).hi());
    }

    /** An enclosure of σ(u) = 1/(1 + e^{−u}) over the interval u (increasing). */
    public static BigInterval logistic(BigInterval u, Precision p) {
        return new BigInterval(logisticPoint(u.lo(), p).lo(), logisticPoint(u.hi(), p).hi());
    }

    /**
     * tanh(u) = 1 − 2/(e^{2u} + 1) for the exact value u; for |u| &lt; 1 the subtraction cancels about −log10|u|
     * digits, which are added to the working precision so the result keeps {@code p}'s relative accuracy.
     */
    static BigInterval tanhPoint(BigDecimal u, Precision p) {
        if (u.signum() == 0) {
            return BigInterval.ZERO;
        }
        int exponent = u.precision() - u.scale() - 1;
        Precision w = exponent < 0 ? p.plus(-exponent + 2) : p;
        BigInterval e = exp(u.multiply(TWO), w);
        BigInterval q = BigInterval.point(TWO).divide(e.add(BigInterval.ONE, w), w);
        return BigInterval.ONE.subtract(q, w);
    }

    /** σ(u) = 1/(1 + e^{−u}) for the exact value u. */
    static BigInterval logisticPoint(BigDecimal u, Precision p) {
        BigInterval e = exp(u.negate(), p);
        return BigInterval.ONE.divide(e.add(BigInterval.ONE, p), p);
    }
}
