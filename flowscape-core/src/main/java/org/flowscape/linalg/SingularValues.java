package org.flowscape.linalg;

/**
 * Singular values (descending) and optionally the thin factors of a real matrix, from LAPACK dgesdd through
 * {@link LinearAlgebra#blas()}.
 *
 * @param values singular values, descending, length min(m, n)
 * @param u      m×r row-major left factor, or null
 * @param vt     r×n row-major right factor (rows are right singular vectors), or null
 */
public record SingularValues(double[] values, Matrix u, Matrix vt) {

    /** Singular values only of {@code a} (read only; copied). */
    public static SingularValues of(Matrix a) {
        return compute(a, false);
    }

    /** Singular values and thin factors of {@code a} (read only; copied). */
    public static SingularValues decompose(Matrix a) {
        return compute(a, true);
    }

    private static SingularValues compute(Matrix a, boolean factors) {
        int m = a.rows();
        int n = a.cols();
        int r = Math.min(m, n);
        double[] s = new double[r];
        double[] u = factors ? new double[m * r] : null;
        double[] vt = factors ? new double[r * n] : null;
        int info = LinearAlgebra.blas().svd(m, n, a.data().clone(), s, u, vt);
        if (info != 0) {
            throw new ArithmeticException("singular value decomposition failed to converge (LAPACK info " + info + ")");
        }
        return new SingularValues(s, factors ? new Matrix(m, r, u) : null, factors ? new Matrix(r, n, vt) : null);
    }
}
