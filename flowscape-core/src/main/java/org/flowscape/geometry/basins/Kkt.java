package org.flowscape.geometry.basins;

/** Computes the {@link KktCertificate} of a point of a {@link BasinProgram}. */
final class Kkt {
    private Kkt() {
    }

    /**
     * The certificate of u (read only) with multipliers supported on the mask {@code tight} (G × m, read only):
     * per group, λ_g = argmin_{λ ≥ 0} ‖∇_{u_g}L − Σ_{t tight} λ_t a_{g,t} x_t‖ (non-negative least squares).
     */
    static KktCertificate certify(BasinProgram p, double[] u, boolean[] tight, double tolerance) {
        int d = p.d();
        int m = p.m();
        double[] grad = p.gradient(u);
        double primal = 0;
        double complementarity = 0;
        double stationarity = 0;
        double gap = 0;
        for (int g = 0; g < p.groups(); g++) {
            double[] gg = java.util.Arrays.copyOfRange(grad, g * d, (g + 1) * d);
            double gradNorm = norm(gg);
            int q = 0;
            for (int t = 0; t < m; t++) {
                q += tight[g * m + t] ? 1 : 0;
            }
            double[] e = new double[d * q];
            int[] which = new int[q];
            int col = 0;
            for (int t = 0; t < m; t++) {
                if (tight[g * m + t]) {
                    double a = p.isActive(g, t) ? 1 : -1;
                    for (int c = 0; c < d; c++) {
                        e[c * q + col] = a * p.x()[t * d + c];
                    }
                    which[col++] = t;
                }
            }
            double[] lambda = Nnls.solve(d, q, e, gg);
            double[] resid = gg.clone();
            for (int c = 0; c < d; c++) {
                for (int j = 0; j < q; j++) {
                    resid[c] -= e[c * q + j] * lambda[j];
                }
            }
            for (int j = 0; j < q; j++) {
                complementarity += lambda[j] * Math.abs(p.constraint(u, g, which[j]));
            }
            for (int t = 0; t < m; t++) {
                double norm = p.pointNorm(t);
                double violation = norm > 0 ? Math.max(0, -p.constraint(u, g, t)) / norm : 0;
                primal = Math.max(primal, violation);
                gap += violation * gradNorm;
            }
            double rs = norm(resid);
            stationarity = Math.max(stationarity, rs);
            gap += rs * Math.max(1, norm(java.util.Arrays.copyOfRange(u, g * d, (g + 1) * d)));
        }
        gap += complementarity;
        // Bas >= 0 always (a sum of squares), so a feasible point's own loss bounds L(u) - Bas rigorously.
        gap = Math.min(gap, p.loss(u));
        return new KktCertificate(primal, 0, complementarity, stationarity, gap, tolerance);
    }

    private static double norm(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v * v;
        }
        return Math.sqrt(s);
    }
}
