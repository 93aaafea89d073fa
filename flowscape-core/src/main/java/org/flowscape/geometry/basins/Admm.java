package org.flowscape.geometry.basins;

import org.flowscape.linalg.Matrix;
import org.flowscape.linalg.SymmetricEigen;

/**
 * The scalable path for a {@link BasinProgram} (theory.md F.11: "ADMM ... with a KKT certificate"): the alternating
 * direction method of multipliers on min ½uᵀQu − cᵀu subject to Ĝu = s, s ≥ 0, where Ĝ holds the constraints
 * a_{g,t}⟨u_g, x_t⟩/‖x_t‖ (block diagonal over groups). Its job is only to find the optimal active set: every
 * {@code CHECK} iterations, once the set {s = 0} has stopped changing, the exact {@link Polish} on that set is
 * certified, and the first certified point is returned. Written here because ojAlgo's convex solver, exact and used
 * as the fallback, needs seconds per program at width 16 (dense active set over k·m constraints), and the
 * Monte-Carlo studies solve thousands. The linear system (Q + ρĜᵀĜ) is diagonalised once (LAPACK dsyevd).
 *
 * <p>Cost per iteration: 2(G·d)² for the solve and 4·G·m·d for Ĝu and Ĝᵀz.
 */
final class Admm {
    private static final int CHECK = 25;
    private static final int MAX_RHO_UPDATES = 12;

    private Admm() {
    }

    /**
     * The first certified polished point, or else the polished point with the smallest gap seen (its certificate in
     * {@code certOut[0]}); null only when no polish was attempted.
     */
    static double[] solve(BasinProgram p, double tolerance, int maxIterations, KktCertificate[] certOut) {
        int d = p.d();
        int m = p.m();
        int groups = p.groups();
        int nv = p.variables();
        double[] xhat = new double[m * d];
        double[] gram = new double[d * d];
        for (int t = 0; t < m; t++) {
            double norm = p.pointNorm(t);
            for (int c = 0; c < d; c++) {
                xhat[t * d + c] = norm > 0 ? p.x()[t * d + c] / norm : 0;
            }
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    gram[i * d + j] += xhat[t * d + i] * xhat[t * d + j];
                }
            }
        }
        double[] q = quadratic(p);
        double[] lin = linear(p);
        double trace = 0;
        for (int i = 0; i < nv; i++) {
            trace += q[i * nv + i];
        }
        double rho = Math.max(trace / nv, 1e-12);
        double[] vec = new double[nv * nv];
        double[] inv = new double[nv];
        factor(p, q, gram, rho, vec, inv);
        int rows = groups * m;
        double[] s = new double[rows];
        double[] mu = new double[rows];
        double[] gu = new double[rows];
        double[] rhs = new double[nv];
        double[] tmp = new double[nv];
        double[] u = new double[nv];
        boolean[] mask = new boolean[rows];
        int stable = 0;
        int updates = 0;
        double[] best = null;
        for (int it = 1; it <= maxIterations; it++) {
            double[] z = new double[rows];
            for (int i = 0; i < rows; i++) {
                z[i] = s[i] - mu[i];
            }
            transposeApply(p, xhat, z, rhs);
            for (int i = 0; i < nv; i++) {
                rhs[i] = lin[i] + rho * rhs[i];
            }
            // u = V diag(inv) Vᵀ rhs
            java.util.Arrays.fill(tmp, 0);
            for (int r = 0; r < nv; r++) {
                double br = rhs[r];
                for (int j = 0; j < nv; j++) {
                    tmp[j] += vec[r * nv + j] * br;
                }
            }
            for (int j = 0; j < nv; j++) {
                tmp[j] *= inv[j];
            }
            for (int r = 0; r < nv; r++) {
                double acc = 0;
                for (int j = 0; j < nv; j++) {
                    acc += vec[r * nv + j] * tmp[j];
                }
                u[r] = acc;
            }
            apply(p, xhat, u, gu);
            boolean changed = false;
            double primalRes = 0;
            double dualRes = 0;
            for (int i = 0; i < rows; i++) {
                double previous = s[i];
                double relaxed = 1.6 * gu[i] + (1 - 1.6) * s[i];
                s[i] = Math.max(0, relaxed + mu[i]);
                mu[i] += relaxed - s[i];
                primalRes = Math.max(primalRes, Math.abs(gu[i] - s[i]));
                dualRes = Math.max(dualRes, Math.abs(s[i] - previous));
                boolean tight = s[i] == 0;
                changed |= tight != mask[i];
                mask[i] = tight;
            }
            stable = changed ? 0 : stable + 1;
            if (it % (4 * CHECK) == 0 && updates < MAX_RHO_UPDATES) {
                // residual balancing (Boyd et al. 2011, section 3.4.1), in the scaled form: rescale mu with rho
                double ratio = primalRes / Math.max(rho * dualRes, 1e-300);
                double factor = ratio > 10 ? 4 : ratio < 0.1 ? 0.25 : 1;
                if (factor != 1) {
                    rho *= factor;
                    for (int i = 0; i < rows; i++) {
                        mu[i] /= factor;
                    }
                    factor(p, q, gram, rho, vec, inv);
                    updates++;
                }
            }
            if (it % CHECK == 0 && (stable >= 10 || it % (8 * CHECK) == 0)) {
                double[] polished = Polish.onActiveSet(p, mask, u);
                KktCertificate cert = Kkt.certify(p, polished, BasinSolver.tight(p, polished, 1e-9), tolerance);
                if (best == null || better(cert, certOut[0])) {
                    best = polished;
                    certOut[0] = cert;
                }
                if (cert.certified()) {
                    return polished;
                }
            }
        }
        return best;
    }

    /** Diagonalises Q + ρ·blockdiag(Gram) into {@code vec} (eigenvectors) and {@code inv} (pseudo-inverse values). */
    private static void factor(BasinProgram p, double[] q, double[] gram, double rho, double[] vec, double[] inv) {
        int d = p.d();
        int nv = p.variables();
        double[] mat = q.clone();
        for (int g = 0; g < p.groups(); g++) {
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    mat[(g * d + i) * nv + g * d + j] += rho * gram[i * d + j];
                }
            }
        }
        SymmetricEigen eig = SymmetricEigen.decompose(new Matrix(nv, nv, mat));
        System.arraycopy(eig.vectors(), 0, vec, 0, nv * nv);
        double cut = eig.max() * nv * 1e-14;
        for (int i = 0; i < nv; i++) {
            inv[i] = eig.values()[i] > cut ? 1 / eig.values()[i] : 0;
        }
    }

    private static boolean better(KktCertificate a, KktCertificate b) {
        return Math.max(a.gap(), a.primalViolation()) < Math.max(b.gap(), b.primalViolation());
    }

    private static void apply(BasinProgram p, double[] xhat, double[] u, double[] out) {
        int d = p.d();
        int m = p.m();
        for (int g = 0; g < p.groups(); g++) {
            for (int t = 0; t < m; t++) {
                double v = 0;
                for (int c = 0; c < d; c++) {
                    v += u[g * d + c] * xhat[t * d + c];
                }
                out[g * m + t] = p.isActive(g, t) ? v : -v;
            }
        }
    }

    private static void transposeApply(BasinProgram p, double[] xhat, double[] z, double[] out) {
        int d = p.d();
        int m = p.m();
        java.util.Arrays.fill(out, 0);
        for (int g = 0; g < p.groups(); g++) {
            for (int t = 0; t < m; t++) {
                double w = p.isActive(g, t) ? z[g * m + t] : -z[g * m + t];
                for (int c = 0; c < d; c++) {
                    out[g * d + c] += w * xhat[t * d + c];
                }
            }
        }
    }

    /** Q = 2s·ΦᵀΦ (G·d square, row-major). */
    static double[] quadratic(BasinProgram p) {
        double[] phi = phi(p);
        int n = p.variables();
        int m = p.m();
        double[] q = new double[n * n];
        for (int t = 0; t < m; t++) {
            for (int i = 0; i < n; i++) {
                double a = phi[t * n + i];
                if (a == 0) {
                    continue;
                }
                for (int j = 0; j < n; j++) {
                    q[i * n + j] += 2 * p.scale() * a * phi[t * n + j];
                }
            }
        }
        return q;
    }

    /** c = 2s·Φᵀy. */
    static double[] linear(BasinProgram p) {
        double[] phi = phi(p);
        int n = p.variables();
        double[] c = new double[n];
        for (int t = 0; t < p.m(); t++) {
            for (int i = 0; i < n; i++) {
                c[i] += 2 * p.scale() * phi[t * n + i] * p.y()[t];
            }
        }
        return c;
    }

    /** Φ (m × G·d): row t holds b_g x_t in the block of every group g active at t. */
    static double[] phi(BasinProgram p) {
        int n = p.variables();
        int d = p.d();
        double[] phi = new double[p.m() * n];
        for (int g = 0; g < p.groups(); g++) {
            for (int t = 0; t < p.m(); t++) {
                if (p.isActive(g, t)) {
                    for (int c = 0; c < d; c++) {
                        phi[t * n + g * d + c] = p.sign()[g] * p.x()[t * d + c];
                    }
                }
            }
        }
        return phi;
    }
}
