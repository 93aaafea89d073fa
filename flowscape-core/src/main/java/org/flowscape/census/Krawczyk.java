package org.flowscape.census;

import static org.flowscape.analysis.IntervalMath.down;
import static org.flowscape.analysis.IntervalMath.up;

import org.flowscape.analysis.IntervalMath;

/**
 * The Krawczyk operator K(X) = x − Y[∇L](x) + (I − Y[H](X))(X − x) for a box X, a point x ∈ X and a floating-point
 * approximate inverse Y of the Hessian, in outward-rounded interval arithmetic. Every zero of ∇L in X lies in K(X);
 * K(X) ∩ X = ∅ proves there is none; K(X) ⊂ int X proves there is exactly one (and that every matrix in [H](X) is
 * nonsingular). Written here (as {@code analysis.Certifier} has its own for boxes around one polished point) because
 * the census needs all three outcomes. Cost: O(P³) interval operations.
 */
final class Krawczyk {
    /** What one application proved. */
    enum Outcome {
        /** K(X) ⊂ int X: a unique zero in X, and it lies in K(X). */
        UNIQUE,
        /** K(X) ∩ X = ∅: no zero in X. */
        EMPTY,
        /** Neither: the zeros of X lie in X ∩ K(X), returned. */
        CONTRACTED
    }

    /**
     * @param outcome what was proved
     * @param lo      the lower corner of K(X) for UNIQUE, of X ∩ K(X) for CONTRACTED; null for EMPTY
     * @param hi      the upper corner likewise
     */
    record Step(Outcome outcome, double[] lo, double[] hi) {
    }

    private Krawczyk() {
    }

    /**
     * One application.
     *
     * @param lo the box (read only)
     * @param hi the box (read only)
     * @param x  a point of the box (read only)
     * @param y  the approximate inverse, P × P row-major (read only)
     * @param gx an enclosure of ∇L at x, 2P interleaved (read only)
     * @param h  an enclosure of the Hessian over the box, 2P² interleaved (read only)
     */
    static Step apply(double[] lo, double[] hi, double[] x, double[] y, double[] gx, double[] h) {
        int p = x.length;
        double[] klo = new double[p];
        double[] khi = new double[p];
        double[] acc = new double[2];
        double[] r = new double[2];
        double[] d = new double[2 * p];
        for (int j = 0; j < p; j++) {
            d[2 * j] = down(lo[j] - x[j]);
            d[2 * j + 1] = up(hi[j] - x[j]);
        }
        boolean inside = true;
        boolean empty = false;
        for (int i = 0; i < p; i++) {
            acc[0] = 0;
            acc[1] = 0;
            for (int j = 0; j < p; j++) {
                IntervalMath.addProduct(acc, 0, -y[i * p + j], -y[i * p + j], gx[2 * j], gx[2 * j + 1]);
            }
            for (int j = 0; j < p; j++) {
                r[0] = i == j ? 1 : 0;
                r[1] = r[0];
                for (int k = 0; k < p; k++) {
                    double yik = -y[i * p + k];
                    IntervalMath.addProduct(r, 0, yik, yik, h[2 * (k * p + j)], h[2 * (k * p + j) + 1]);
                }
                IntervalMath.addProduct(acc, 0, r[0], r[1], d[2 * j], d[2 * j + 1]);
            }
            klo[i] = down(x[i] + acc[0]);
            khi[i] = up(x[i] + acc[1]);
            if (!(klo[i] <= khi[i])) {
                return new Step(Outcome.CONTRACTED, lo.clone(), hi.clone());
            }
            inside &= klo[i] > lo[i] && khi[i] < hi[i];
            empty |= khi[i] < lo[i] || klo[i] > hi[i];
        }
        if (empty) {
            return new Step(Outcome.EMPTY, null, null);
        }
        if (inside) {
            return new Step(Outcome.UNIQUE, klo, khi);
        }
        for (int i = 0; i < p; i++) {
            klo[i] = Math.max(klo[i], lo[i]);
            khi[i] = Math.min(khi[i], hi[i]);
        }
        return new Step(Outcome.CONTRACTED, klo, khi);
    }

    /**
     * An approximate inverse of the P × P matrix {@code a} (read only) by Gauss–Jordan elimination with partial
     * pivoting, or null when a pivot is 0 or not finite, or below 1e-14 of the largest entry (singular to working
     * precision).
     */
    static double[] inverse(double[] a, int p) {
        double[] m = a.clone();
        double[] inv = new double[p * p];
        double scale = 0;
        for (double v : a) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int i = 0; i < p; i++) {
            inv[i * p + i] = 1;
        }
        for (int c = 0; c < p; c++) {
            int piv = c;
            for (int r = c + 1; r < p; r++) {
                if (Math.abs(m[r * p + c]) > Math.abs(m[piv * p + c])) {
                    piv = r;
                }
            }
            double pv = m[piv * p + c];
            if (!Double.isFinite(pv) || !(Math.abs(pv) > 1e-14 * scale)) {
                return null;
            }
            swapRows(m, p, c, piv);
            swapRows(inv, p, c, piv);
            for (int j = 0; j < p; j++) {
                m[c * p + j] /= pv;
                inv[c * p + j] /= pv;
            }
            for (int r = 0; r < p; r++) {
                double f = m[r * p + c];
                if (r != c && f != 0) {
                    for (int j = 0; j < p; j++) {
                        m[r * p + j] -= f * m[c * p + j];
                        inv[r * p + j] -= f * inv[c * p + j];
                    }
                }
            }
        }
        return inv;
    }

    private static void swapRows(double[] m, int p, int a, int b) {
        if (a == b) {
            return;
        }
        for (int j = 0; j < p; j++) {
            double t = m[a * p + j];
            m[a * p + j] = m[b * p + j];
            m[b * p + j] = t;
        }
    }
}
