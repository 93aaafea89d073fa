package org.flowscape.linalg;

/**
 * The dense BLAS/LAPACK operations Flowscape needs, on row-major {@code double[]} matrices with explicit leading
 * dimensions (the row stride). Obtain an implementation from {@link LinearAlgebra#blas()}; the native one calls
 * OpenBLAS, the fallback is pure Java (correct everywhere, 5–10× slower on large products).
 *
 * <p>Implementations are thread-safe: they hold no per-call state.
 */
public interface Blas {

    /** A short name of the backend, e.g. {@code "openblas-native (bytedeco 0.3.30)"}, recorded in provenance. */
    String name();

    /** True when this backend runs native code. */
    boolean isNative();

    /**
     * C ← α·op(A)·op(B) + β·C, row-major, on sub-matrices that start at the given offsets. op(A) is m×k, op(B) is k×n,
     * C is m×n. A and B are read only; C is overwritten (read too when β ≠ 0). Cost 2mnk flops. The native backend
     * copies exactly the rows it touches, so a small block of a large array costs only its own size.
     */
    void gemm(boolean transA, boolean transB, int m, int n, int k, double alpha, double[] a, int aOffset, int lda,
            double[] b, int bOffset, int ldb, double beta, double[] c, int cOffset, int ldc);

    /** {@link #gemm(boolean, boolean, int, int, int, double, double[], int, int, double[], int, int, double, double[],
     * int, int) gemm} on whole arrays (all offsets 0). */
    default void gemm(boolean transA, boolean transB, int m, int n, int k, double alpha, double[] a, int lda,
            double[] b, int ldb, double beta, double[] c, int ldc) {
        gemm(transA, transB, m, n, k, alpha, a, 0, lda, b, 0, ldb, beta, c, 0, ldc);
    }

    /**
     * C ← α·op(A)·op(A)ᵀ + β·C with op(A) n×k (op(A) = Aᵀ when {@code transA}), row-major, on sub-matrices at the
     * given offsets. Only the upper triangle of C (j ≥ i) is written; the strictly lower triangle is left as it was
     * (call {@link #copyUpperToLower} to fill it). Cost n²k flops.
     */
    void syrkUpper(boolean transA, int n, int k, double alpha, double[] a, int aOffset, int lda, double beta,
            double[] c, int cOffset, int ldc);

    /** C ← α·op(A)·op(A)ᵀ + β·C on whole arrays, with both triangles of C written. */
    default void syrk(boolean transA, int n, int k, double alpha, double[] a, int lda, double beta, double[] c,
            int ldc) {
        syrkUpper(transA, n, k, alpha, a, 0, lda, beta, c, 0, ldc);
        copyUpperToLower(c, 0, n, ldc);
    }

    /**
     * Copies the upper triangle of the n×n row-major block at {@code offset} (leading dimension ld) to the lower, in
     * 64×64 tiles so that the strided writes stay in cache.
     */
    static void copyUpperToLower(double[] c, int offset, int n, int ld) {
        final int tile = 64;
        for (int ib = 0; ib < n; ib += tile) {
            for (int jb = ib; jb < n; jb += tile) {
                int iEnd = Math.min(ib + tile, n);
                int jEnd = Math.min(jb + tile, n);
                for (int i = ib; i < iEnd; i++) {
                    int row = offset + i * ld;
                    for (int j = Math.max(jb, i + 1); j < jEnd; j++) {
                        c[offset + j * ld + i] = c[row + j];
                    }
                }
            }
        }
    }

    /**
     * Symmetric eigendecomposition of the n×n row-major matrix {@code a} (only the upper triangle is read).
     * Eigenvalues go to {@code w} (length n, ascending). With {@code vectors}, {@code a} is overwritten by the
     * eigenvectors as columns (row-major: eigenvector j is {@code a[i*n + j]}, i = 0..n-1); otherwise {@code a} is
     * destroyed. Cost about 4n³/3 flops for values only, 9n³ with vectors (LAPACK dsyevd).
     *
     * @return 0 on success, a positive LAPACK info when the algorithm failed to converge
     */
    int symmetricEigen(int n, double[] a, boolean vectors, double[] w);

    /**
     * Singular values of the m×n row-major matrix {@code a} (destroyed), descending, into {@code s} (length
     * min(m, n)). When {@code u} and {@code vt} are non-null, the thin factors go there: u is m×min(m,n), vt is
     * min(m,n)×n, both row-major (LAPACK dgesdd).
     *
     * @return 0 on success, a positive LAPACK info on failure
     */
    int svd(int m, int n, double[] a, double[] s, double[] u, double[] vt);

    /**
     * Solves A X = B for a symmetric positive definite n×n row-major {@code a} (only the upper triangle is read) and
     * the n×nrhs row-major right-hand sides {@code b}, by a Cholesky factorization (LAPACK dposv). {@code a} is
     * destroyed (its content afterwards is unspecified), {@code b} is overwritten by X. Cost n³/3 + 2n²·nrhs flops.
     * This default factors and solves with the two methods below; the native backend calls LAPACK once.
     *
     * @return 0 on success; i &gt; 0 when the leading minor of order i is not positive definite (then b is unchanged
     *         and a is destroyed): the caller's signal to add a shift and try again
     */
    default int positiveDefiniteSolve(int n, int nrhs, double[] a, double[] b) {
        int info = choleskyFactor(n, a);
        if (info == 0) {
            choleskySolve(n, nrhs, a, b);
        }
        return info;
    }

    /**
     * The Cholesky factor A = RᵀR of a symmetric positive definite n×n row-major {@code a} (only the upper triangle is
     * read): R overwrites the upper triangle, the strictly lower triangle is left as it was (LAPACK dpotrf). Cost
     * n³/3 flops. This default is plain Java (the row-oriented Cholesky–Crout loop); the native backend calls LAPACK.
     *
     * @return 0 on success; i &gt; 0 when the leading minor of order i is not positive definite (a is then partly
     *         overwritten)
     */
    default int choleskyFactor(int n, double[] a) {
        for (int j = 0; j < n; j++) {
            int rj = j * n;
            double d = a[rj + j];
            for (int k = 0; k < j; k++) {
                d -= a[k * n + j] * a[k * n + j];
            }
            if (!(d > 0)) {
                return j + 1;
            }
            d = Math.sqrt(d);
            a[rj + j] = d;
            for (int i = j + 1; i < n; i++) {
                double s = a[rj + i];
                for (int k = 0; k < j; k++) {
                    s -= a[k * n + j] * a[k * n + i];
                }
                a[rj + i] = s / d;
            }
        }
        return 0;
    }

    /**
     * Solves RᵀR X = B given the factor R of {@link #choleskyFactor} (upper triangle of {@code factor}, read only);
     * {@code b} (n×nrhs row-major) is overwritten by X (LAPACK dpotrs). Cost 2n²·nrhs flops.
     */
    default void choleskySolve(int n, int nrhs, double[] factor, double[] b) {
        for (int c = 0; c < nrhs; c++) {
            for (int i = 0; i < n; i++) {
                double s = b[i * nrhs + c];
                for (int k = 0; k < i; k++) {
                    s -= factor[k * n + i] * b[k * nrhs + c];
                }
                b[i * nrhs + c] = s / factor[i * n + i];
            }
            for (int i = n - 1; i >= 0; i--) {
                double s = b[i * nrhs + c];
                for (int k = i + 1; k < n; k++) {
                    s -= factor[i * n + k] * b[k * nrhs + c];
                }
                b[i * nrhs + c] = s / factor[i * n + i];
            }
        }
    }
}
