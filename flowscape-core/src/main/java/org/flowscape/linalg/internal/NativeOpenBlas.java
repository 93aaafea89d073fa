package org.flowscape.linalg.internal;

import static org.bytedeco.openblas.global.openblas.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas.CblasTrans;
import static org.bytedeco.openblas.global.openblas.CblasUpper;
import static org.bytedeco.openblas.global.openblas.LAPACK_COL_MAJOR;
import static org.bytedeco.openblas.global.openblas.LAPACK_ROW_MAJOR;
import static org.bytedeco.openblas.global.openblas.LAPACKE_dgesdd;
import static org.bytedeco.openblas.global.openblas.LAPACKE_dposv;
import static org.bytedeco.openblas.global.openblas.LAPACKE_dpotrf;
import static org.bytedeco.openblas.global.openblas.LAPACKE_dpotrs;
import static org.bytedeco.openblas.global.openblas.LAPACKE_dsyevd;
import static org.bytedeco.openblas.global.openblas.cblas_dgemm;
import static org.bytedeco.openblas.global.openblas.cblas_dsyrk;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.openblas.global.openblas;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.flowscape.linalg.Blas;

/**
 * Native OpenBLAS/LAPACK through the bytedeco JavaCPP presets, whose Maven Central jars carry the compiled library
 * for each platform (nothing to install).
 *
 * <p>Why operands are staged: JavaCPP's {@code double[]} overloads copy the <em>whole</em> array in and out on every
 * call (measured: a 10⁷-entry output array made a 1000×100×10 product 900× slower), and its heap-buffer overloads do
 * not honour offsets. So each call copies exactly the rows of each operand it touches into per-thread off-heap buffers,
 * runs on those, and copies back only the rows of C it wrote. The copy is O(size of the operands), small beside the
 * O(mnk) product for all but the thinnest shapes. Those — a dimension of 1: matrix-vector products and rank-1
 * updates, where the staging is as large as the arithmetic — run in Java ({@link SmallGemm}, whose comment has the
 * measured threshold).
 */
public final class NativeOpenBlas implements Blas {
    private static final ThreadLocal<Staging> STAGING = ThreadLocal.withInitial(Staging::new);

    private final String name;

    private NativeOpenBlas(String name) {
        this.name = name;
    }

    /**
     * Loads the native library; throws {@link UnsatisfiedLinkError} (or another {@link Throwable}) when this
     * platform has none.
     */
    public static NativeOpenBlas load() {
        Loader.load(openblas.class);
        return new NativeOpenBlas("openblas-native (bytedeco openblas 0.3.30-1.5.12)");
    }

    /** Sets the number of OpenBLAS threads (process-wide). */
    public static void setThreads(int threads) {
        openblas_nolapack.blas_set_num_threads(threads);
    }

    /** The current number of OpenBLAS threads (process-wide). */
    public static int threads() {
        return openblas_nolapack.blas_get_num_threads();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean isNative() {
        return true;
    }

    /** Per-thread off-heap operand buffers, grown on demand and never shrunk. */
    private static final class Staging {
        private final DoublePointer[] buffers = new DoublePointer[3];
        private final long[] sizes = new long[3];

        DoublePointer get(int slot, long size) {
            if (sizes[slot] < size) {
                if (buffers[slot] != null) {
                    buffers[slot].close();
                }
                long grown = Math.max(size, sizes[slot] + sizes[slot] / 2);
                buffers[slot] = new DoublePointer(grown);
                sizes[slot] = grown;
            }
            return buffers[slot].position(0);
        }
    }

    /** Length of the span a rows×cols block with leading dimension ld occupies. */
    private static long span(int rows, int cols, int ld) {
        return rows == 0 || cols == 0 ? 0 : (long) (rows - 1) * ld + cols;
    }

    private static DoublePointer stage(Staging s, int slot, double[] src, int offset, long length) {
        DoublePointer p = s.get(slot, Math.max(1, length));
        if (length > 0) {
            p.put(src, offset, (int) length);
        }
        return p;
    }

    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k, double alpha, double[] a, int aOffset,
            int lda, double[] b, int bOffset, int ldb, double beta, double[] c, int cOffset, int ldc) {
        if (m == 0 || n == 0) {
            return;
        }
        if (Math.min(k, Math.min(m, n)) < SmallGemm.NATIVE_FROM) {
            SmallGemm.gemm(transA, transB, m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb, beta, c, cOffset, ldc);
            return;
        }
        Staging s = STAGING.get();
        long aLen = transA ? span(k, m, lda) : span(m, k, lda);
        long bLen = transB ? span(n, k, ldb) : span(k, n, ldb);
        long cLen = span(m, n, ldc);
        DoublePointer pa = stage(s, 0, a, aOffset, aLen);
        DoublePointer pb = stage(s, 1, b, bOffset, bLen);
        // with β = 0 and dense rows, C is write-only; otherwise stage it (β·C, or the gaps between strided rows)
        DoublePointer pc = beta == 0 && ldc == n ? s.get(2, cLen) : stage(s, 2, c, cOffset, cLen);
        cblas_dgemm(CblasRowMajor, transA ? CblasTrans : CblasNoTrans, transB ? CblasTrans : CblasNoTrans, m, n, k,
                alpha, pa, Math.max(1, lda), pb, Math.max(1, ldb), beta, pc, Math.max(1, ldc));
        pc.get(c, cOffset, (int) cLen);
    }

    @Override
    public void syrkUpper(boolean transA, int n, int k, double alpha, double[] a, int aOffset, int lda, double beta,
            double[] c, int cOffset, int ldc) {
        if (n == 0) {
            return;
        }
        Staging s = STAGING.get();
        long aLen = transA ? span(k, n, lda) : span(n, k, lda);
        long cLen = span(n, n, ldc);
        DoublePointer pa = stage(s, 0, a, aOffset, aLen);
        DoublePointer pc = stage(s, 2, c, cOffset, cLen);
        cblas_dsyrk(CblasRowMajor, CblasUpper, transA ? CblasTrans : CblasNoTrans, n, k, alpha, pa, Math.max(1, lda),
                beta, pc, Math.max(1, ldc));
        pc.get(c, cOffset, (int) cLen);
    }

    @Override
    public int symmetricEigen(int n, double[] a, boolean vectors, double[] w) {
        if (n == 0) {
            return 0;
        }
        Staging s = STAGING.get();
        DoublePointer pa = stage(s, 0, a, 0, (long) n * n);
        DoublePointer pw = s.get(1, n);
        // Values only: the row-major upper triangle is the column-major lower one, so LAPACK reads our buffer in place;
        // with LAPACK_ROW_MAJOR, LAPACKE would first transpose the n² matrix into a temporary of its own.
        int info = vectors
                ? LAPACKE_dsyevd(LAPACK_ROW_MAJOR, (byte) 'V', (byte) 'U', n, pa, n, pw)
                : LAPACKE_dsyevd(LAPACK_COL_MAJOR, (byte) 'N', (byte) 'L', n, pa, n, pw);
        pw.get(w, 0, n);
        if (vectors) {
            pa.get(a, 0, n * n);
        }
        return info;
    }

    @Override
    public int svd(int m, int n, double[] a, double[] s, double[] u, double[] vt) {
        int r = Math.min(m, n);
        if (r == 0) {
            return 0;
        }
        boolean vectors = u != null && vt != null;
        double[] uu = vectors ? u : new double[1];
        double[] vv = vectors ? vt : new double[1];
        return LAPACKE_dgesdd(LAPACK_ROW_MAJOR, (byte) (vectors ? 'S' : 'N'), m, n, a, n, s, uu,
                vectors ? r : 1, vv, vectors ? n : 1);
    }
    @Override
    public int positiveDefiniteSolve(int n, int nrhs, double[] a, double[] b) {
        if (n == 0 || nrhs == 0) {
            return 0;
        }
        Staging s = STAGING.get();
        DoublePointer pa = stage(s, 0, a, 0, (long) n * n);
        DoublePointer pb = stage(s, 1, b, 0, (long) n * nrhs);
        int info = LAPACKE_dposv(LAPACK_ROW_MAJOR, (byte) 'U', n, nrhs, pa, n, pb, nrhs);
        if (info == 0) {
            pb.get(b, 0, n * nrhs);
        }
        return info;
    }

    @Override
    public int choleskyFactor(int n, double[] a) {
        if (n == 0) {
            return 0;
        }
        Staging s = STAGING.get();
        DoublePointer pa = stage(s, 0, a, 0, (long) n * n);
        int info = LAPACKE_dpotrf(LAPACK_ROW_MAJOR, (byte) 'U', n, pa, n);
        pa.get(a, 0, n * n);
        return info;
    }

    @Override
    public void choleskySolve(int n, int nrhs, double[] factor, double[] b) {
        if (n == 0 || nrhs == 0) {
            return;
        }
        Staging s = STAGING.get();
        DoublePointer pa = stage(s, 0, factor, 0, (long) n * n);
        DoublePointer pb = stage(s, 1, b, 0, (long) n * nrhs);
        LAPACKE_dpotrs(LAPACK_ROW_MAJOR, (byte) 'U', n, nrhs, pa, n, pb, nrhs);
        pb.get(b, 0, n * nrhs);
    }
}
