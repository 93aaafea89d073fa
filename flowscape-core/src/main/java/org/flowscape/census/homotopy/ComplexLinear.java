package org.flowscape.census.homotopy;

/**
 * Small dense complex linear algebra on interleaved (re, im) row-major arrays: Gaussian elimination with partial
 * pivoting, solves, the inverse and a 1-norm condition number. The systems here have n ≲ 20 unknowns, where plain
 * loops beat the object-per-entry {@code FieldMatrix<Complex>} of Hipparchus; kept to these few kernels on purpose.
 * Cost: n³ complex multiply-adds per factorisation.
 */
final class ComplexLinear {
    private ComplexLinear() {
    }

    /**
     * Solves A·X = B in place for k right-hand sides: A (n × n, overwritten by its factors), B (n × k, overwritten
     * by X). Returns false when a pivot is exactly zero or not finite (A numerically singular).
     */
    static boolean solve(double[] a, double[] b, int n, int k) {
        for (int col = 0; col < n; col++) {
            int piv = col;
            double best = -1;
            for (int r = col; r < n; r++) {
                double m = Math.hypot(a[2 * (r * n + col)], a[2 * (r * n + col) + 1]);
                if (m > best) {
                    best = m;
                    piv = r;
                }
            }
            if (!(best > 0) || !Double.isFinite(best)) {
                return false;
            }
            swapRows(a, n, col, piv);
            swapRows(b, k, col, piv);
            double pr = a[2 * (col * n + col)];
            double pi = a[2 * (col * n + col) + 1];
            double den = pr * pr + pi * pi;
            double ir = pr / den;
            double ii = -pi / den;
            for (int r = col + 1; r < n; r++) {
                double ar = a[2 * (r * n + col)];
                double ai = a[2 * (r * n + col) + 1];
                double fr = ar * ir - ai * ii;
                double fi = ar * ii + ai * ir;
                eliminate(a, n, r, col, fr, fi, col + 1);
                eliminate(b, k, r, col, fr, fi, 0);
                a[2 * (r * n + col)] = 0;
                a[2 * (r * n + col) + 1] = 0;
            }
        }
        backSubstitute(a, b, n, k);
        return true;
    }

    private static void swapRows(double[] m, int cols, int r1, int r2) {
        if (r1 == r2) {
            return;
        }
        for (int j = 0; j < 2 * cols; j++) {
            double t = m[2 * r1 * cols + j];
            m[2 * r1 * cols + j] = m[2 * r2 * cols + j];
            m[2 * r2 * cols + j] = t;
        }
    }

    /** row r −= f · row p, from column {@code from}. */
    private static void eliminate(double[] m, int cols, int r, int p, double fr, double fi, int from) {
        for (int j = from; j < cols; j++) {
            double xr = m[2 * (p * cols + j)];
            double xi = m[2 * (p * cols + j) + 1];
            m[2 * (r * cols + j)] -= fr * xr - fi * xi;
            m[2 * (r * cols + j) + 1] -= fr * xi + fi * xr;
        }
    }

    private static void backSubstitute(double[] a, double[] b, int n, int k) {
        for (int r = n - 1; r >= 0; r--) {
            double pr = a[2 * (r * n + r)];
            double pi = a[2 * (r * n + r) + 1];
            double den = pr * pr + pi * pi;
            for (int c = 0; c < k; c++) {
                double sr = b[2 * (r * k + c)];
                double si = b[2 * (r * k + c) + 1];
                for (int j = r + 1; j < n; j++) {
                    double ar = a[2 * (r * n + j)];
                    double ai = a[2 * (r * n + j) + 1];
                    double xr = b[2 * (j * k + c)];
                    double xi = b[2 * (j * k + c) + 1];
                    sr -= ar * xr - ai * xi;
                    si -= ar * xi + ai * xr;
                }
                b[2 * (r * k + c)] = (sr * pr + si * pi) / den;
                b[2 * (r * k + c) + 1] = (si * pr - sr * pi) / den;
            }
        }
    }

    /** The inverse of A (n × n, read only) as a new array, or null when A is numerically singular. */
    static double[] inverse(double[] a, int n) {
        double[] lu = a.clone();
        double[] x = new double[2 * n * n];
        for (int i = 0; i < n; i++) {
            x[2 * (i * n + i)] = 1;
        }
        return solve(lu, x, n, n) ? x : null;
    }

    /** The 1-norm max_j Σ_i |a_ij| of an n × n complex matrix (read only). */
    static double norm1(double[] a, int n) {
        double best = 0;
        for (int j = 0; j < n; j++) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += Math.hypot(a[2 * (i * n + j)], a[2 * (i * n + j) + 1]);
            }
            best = Math.max(best, s);
        }
        return best;
    }

    /** κ₁(A) = ‖A‖₁‖A⁻¹‖₁ (A read only); infinity when A is numerically singular. Cost: one inverse. */
    static double condition(double[] a, int n) {
        double[] inv = inverse(a, n);
        if (inv == null) {
            return Double.POSITIVE_INFINITY;
        }
        double c = norm1(a, n) * norm1(inv, n);
        return Double.isFinite(c) ? c : Double.POSITIVE_INFINITY;
    }

    /** The Euclidean norm of a complex vector (interleaved, read only). */
    static double norm(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v * v;
        }
        return Math.sqrt(s);
    }
}
