package org.flowscape.linalg.internal;

import java.util.Arrays;

/**
 * Row-major C ← α·op(A)·op(B) + β·C in Java, for the thin and small products where a native call's fixed cost and the
 * staging of its operands (see {@link NativeOpenBlas}) outweigh the arithmetic. Every inner loop runs over a
 * contiguous row with a loop-invariant scalar (an axpy), which C2 vectorises; only the matrix-vector case reduces:
 * <ul>
 * <li>op(B) = B: row i of C accumulates op(A)[i,p]·B[p,:] (inner length n);</li>
 * <li>op(B) = Bᵀ with fewer than {@link #DOT_WIDTH} columns in C (a matrix-vector product): dot products with four
 * partial sums;</li>
 * <li>op(B) = Bᵀ otherwise: Bᵀ is packed once into per-thread scratch rows (k·n doubles), then as above;</li>
 * <li>op(A) = Aᵀ with n &lt; m (a thin result such as δᵀX): Cᵀ accumulates rank-1 updates
 * Cᵀ[j,:] += B[p,j]·A[p,:] over contiguous rows of A (inner length m) in scratch, then is written transposed.</li>
 * </ul>
 * <p>Threshold (measured 2026-12-08 on the 2-core AMD EPYC development machine, JDK 17, one OpenBLAS thread, thread
 * CPU time at load ≈ 30, staged native call against this class): thin shapes go to Java — 1000×1×100 (Xwᵀ with one
 * output) 76 against 164 µs, 1×100×1000 (δᵀA) 76 against 102 µs, 1000×100×1 (an outer product) 99 against 115 µs —
 * while every product with all three dimensions ≥ 10 stays native: 20×20×20 1.9 µs native against 5.9 µs here
 * (the call overhead is smaller than C2's code is slow), 1000×100×10 203 against 381 µs, 100×100×100 96 against
 * 312 µs. Hence {@link #NATIVE_FROM} = 2: a product goes native once its smallest dimension is at least 2 (the
 * shapes between 2 and 10 were not separately measured). Written
 * here because no Java library offers an allocation-free, offset-aware row-major product (ojAlgo and Hipparchus
 * multiply their own matrix types). Scratch grows on demand and is never shrunk; thread-safe.
 */
final class SmallGemm {
    /** {@link NativeOpenBlas#gemm} runs a product natively when min(m, n, k) is at least this, else here. */
    static final int NATIVE_FROM = 2;
    /** Results with fewer columns than this (op(B) = Bᵀ, op(A) = A) are formed by dot products. */
    static final int DOT_WIDTH = 4;
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private SmallGemm() {
    }

    /**
     * Per-thread rows, each its own array starting at index 0: C2 (JDK 17) vectorises {@code x[j] += s·y[j]} only when
     * both arrays are indexed from the same offset, so operands are copied into such rows first (measured: 0.25 against
     * 0.9 ns per entry with offsets).
     */
    private static final class Scratch {
        double[][] rows = new double[0][];
        double[] acc = new double[0];
        double[] row = new double[0];

        double[][] rows(int count, int length) {
            if (rows.length < count) {
                rows = Arrays.copyOf(rows, Math.max(count, 2 * rows.length));
            }
            for (int i = 0; i < count; i++) {
                if (rows[i] == null || rows[i].length < length) {
                    rows[i] = new double[length];
                }
            }
            return rows;
        }

        double[] acc(int length) {
            if (acc.length < length) {
                acc = new double[length];
            }
            return acc;
        }

        double[] row(int length) {
            if (row.length < length) {
                row = new double[length];
            }
            return row;
        }
    }

    /** The product, with the argument conventions of {@link org.flowscape.linalg.Blas#gemm}. */
    static void gemm(boolean transA, boolean transB, int m, int n, int k, double alpha, double[] a, int aOffset,
            int lda, double[] b, int bOffset, int ldb, double beta, double[] c, int cOffset, int ldc) {
        if (m == 0 || n == 0) {
            return;
        }
        if (transA && !transB && n < m) {
            transposedAccumulate(m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb, beta, c, cOffset, ldc);
            return;
        }
        if (transB && !transA && n < DOT_WIDTH) {
            dots(m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb, beta, c, cOffset, ldc);
            return;
        }
        Scratch s = SCRATCH.get();
        double[][] rowsB = s.rows(k, n);
        for (int p = 0; p < k; p++) {
            double[] r = rowsB[p];
            if (transB) {
                for (int j = 0; j < n; j++) {
                    r[j] = b[bOffset + j * ldb + p];
                }
            } else {
                System.arraycopy(b, bOffset + p * ldb, r, 0, n);
            }
        }
        double[] acc = s.acc(n);
        for (int i = 0; i < m; i++) {
            Arrays.fill(acc, 0, n, 0.0);
            for (int p = 0; p < k; p++) {
                double aip = transA ? a[aOffset + p * lda + i] : a[aOffset + i * lda + p];
                double[] r = rowsB[p];
                for (int j = 0; j < n; j++) {
                    acc[j] += aip * r[j];
                }
            }
            store(acc, alpha, beta, c, cOffset + i * ldc, n);
        }
    }

    /** c[from + j] = α·acc[j] + β·c[from + j] (β = 0: C not read). */
    private static void store(double[] acc, double alpha, double beta, double[] c, int from, int n) {
        if (beta == 0) {
            for (int j = 0; j < n; j++) {
                c[from + j] = alpha * acc[j];
            }
        } else {
            for (int j = 0; j < n; j++) {
                c[from + j] = alpha * acc[j] + beta * c[from + j];
            }
        }
    }

    /** C[i,j] = α·(A row i)·(B row j) + βC[i,j] for a result narrower than {@link #DOT_WIDTH}: four partial sums. */
    private static void dots(int m, int n, int k, double alpha, double[] a, int aOffset, int lda, double[] b,
            int bOffset, int ldb, double beta, double[] c, int cOffset, int ldc) {
        for (int i = 0; i < m; i++) {
            int ai = aOffset + i * lda;
            for (int j = 0; j < n; j++) {
                int bj = bOffset + j * ldb;
                double s0 = 0;
                double s1 = 0;
                double s2 = 0;
                double s3 = 0;
                int p = 0;
                for (; p + 3 < k; p += 4) {
                    s0 += a[ai + p] * b[bj + p];
                    s1 += a[ai + p + 1] * b[bj + p + 1];
                    s2 += a[ai + p + 2] * b[bj + p + 2];
                    s3 += a[ai + p + 3] * b[bj + p + 3];
                }
                for (; p < k; p++) {
                    s0 += a[ai + p] * b[bj + p];
                }
                double s = alpha * ((s0 + s1) + (s2 + s3));
                int cij = cOffset + i * ldc + j;
                c[cij] = beta == 0 ? s : s + beta * c[cij];
            }
        }
    }

    /** C = α·AᵀB + βC (A is k×m, B is k×n) through Cᵀ in scratch rows: k rank-1 updates with inner length m. */
    private static void transposedAccumulate(int m, int n, int k, double alpha, double[] a, int aOffset, int lda,
            double[] b, int bOffset, int ldb, double beta, double[] c, int cOffset, int ldc) {
        Scratch s = SCRATCH.get();
        double[][] t = s.rows(n, m);
        for (int j = 0; j < n; j++) {
            Arrays.fill(t[j], 0, m, 0.0);
        }
        double[] row = s.row(m);
        for (int p = 0; p < k; p++) {
            System.arraycopy(a, aOffset + p * lda, row, 0, m);
            int bp = bOffset + p * ldb;
            for (int j = 0; j < n; j++) {
                double bpj = b[bp + j];
                double[] tj = t[j];
                for (int i = 0; i < m; i++) {
                    tj[i] += bpj * row[i];
                }
            }
        }
        double[] acc = s.acc(n);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                acc[j] = t[j][i];
            }
            store(acc, alpha, beta, c, cOffset + i * ldc, n);
        }
    }
}
