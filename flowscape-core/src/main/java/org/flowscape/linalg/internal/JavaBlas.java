package org.flowscape.linalg.internal;

import org.flowscape.linalg.Blas;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.SingularValueDecomposition;

/**
 * Pure-Java fallback backend: products as cache-friendly loops, eigen and singular value decompositions from
 * Hipparchus. Used when the native OpenBLAS library cannot be loaded (an unsupported platform), or on request.
 */
public final class JavaBlas implements Blas {

    @Override
    public String name() {
        return "java (hipparchus " + hipparchusVersion() + ")";
    }

    private static String hipparchusVersion() {
        String v = RealMatrix.class.getPackage().getImplementationVersion();
        return v == null ? "unknown" : v;
    }

    @Override
    public boolean isNative() {
        return false;
    }

    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k, double alpha, double[] a, int aOffset,
            int lda, double[] b, int bOffset, int ldb, double beta, double[] c, int cOffset, int ldc) {
        smallGemm(transA, transB, m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb, beta, c, cOffset, ldc);
    }

    /**
     * Allocation-free row-major product loops. (Measured: on 20×20×20 products these run at about 1.4 GFLOP/s, slower
     * than a staged native call, so the native backend does not route small products here.)
     */
    private static void smallGemm(boolean transA, boolean transB, int m, int n, int k, double alpha, double[] a,
            int aOffset, int lda, double[] b, int bOffset, int ldb, double beta, double[] c, int cOffset, int ldc) {
        for (int i = 0; i < m; i++) {
            int ci = cOffset + i * ldc;
            if (beta == 0) {
                java.util.Arrays.fill(c, ci, ci + n, 0.0);
            } else if (beta != 1) {
                for (int j = 0; j < n; j++) {
                    c[ci + j] *= beta;
                }
            }
            if (transB) {
                for (int j = 0; j < n; j++) {
                    int bj = bOffset + j * ldb;
                    double s = 0;
                    for (int p = 0; p < k; p++) {
                        s += (transA ? a[aOffset + p * lda + i] : a[aOffset + i * lda + p]) * b[bj + p];
                    }
                    c[ci + j] += alpha * s;
                }
                continue;
            }
            for (int p = 0; p < k; p++) {
                double aip = alpha * (transA ? a[aOffset + p * lda + i] : a[aOffset + i * lda + p]);
                if (aip == 0) {
                    continue;
                }
                int bp = bOffset + p * ldb;
                for (int j = 0; j < n; j++) {
                    c[ci + j] += aip * b[bp + j];
                }
            }
        }
    }

    @Override
    public void syrkUpper(boolean transA, int n, int k, double alpha, double[] a, int aOffset, int lda, double beta,
            double[] c, int cOffset, int ldc) {
        double[] full = new double[n * n];
        gemm(transA, !transA, n, n, k, 1.0, a, aOffset, lda, a, aOffset, lda, 0.0, full, 0, n);
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                int ci = cOffset + i * ldc + j;
                c[ci] = beta == 0 ? alpha * full[i * n + j] : alpha * full[i * n + j] + beta * c[ci];
            }
        }
    }

    @Override
    public int symmetricEigen(int n, double[] a, boolean vectors, double[] w) {
        if (n == 0) {
            return 0;
        }
        RealMatrix m = new Array2DRowRealMatrix(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                m.setEntry(i, j, a[i * n + j]);
                m.setEntry(j, i, a[i * n + j]);
            }
        }
        EigenDecompositionSymmetric e = new EigenDecompositionSymmetric(m, 1e-12, vectors);
        double[] values = e.getEigenvalues();
        Integer[] order = ascendingOrder(values);
        for (int j = 0; j < n; j++) {
            w[j] = values[order[j]];
            if (vectors) {
                var v = e.getEigenvector(order[j]);
                for (int i = 0; i < n; i++) {
                    a[i * n + j] = v.getEntry(i);
                }
            }
        }
        return 0;
    }

    private static Integer[] ascendingOrder(double[] values) {
        Integer[] order = new Integer[values.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (x, y) -> Double.compare(values[x], values[y]));
        return order;
    }

    @Override
    public int svd(int m, int n, double[] a, double[] s, double[] u, double[] vt) {
        int r = Math.min(m, n);
        if (r == 0) {
            return 0;
        }
        RealMatrix mat = new Array2DRowRealMatrix(m, n);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                mat.setEntry(i, j, a[i * n + j]);
            }
        }
        SingularValueDecomposition d = new SingularValueDecomposition(mat);
        System.arraycopy(d.getSingularValues(), 0, s, 0, r);
        if (u != null && vt != null) {
            RealMatrix uu = d.getU();
            RealMatrix vv = d.getV();
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < r; j++) {
                    u[i * r + j] = uu.getEntry(i, j);
                }
            }
            for (int i = 0; i < r; i++) {
                for (int j = 0; j < n; j++) {
                    vt[i * n + j] = vv.getEntry(j, i);
                }
            }
        }
        return 0;
    }
}
