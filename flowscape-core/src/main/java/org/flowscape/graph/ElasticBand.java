package org.flowscape.graph;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.flowscape.linalg.Vectors;
import org.flowscape.objective.Objective;

/**
 * The doubly-nudged elastic band between two minima (Trygubenko &amp; Wales, J. Chem. Phys. 120, 2082, 2004): images
 * on the straight line between the endpoints relax under the true force perpendicular to the band, the spring force
 * along it (tangent of Henkelman &amp; Jónsson, J. Chem. Phys. 113, 9978, 2000) and the part of the perpendicular
 * spring force that is also perpendicular to the perpendicular gradient (the "doubly nudged" term, which keeps images
 * from kinking without pulling them off the path). Relaxed by FIRE (Bitzek et al., Phys. Rev. Lett. 97, 170201,
 * 2006) with every image's displacement capped at {@link GraphConfig#maxStep}. The interior local maxima of L along
 * the relaxed band are transition-state candidates for {@link SaddleSearch}. Written here because no maintained Java
 * library implements the method. Cost per iteration: one value and gradient per interior image.
 */
public final class ElasticBand {
    /** FIRE's parameters (Bitzek et al.): first and largest time step, growth, shrink, mixing, its decay, delay. */
    static final double DT0 = 0.05;
    static final double DT_MAX = 0.5;
    static final double GROW = 1.1;
    static final double SHRINK = 0.5;
    static final double ALPHA0 = 0.1;
    static final double ALPHA_DECAY = 0.99;
    static final int DELAY = 5;

    private ElasticBand() {
    }

    /** Relaxes a band from {@code a} to {@code b} (both read only, length P). */
    public static BandResult relax(Objective objective, double[] a, double[] b, GraphConfig config) {
        int n = config.images();
        int p = a.length;
        double[][] x = new double[n + 2][];
        for (int i = 0; i < n + 2; i++) {
            double s = i / (double) (n + 1);
            x[i] = new double[p];
            for (int j = 0; j < p; j++) {
                x[i][j] = (1 - s) * a[j] + s * b[j];
            }
        }
        double[] e = new double[n + 2];
        e[0] = objective.value(a);
        e[n + 1] = objective.value(b);
        double[][] v = new double[n + 2][p];
        double[][] f = new double[n + 2][p];
        double[][] g = new double[n + 2][p];
        double dt = DT0;
        double alpha = ALPHA0;
        int sincePositive = 0;
        int it = 0;
        double maxForce = forces(objective, x, e, g, f, config.spring());
        while (maxForce > config.bandTolerance() && it < config.bandIterations() && Double.isFinite(maxForce)) {
            double power = 0;
            double vn = 0;
            double fn = 0;
            for (int i = 1; i <= n; i++) {
                power += Vectors.dot(f[i], v[i]);
                vn += Vectors.dot(v[i], v[i]);
                fn += Vectors.dot(f[i], f[i]);
            }
            vn = Math.sqrt(vn);
            fn = Math.sqrt(fn);
            if (power > 0) {
                for (int i = 1; i <= n; i++) {
                    for (int j = 0; j < p; j++) {
                        v[i][j] = (1 - alpha) * v[i][j] + alpha * vn * f[i][j] / fn;
                    }
                }
                if (++sincePositive > DELAY) {
                    dt = Math.min(dt * GROW, DT_MAX);
                    alpha *= ALPHA_DECAY;
                }
            } else {
                for (int i = 1; i <= n; i++) {
                    java.util.Arrays.fill(v[i], 0);
                }
                dt *= SHRINK;
                alpha = ALPHA0;
                sincePositive = 0;
            }
            for (int i = 1; i <= n; i++) {
                Vectors.axpy(dt, f[i], v[i]);
                double[] step = v[i].clone();
                Vectors.scale(dt, step);
                double sn = Vectors.norm2(step);
                if (sn > config.maxStep()) {
                    Vectors.scale(config.maxStep() / sn, step);
                }
                Vectors.axpy(1, step, x[i]);
            }
            maxForce = forces(objective, x, e, g, f, config.spring());
            it++;
        }
        return new BandResult(x, e, candidates(e), it, maxForce, maxForce <= config.bandTolerance());
    }

    /** Fills e, g and f for the interior images; returns the largest force norm. */
    static double forces(Objective objective, double[][] x, double[] e, double[][] g, double[][] f, double k) {
        int n = x.length - 2;
        for (int i = 1; i <= n; i++) {
            e[i] = objective.valueAndGradient(x[i], g[i]);
        }
        double worst = 0;
        for (int i = 1; i <= n; i++) {
            double[] plus = Vectors.subtract(x[i + 1], x[i]);
            double[] minus = Vectors.subtract(x[i], x[i - 1]);
            double[] tau = tangent(plus, minus, e[i - 1], e[i], e[i + 1]);
            double[] gPerp = g[i].clone();
            Vectors.axpy(-Vectors.dot(gPerp, tau), tau, gPerp);
            double[] spring = Vectors.subtract(plus, minus);
            Vectors.scale(k, spring);
            double[] springPerp = spring.clone();
            Vectors.axpy(-Vectors.dot(springPerp, tau), tau, springPerp);
            double gpn = Vectors.norm2(gPerp);
            double[] out = f[i];
            double parallel = k * (Vectors.norm2(plus) - Vectors.norm2(minus));
            for (int j = 0; j < out.length; j++) {
                out[j] = -gPerp[j] + parallel * tau[j];
            }
            if (gpn > 0) {
                double along = Vectors.dot(springPerp, gPerp) / (gpn * gpn);
                for (int j = 0; j < out.length; j++) {
                    out[j] += springPerp[j] - along * gPerp[j];
                }
            }
            worst = Math.max(worst, Vectors.norm2(out));
        }
        return worst;
    }

    /** Henkelman–Jónsson's tangent: towards the higher neighbour, energy-weighted at extrema; unit length. */
    static double[] tangent(double[] plus, double[] minus, double eLeft, double e, double eRight) {
        double[] t;
        if (eRight > e && e > eLeft) {
            t = plus.clone();
        } else if (eRight < e && e < eLeft) {
            t = minus.clone();
        } else {
            double big = Math.max(Math.abs(eRight - e), Math.abs(eLeft - e));
            double small = Math.min(Math.abs(eRight - e), Math.abs(eLeft - e));
            double wPlus = eRight > eLeft ? big : small;
            double wMinus = eRight > eLeft ? small : big;
            t = new double[plus.length];
            for (int j = 0; j < t.length; j++) {
                t[j] = wPlus * plus[j] + wMinus * minus[j];
            }
            if (Vectors.norm2(t) == 0) {
                t = Vectors.addScaled(plus, 1, minus);
            }
        }
        double n = Vectors.norm2(t);
        if (n > 0) {
            Vectors.scale(1 / n, t);
        }
        return t;
    }

    private static List<Integer> candidates(double[] e) {
        List<Integer> out = new ArrayList<>();
        for (int i = 1; i < e.length - 1; i++) {
            if (e[i] >= e[i - 1] && e[i] >= e[i + 1]) {
                out.add(i);
            }
        }
        out.sort(Comparator.comparingDouble((Integer i) -> -e[i]));
        return out;
    }
}
