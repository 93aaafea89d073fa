package org.flowscape.linalg.internal;

import static org.bytedeco.openblas.global.openblas.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas.CblasTrans;
import static org.bytedeco.openblas.global.openblas.CblasUpper;
import static org.bytedeco.openblas.global.openblas.LAPACK_ROW_MAJOR;
import static org.bytedeco.openblas.global.openblas.LAPACKE_dgesdd;
import static org.bytedeco.openblas.global.openblas.LAPACKE_dsyevd;
import static org.bytedeco.openblas.global.openblas.cblas_dgemm;
import static org.bytedeco.openblas.global.openblas.cblas_dsyrk;

import org.bytedeco.javacpp.Loader;
import org.bytedeco.openblas.global.openblas;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.flowscape.linalg.Blas;

/**
 * Native OpenBLAS/LAPACK through the bytedeco JavaCPP presets, whose Maven Central jars carry the compiled library
 * for each platform (nothing to install). Arrays are passed as Java arrays; the JNI layer pins or copies them.
 */
public final class NativeOpenBlas implements Blas {
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
        String version = openblas.class.getPackage().getImplementationVersion();
        return new NativeOpenBlas("openblas-native (bytedeco " + (version == null ? "0.3.30-1.5.12" : version) + ")");
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

    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k, double alpha, double[] a, int lda,
            double[] b, int ldb, double beta, double[] c, int ldc) {
        if (m == 0 || n == 0) {
            return;
        }
        cblas_dgemm(CblasRowMajor, transA ? CblasTrans : CblasNoTrans, transB ? CblasTrans : CblasNoTrans, m, n, k,
                alpha, a, Math.max(1, lda), b, Math.max(1, ldb), beta, c, Math.max(1, ldc));
    }

    @Override
    public void syrk(boolean transA, int n, int k, double alpha, double[] a, int lda, double beta, double[] c,
            int ldc) {
        if (n == 0) {
            return;
        }
        cblas_dsyrk(CblasRowMajor, CblasUpper, transA ? CblasTrans : CblasNoTrans, n, k, alpha, a, Math.max(1, lda),
                beta, c, Math.max(1, ldc));
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                c[j * ldc + i] = c[i * ldc + j];
            }
        }
    }

    @Override
    public int symmetricEigen(int n, double[] a, boolean vectors, double[] w) {
        if (n == 0) {
            return 0;
        }
        return LAPACKE_dsyevd(LAPACK_ROW_MAJOR, (byte) (vectors ? 'V' : 'N'), (byte) 'U', n, a, n, w);
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
}
