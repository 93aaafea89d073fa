package org.flowscape.bench;

import java.util.Locale;

/**
 * How far our values are from a peer's: max |ours − peer| divided by a stated scale, with the index of the largest
 * difference so that a disagreement can be located.
 *
 * @param what      what was compared, e.g. {@code Hessian}
 * @param relative  max |ours − peer| / scale
 * @param index     the index of the largest |ours − peer| (−1 for empty arrays)
 * @param ours      our value at {@code index}
 * @param peer      the peer's value at {@code index}
 * @param scale     the denominator (e.g. max |peer| or the spectral radius)
 * @param tolerance the largest accepted {@code relative}
 */
public record Agreement(String what, double relative, int index, double ours, double peer, double scale,
        double tolerance) {

    /** Compares {@code ours} with {@code peer} (same length, both read only) relative to {@code scale}. */
    public static Agreement of(String what, double[] ours, double[] peer, double scale, double tolerance) {
        if (ours.length != peer.length) {
            throw new IllegalArgumentException(what + ": ours has " + ours.length + " values, the peer's "
                    + peer.length + "; rerun the peer on the same export");
        }
        int worst = -1;
        double max = -1;
        for (int i = 0; i < ours.length; i++) {
            double d = Math.abs(ours[i] - peer[i]);
            if (d > max || Double.isNaN(d)) {
                max = d;
                worst = i;
            }
        }
        double rel = worst < 0 ? 0 : max / scale;
        return worst < 0 ? new Agreement(what, 0, -1, 0, 0, scale, tolerance)
                : new Agreement(what, rel, worst, ours[worst], peer[worst], scale, tolerance);
    }

    /** The largest |entry| of {@code values}. */
    public static double maxAbs(double[] values) {
        double m = 0;
        for (double v : values) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    /** True when {@code relative <= tolerance} (false for NaN). */
    public boolean passes() {
        return relative <= tolerance;
    }

    /** One line: the relative difference, the verdict and, where it fails, the worst entry. */
    public String describe(String location) {
        String head = String.format(Locale.ROOT, "%-12s max|ours - peer| / %.6g = %.3e (tolerance %.0e): %s", what,
                scale, relative, tolerance, passes() ? "agree" : "DISAGREE");
        return passes() ? head : head + String.format(Locale.ROOT, " at %s: ours %.17g, peer %.17g", location, ours,
                peer);
    }
}
