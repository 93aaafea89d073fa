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
     * C ← α·op(A)·op(B) + β·C, row-major. op(A) is m×k, op(B) is k×n, C is m×n. A and B are read only; C is
     * overwritten (read too when β ≠ 0). Cost 2mnk flops.
     */
    void gemm(boolean transA, boolean transB, int m, int n, int k, double alpha, double[] a, int lda, double[] b,
            int ldb, double beta, double[] c, int ldc);

    /**
     * C ← α·op(A)·op(A)ᵀ + β·C with op(A) n×k (op(A) = Aᵀ when {@code transA}), row-major. Both triangles of C are
     * written. Cost n²k flops.
     */
    void syrk(boolean transA, int n, int k, double alpha, double[] a, int lda, double beta, double[] c, int ldc);

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
}
