package org.flowscape.geometry.basins;

/**
 * Non-negative least squares min ‖E λ − f‖₂ subject to λ ≥ 0 by the Lawson–Hanson active-set algorithm
 * (Lawson and Hanson, <i>Solving Least Squares Problems</i>, 1974, ch. 23). Written here because ojAlgo 57 has no
 * NNLS and its convex QP solver stops at about 1e-8 relative accuracy, while KKT multipliers must be exact to
 * round-off. Sizes are tiny (E is d × p with d the input dimension); each inner solve is a thin SVD.
 */
final class Nnls {
    private Nnls() {
    }

    /**
     * Solves the problem.
     *
     * @param e    d × p row-major (read only)
     * @param f    length d (read only)
     * @return λ, length p, all entries ≥ 0
     */
    static double[] solve(int d, int p, double[] e, double[] f) {
        double[] lambda = new double[p];
        boolean[] passive = new boolean[p];
        double scale = norm(e) * norm(f);
        double tol = 10 * Math.ulp(1.0) * Math.max(d, p) * scale;
        for (int outer = 0; outer < 3 * p + 3; outer++) {
            double[] w = dualGradient(d, p, e, f, lambda);
            int best = -1;
            for (int j = 0; j < p; j++) {
                if (!passive[j] && w[j] > tol && (best < 0 || w[j] > w[best])) {
                    best = j;
                }
            }
            if (best < 0) {
                break;
            }
            passive[best] = true;
            for (int inner = 0; inner < 3 * p + 3; inner++) {
                double[] s = restrictedSolve(d, p, e, f, passive);
                double alpha = 1;
                boolean feasible = true;
                for (int j = 0; j < p; j++) {
                    if (passive[j] && s[j] <= 0) {
                        feasible = false;
                        alpha = Math.min(alpha, lambda[j] / (lambda[j] - s[j]));
                    }
                }
                if (feasible) {
                    System.arraycopy(s, 0, lambda, 0, p);
                    break;
                }
                for (int j = 0; j < p; j++) {
                    lambda[j] += alpha * (s[j] - lambda[j]);
                    if (passive[j] && lambda[j] <= 0) {
                        passive[j] = false;
                        lambda[j] = 0;
                    }
                }
                if (!anyPassive(passive)) {
                    break;
                }
            }
        }
        return lambda;
    }

    private static boolean anyPassive(boolean[] passive) {
        for (boolean b : passive) {
            if (b) {
                return true;
            }
        }
        return false;
    }

    private static double[] dualGradient(int d, int p, double[] e, double[] f, double[] lambda) {
        double[] r = f.clone();
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < p; j++) {
                r[i] -= e[i * p + j] * lambda[j];
            }
        }
        double[] w = new double[p];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < p; j++) {
                w[j] += e[i * p + j] * r[i];
            }
        }
        return w;
    }

    private static double[] restrictedSolve(int d, int p, double[] e, double[] f, boolean[] passive) {
        int q = 0;
        int[] cols = new int[p];
        for (int j = 0; j < p; j++) {
            if (passive[j]) {
                cols[q++] = j;
            }
        }
        double[] sub = new double[d * q];
        for (int i = 0; i < d; i++) {
            for (int c = 0; c < q; c++) {
                sub[i * q + c] = e[i * p + cols[c]];
            }
        }
        double[] x = LeastSquares.minimumNorm(d, q, sub, f);
        double[] s = new double[p];
        for (int c = 0; c < q; c++) {
            s[cols[c]] = x[c];
        }
        return s;
    }

    private static double norm(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v * v;
        }
        return Math.sqrt(s);
    }
}
