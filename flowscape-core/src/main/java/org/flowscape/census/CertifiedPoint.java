package org.flowscape.census;

/**
 * A critical point proved to exist and to be the only one in its box, with its proved Morse index.
 *
 * @param lo        the enclosure's lower corner: the critical point lies in [lo, hi] (copied)
 * @param hi        the enclosure's upper corner (copied)
 * @param isolation the box in which it is proved unique, lower corner (copied)
 * @param isolationHi its upper corner (copied)
 * @param lossLo    a lower bound of L at the point
 * @param lossHi    an upper bound of L at the point
 * @param index     the proved number of negative Hessian eigenvalues (no eigenvalue is 0); −1 when the inertia
 *                  was not proved (the point is still certified to exist and be unique)
 * @param gap       the smallest distance from 0 of the Gershgorin discs that proved the index (NaN when −1)
 * @param orbit     the symmetry orbit it belongs to (0-based; orbits are reported once with their size)
 */
public record CertifiedPoint(double[] lo, double[] hi, double[] isolation, double[] isolationHi, double lossLo,
        double lossHi, int index, double gap, int orbit) {
    public CertifiedPoint {
        lo = lo.clone();
        hi = hi.clone();
        isolation = isolation.clone();
        isolationHi = isolationHi.clone();
    }

    /** The midpoint of the enclosure. */
    public double[] midpoint() {
        double[] m = new double[lo.length];
        for (int i = 0; i < m.length; i++) {
            m[i] = 0.5 * (lo[i] + hi[i]);
        }
        return m;
    }

    /** The widest coordinate of the enclosure. */
    public double width() {
        double w = 0;
        for (int i = 0; i < lo.length; i++) {
            w = Math.max(w, hi[i] - lo[i]);
        }
        return w;
    }

    /** minimum, maximum, saddle (index k), or "index not proved". */
    public String type() {
        if (index < 0) {
            return "index not proved";
        }
        if (index == 0) {
            return "minimum";
        }
        return index == lo.length ? "maximum" : "saddle";
    }

    /** A copy with {@code orbit} set. */
    CertifiedPoint inOrbit(int o) {
        return new CertifiedPoint(lo, hi, isolation, isolationHi, lossLo, lossHi, index, gap, o);
    }
}
