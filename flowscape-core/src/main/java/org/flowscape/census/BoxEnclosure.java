package org.flowscape.census;

/**
 * Rigorous interval enclosures of an objective's value, gradient and Hessian over a box lo ≤ θ ≤ hi (outward rounding:
 * every true value at every point of the box lies inside). Intervals are interleaved: interval i is
 * {@code [a[2i], a[2i+1]]}; an enclosure may be infinite or [−∞, ∞] where nothing is proved. Not thread-safe unless
 * an implementation says so.
 */
public interface BoxEnclosure {
    /** P. */
    int dim();

    /** {lo, hi} enclosing L over the box. */
    double[] value(double[] lo, double[] hi);

    /** ∇L over the box into {@code out} (2P, overwritten). */
    void gradient(double[] lo, double[] hi, double[] out);

    /** The Hessian over the box into {@code out} (2P², row-major, overwritten). */
    void hessian(double[] lo, double[] hi, double[] out);
}
