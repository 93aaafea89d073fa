package org.flowscape.analysis;

import static org.flowscape.analysis.IntervalMath.add;
import static org.flowscape.analysis.IntervalMath.addProduct;
import static org.flowscape.analysis.IntervalMath.down;
import static org.flowscape.analysis.IntervalMath.sqrHi;
import static org.flowscape.analysis.IntervalMath.sqrLo;
import static org.flowscape.analysis.IntervalMath.up;

/**
 * A scalar u(θ) over a box with interval enclosures of its value, gradient (P) and Hessian (P × P, full): the
 * second-order forward mode in interval arithmetic. Intervals are interleaved (see {@link IntervalMath}); the Hessian
 * is null for value-and-gradient jets. Package-private helper of {@link IntervalRisk}. Each operation costs O(P²).
 */
final class IntervalJet {
    final int p;
    final double[] v = new double[2];
    final double[] g;
    final double[] h;

    IntervalJet(int p, boolean hessian) {
        this.p = p;
        this.g = new double[2 * p];
        this.h = hessian ? new double[2 * p * p] : null;
    }

    /** this += x · θ_k for a constant x and θ_k ∈ [lo, hi]. */
    void addVariableTimesConstant(int k, double lo, double hi, double x) {
        addProduct(v, 0, lo, hi, x, x);
        add(g, k, x, x);
    }

    /** this += θ_k for θ_k ∈ [lo, hi]. */
    void addVariable(int k, double lo, double hi) {
        add(v, 0, lo, hi);
        add(g, k, 1, 1);
    }

    /** this += θ_k · a for θ_k ∈ [lo, hi] and a jet a (product rule). */
    void addVariableTimes(int k, double lo, double hi, IntervalJet a) {
        addProduct(v, 0, lo, hi, a.v[0], a.v[1]);
        for (int i = 0; i < p; i++) {
            addProduct(g, i, lo, hi, a.g[2 * i], a.g[2 * i + 1]);
        }
        add(g, k, a.v[0], a.v[1]);
        if (h == null) {
            return;
        }
        for (int i = 0; i < p * p; i++) {
            addProduct(h, i, lo, hi, a.h[2 * i], a.h[2 * i + 1]);
        }
        for (int i = 0; i < p; i++) {
            add(h, k * p + i, a.g[2 * i], a.g[2 * i + 1]);
            add(h, i * p + k, a.g[2 * i], a.g[2 * i + 1]);
        }
    }

    /** ψ(z) into a new jet, with r = [ψ, ψ', ψ''] over [z] in r[0..5]. */
    static IntervalJet apply(IntervalJet z, double[] r) {
        IntervalJet out = new IntervalJet(z.p, z.h != null);
        out.v[0] = r[0];
        out.v[1] = r[1];
        int p = z.p;
        for (int i = 0; i < p; i++) {
            addProduct(out.g, i, r[2], r[3], z.g[2 * i], z.g[2 * i + 1]);
        }
        if (z.h == null) {
            return out;
        }
        double[] gg = new double[2];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                int o = i * p + j;
                addProduct(out.h, o, r[2], r[3], z.h[2 * o], z.h[2 * o + 1]);
                gg[0] = 0;
                gg[1] = 0;
                addProduct(gg, 0, z.g[2 * i], z.g[2 * i + 1], z.g[2 * j], z.g[2 * j + 1]);
                addProduct(out.h, o, r[4], r[5], gg[0], gg[1]);
            }
        }
        return out;
    }

    /** this += (f − y)² for a jet f and a constant y. */
    void addSquaredResidual(IntervalJet f, double y) {
        double rlo = down(f.v[0] - y);
        double rhi = up(f.v[1] - y);
        add(v, 0, sqrLo(rlo, rhi), sqrHi(rlo, rhi));
        double tlo = 2 * rlo;
        double thi = 2 * rhi;
        for (int i = 0; i < p; i++) {
            addProduct(g, i, tlo, thi, f.g[2 * i], f.g[2 * i + 1]);
        }
        if (h == null) {
            return;
        }
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                int o = i * p + j;
                addProduct(h, o, tlo, thi, f.h[2 * o], f.h[2 * o + 1]);
                double glo = f.g[2 * i];
                double ghi = f.g[2 * i + 1];
                addProduct(h, o, 2 * glo, 2 * ghi, f.g[2 * j], f.g[2 * j + 1]);
            }
        }
    }

    /** Multiplies every interval by the positive interval [lo, hi]. */
    void scale(double lo, double hi) {
        scaleArray(v, lo, hi);
        scaleArray(g, lo, hi);
        if (h != null) {
            scaleArray(h, lo, hi);
        }
    }

    private static void scaleArray(double[] a, double lo, double hi) {
        for (int i = 0; i < a.length; i += 2) {
            double alo = a[i];
            double ahi = a[i + 1];
            a[i] = IntervalMath.mulLo(alo, ahi, lo, hi);
            a[i + 1] = IntervalMath.mulHi(alo, ahi, lo, hi);
        }
    }
}
