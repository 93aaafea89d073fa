package org.flowscape.analysis;

import java.util.SplittableRandom;
import org.flowscape.linalg.Matrix;
import org.flowscape.linalg.SymmetricEigen;
import org.flowscape.linalg.Vectors;
import org.flowscape.objective.Objective;
import org.flowscape.rng.Seeds;

/**
 * The symmetric Lanczos process on the Hessian operator v ↦ H(θ)v with full reorthogonalization (Gram–Schmidt against
 * the whole basis every step, repeated when the first pass cancels more than 1 − 1/√2 of the vector: "twice is
 * enough"; classical Gram–Schmidt blocked four basis vectors at a time, see {@link Reorthogonalization}), for the k
 * largest and k smallest eigenpairs of a
 * Hessian too large to form. Written here because no maintained Java library offers Lanczos on a matrix-free
 * operator with full reorthogonalization (Hipparchus and ojAlgo decompose dense matrices only); the small
 * tridiagonal eigenproblem goes to LAPACK through {@link SymmetricEigen}.
 *
 * <p>An invariant subspace (β ≈ 0, e.g. H = 0) restarts from a fresh random vector orthogonal to the basis, so every
 * eigenvalue is reachable, and the iteration never stops at a breakdown: a Krylov space sees each distinct eigenvalue
 * once, so copies of a repeated eigenvalue appear only in later restarted blocks (in floating point, or not at all
 * when the iteration limit comes first: multiplicities from Lanczos are lower bounds). Residuals are reported twice
 * over: the cheap estimate |β_m s_{m,i}| stops the iteration, and the result carries the true ‖Hv − λv‖ from fresh
 * batched HVPs. Cost: m HVPs plus O(m²P) for reorthogonalization
 * and m·P doubles for the basis.
 */
public final class Lanczos {
    /** β below this fraction of the largest |α|, |β| seen counts as an invariant subspace (restart). */
    public static final double BREAKDOWN_REL = 1e-12;

    private static final int CHECK_EVERY = 5;
    /** A second Gram–Schmidt pass runs when the first leaves less than this fraction of ‖w‖ (Kahan–Parlett). */
    static final double REORTHOGONALIZE_AGAIN = 0.7071067811865476;

    private Lanczos() {
    }

    /** The extremal eigenpairs of H(θ) as {@code config} asks. θ is read only. */
    public static LanczosResult extremal(Objective objective, double[] theta, LanczosConfig config) {
        int p = objective.dim();
        int mMax = Math.min(config.maxIterations(), p);
        int wanted = Math.min(p, config.largest() + config.smallest());
        double[][] q = new double[mMax][];
        double[] coefficients = new double[mMax];
        double[] alpha = new double[mMax];
        double[] beta = new double[mMax];
        SplittableRandom random = Seeds.stream(config.seed(), "lanczos", 0);
        double[] v = randomOrthogonal(random, q, 0, p, coefficients);
        double[] w = new double[p];
        double scale = 0;
        int m = 0;
        SymmetricEigen ritz = null;
        for (int j = 0; j < mMax; j++) {
            if (j > 0 && org.flowscape.internal.Cancellation.requested()) {
                break; // keep the Krylov space built so far: its Ritz pairs carry their residuals
            }
            q[j] = v.clone();
            objective.hessianVectorProduct(theta, v, w);
            alpha[j] = Vectors.dot(v, w);
            // the three-term recurrence first, then one full pass, and a second only where the full pass cancelled
            Vectors.axpy(-alpha[j], v, w);
            if (j > 0 && beta[j - 1] != 0) {
                Vectors.axpy(-beta[j - 1], q[j - 1], w);
            }
            double before = Vectors.norm2(w);
            Reorthogonalization.orthogonalize(w, q, j + 1, coefficients);
            double b = Vectors.norm2(w);
            if (b < REORTHOGONALIZE_AGAIN * before) {
                // "twice is enough" (Kahan–Parlett): a second pass only when the first cancelled much of w
                Reorthogonalization.orthogonalize(w, q, j + 1, coefficients);
                b = Vectors.norm2(w);
            }
            scale = Math.max(scale, Math.max(Math.abs(alpha[j]), b));
            m = j + 1;
            boolean breakdown = b <= BREAKDOWN_REL * scale;
            beta[j] = breakdown ? 0 : b;
            if (m >= wanted && !breakdown && (m % CHECK_EVERY == 0 || m == mMax)) {
                ritz = tridiagonalEigen(alpha, beta, m);
                if (estimatesConverged(ritz, beta[j], m, config)) {
                    break;
                }
            }
            if (m == mMax) {
                break;
            }
            if (breakdown) {
                v = randomOrthogonal(random, q, m, p, coefficients);
            } else {
                for (int i = 0; i < p; i++) {
                    v[i] = w[i] / b;
                }
            }
        }
        if (ritz == null || ritz.size() != m) {
            ritz = tridiagonalEigen(alpha, beta, m);
        }
        return assemble(objective, theta, config, q, ritz, m, p);
    }

    static SymmetricEigen tridiagonalEigen(double[] alpha, double[] beta, int m) {
        double[] t = new double[m * m];
        for (int i = 0; i < m; i++) {
            t[i * m + i] = alpha[i];
            if (i + 1 < m) {
                t[i * m + i + 1] = beta[i];
                t[(i + 1) * m + i] = beta[i];
            }
        }
        return SymmetricEigen.decompose(new Matrix(m, m, t));
    }

    private static boolean estimatesConverged(SymmetricEigen ritz, double betaLast, int m, LanczosConfig config) {
        double threshold = config.residualTolerance().threshold(ritz.spectralRadius());
        for (int i : selected(m, config)) {
            double estimate = Math.abs(betaLast * ritz.vectors()[(m - 1) * m + i]);
            if (estimate > threshold) {
                return false;
            }
        }
        return true;
    }

    /** Indices into the ascending Ritz values: the smallest ones, then the largest, without repeats. */
    static int[] selected(int m, LanczosConfig config) {
        int lo = Math.min(config.smallest(), m);
        int hi = Math.min(config.largest(), m - lo);
        int[] idx = new int[lo + hi];
        for (int i = 0; i < lo; i++) {
            idx[i] = i;
        }
        for (int i = 0; i < hi; i++) {
            idx[lo + i] = m - hi + i;
        }
        return idx;
    }

    private static LanczosResult assemble(Objective objective, double[] theta, LanczosConfig config, double[][] q,
            SymmetricEigen ritz, int m, int p) {
        int[] idx = selected(m, config);
        int c = idx.length;
        double[] values = new double[c];
        double[] vectors = new double[c * p];
        for (int r = 0; r < c; r++) {
            values[r] = ritz.values()[idx[r]];
            for (int j = 0; j < m; j++) {
                double s = ritz.vectors()[j * m + idx[r]];
                double[] qj = q[j];
                for (int i = 0, o = r * p; i < p; i++) {
                    vectors[o + i] += s * qj[i];
                }
            }
            normalizeRow(vectors, r, p);
        }
        double[] hv = new double[c * p];
        objective.hessianVectorProducts(theta, vectors, c, hv);
        double radius = ritz.spectralRadius();
        double threshold = config.residualTolerance().threshold(radius);
        double[] residuals = new double[c];
        boolean[] converged = new boolean[c];
        boolean all = true;
        for (int r = 0; r < c; r++) {
            double s = 0;
            for (int i = 0; i < p; i++) {
                double d = hv[r * p + i] - values[r] * vectors[r * p + i];
                s += d * d;
            }
            residuals[r] = Math.sqrt(s);
            converged[r] = residuals[r] <= threshold;
            all &= converged[r];
        }
        return new LanczosResult(values, vectors, residuals, converged, threshold, radius, m,
                all ? SpectrumStatus.CONVERGED : SpectrumStatus.NOT_CONVERGED, config);
    }

    private static void normalizeRow(double[] rows, int r, int p) {
        double s = 0;
        for (int i = 0; i < p; i++) {
            s += rows[r * p + i] * rows[r * p + i];
        }
        double inv = s > 0 ? 1 / Math.sqrt(s) : 0;
        for (int i = 0; i < p; i++) {
            rows[r * p + i] *= inv;
        }
    }

    /** w −= Σ_j (q_j·w) q_j over the first {@code rows} rows of {@code q} (rows × p). */
    static void orthogonalize(double[] w, double[] q, int rows, int p) {
        for (int j = 0; j < rows; j++) {
            double d = 0;
            int o = j * p;
            for (int i = 0; i < p; i++) {
                d += q[o + i] * w[i];
            }
            for (int i = 0; i < p; i++) {
                w[i] -= d * q[o + i];
            }
        }
    }

    /** A random unit vector orthogonal to the first {@code rows} vectors of {@code q} (CGS2, as in the iteration). */
    static double[] randomOrthogonal(SplittableRandom random, double[][] q, int rows, int p, double[] coefficients) {
        double[] v = new double[p];
        for (int attempt = 0; attempt < 4; attempt++) {
            Seeds.gaussian(random, 1.0, v);
            Reorthogonalization.orthogonalize(v, q, rows, coefficients);
            Reorthogonalization.orthogonalize(v, q, rows, coefficients);
            double n = Vectors.norm2(v);
            if (n > 1e-8) {
                Vectors.scale(1 / n, v);
                return v;
            }
        }
        throw new IllegalStateException("could not extend a Lanczos basis of " + rows + " vectors in dimension " + p);
    }
}
