package org.flowscape.analysis;

import java.util.SplittableRandom;
import org.flowscape.objective.Objective;
import org.flowscape.rng.Seeds;

/**
 * Stochastic trace estimators for the Hessian on batched HVPs: Hutchinson (Rademacher probes, E[zᵀHz] = tr H) and
 * Hutch++ (Meyer, Musco, Musco, Woodruff 2021: the exact trace on a sketched dominant subspace plus Hutchinson on
 * its complement). Probe r is drawn from the stream {@code (seed, purpose, r)}, so the result does not depend on the
 * batch size. Cost: the stated number of HVPs, in batches of {@link #BATCH}.
 */
public final class TraceEstimators {
    /** How many probes go to one batched HVP call. */
    public static final int BATCH = 16;

    private TraceEstimators() {
    }

    /** Hutchinson's estimator with {@code probes} (&ge; 2) Rademacher vectors. θ is read only. */
    public static TraceEstimate hutchinson(Objective objective, double[] theta, int probes, long seed) {
        if (probes < 2) {
            throw new IllegalArgumentException("Hutchinson needs at least 2 probes for a standard error, got "
                    + probes);
        }
        int p = objective.dim();
        double[] z = new double[probes * p];
        for (int r = 0; r < probes; r++) {
            rademacher(Seeds.stream(seed, "hutchinson", r), z, r * p, p);
        }
        double[] quad = quadraticForms(objective, theta, z, probes, p);
        return new TraceEstimate(mean(quad), standardError(quad), probes, "hutchinson", seed);
    }

    /**
     * Hutch++ with {@code matvecs} (&ge; 6) HVPs: a third sketch H S, a third for tr(QᵀHQ) on its orthonormal basis Q,
     * a third for Hutchinson on (I − QQᵀ) H (I − QQᵀ). θ is read only.
     */
    public static TraceEstimate hutchPlusPlus(Objective objective, double[] theta, int matvecs, long seed) {
        if (matvecs < 6) {
            throw new IllegalArgumentException("Hutch++ needs at least 6 Hessian-vector products, got " + matvecs);
        }
        int p = objective.dim();
        int k = Math.min(matvecs / 3, p);
        int g = matvecs / 3;
        double[] s = new double[k * p];
        for (int r = 0; r < k; r++) {
            rademacher(Seeds.stream(seed, "hutch++-sketch", r), s, r * p, p);
        }
        double[] hs = new double[k * p];
        hvpBatched(objective, theta, s, k, p, hs);
        double[] q = new double[k * p];
        int rank = orthonormalRows(hs, k, p, q);
        double exact = rank == 0 ? 0 : sum(quadraticForms(objective, theta, q, rank, p));
        double[] z = new double[g * p];
        for (int r = 0; r < g; r++) {
            rademacher(Seeds.stream(seed, "hutch++-probe", r), z, r * p, p);
            double[] row = new double[p];
            System.arraycopy(z, r * p, row, 0, p);
            Lanczos.orthogonalize(row, q, rank, p);
            System.arraycopy(row, 0, z, r * p, p);
        }
        double[] quad = quadraticForms(objective, theta, z, g, p);
        return new TraceEstimate(exact + mean(quad), standardError(quad), k + rank + g, "hutch++", seed);
    }

    /** zᵣᵀ H zᵣ for the {@code count} rows of {@code z}. */
    static double[] quadraticForms(Objective objective, double[] theta, double[] z, int count, int p) {
        double[] hz = new double[count * p];
        hvpBatched(objective, theta, z, count, p, hz);
        double[] out = new double[count];
        for (int r = 0; r < count; r++) {
            double d = 0;
            for (int i = 0; i < p; i++) {
                d += z[r * p + i] * hz[r * p + i];
            }
            out[r] = d;
        }
        return out;
    }

    static void hvpBatched(Objective objective, double[] theta, double[] rows, int count, int p, double[] out) {
        double[] in = new double[Math.min(BATCH, count) * p];
        double[] res = new double[in.length];
        for (int start = 0; start < count; start += BATCH) {
            int b = Math.min(BATCH, count - start);
            System.arraycopy(rows, start * p, in, 0, b * p);
            objective.hessianVectorProducts(theta, in, b, res);
            System.arraycopy(res, 0, out, start * p, b * p);
        }
    }

    /** Orthonormalizes the rows of {@code a} (Gram–Schmidt twice) into {@code q}; returns how many were kept. */
    private static int orthonormalRows(double[] a, int rows, int p, double[] q) {
        int kept = 0;
        double[] v = new double[p];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(a, r * p, v, 0, p);
            double before = org.flowscape.linalg.Vectors.norm2(v);
            Lanczos.orthogonalize(v, q, kept, p);
            Lanczos.orthogonalize(v, q, kept, p);
            double n = org.flowscape.linalg.Vectors.norm2(v);
            if (n > 1e-10 * before && n > 0) {
                for (int i = 0; i < p; i++) {
                    q[kept * p + i] = v[i] / n;
                }
                kept++;
            }
        }
        return kept;
    }

    static void rademacher(SplittableRandom random, double[] out, int offset, int p) {
        for (int i = 0; i < p; i++) {
            out[offset + i] = random.nextBoolean() ? 1.0 : -1.0;
        }
    }

    static double mean(double[] x) {
        return sum(x) / x.length;
    }

    private static double sum(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s;
    }

    static double standardError(double[] x) {
        double m = mean(x);
        double s = 0;
        for (double v : x) {
            s += (v - m) * (v - m);
        }
        return Math.sqrt(s / (x.length - 1) / x.length);
    }
}
