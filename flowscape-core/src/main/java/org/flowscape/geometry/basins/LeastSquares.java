package org.flowscape.geometry.basins;

import org.flowscape.linalg.Matrix;
import org.flowscape.linalg.SingularValues;

/** The minimum-norm least-squares solution by a thin SVD (LAPACK dgesdd through the core's adapter). */
final class LeastSquares {
    private LeastSquares() {
    }

    /**
     * argmin ‖A x − b‖ of least norm; singular values below σ_max·max(rows, cols)·ε are treated as zero.
     *
     * @param a rows × cols row-major (read only)
     * @param b length rows (read only)
     * @return x, length cols (zeros when cols = 0)
     */
    static double[] minimumNorm(int rows, int cols, double[] a, double[] b) {
        double[] x = new double[cols];
        if (cols == 0 || rows == 0) {
            return x;
        }
        SingularValues svd = SingularValues.decompose(new Matrix(rows, cols, a));
        double[] s = svd.values();
        int r = s.length;
        double cut = s[0] * Math.max(rows, cols) * Math.ulp(1.0);
        double[] u = svd.u().data();
        double[] vt = svd.vt().data();
        for (int i = 0; i < r; i++) {
            if (!(s[i] > cut)) {
                continue;
            }
            double c = 0;
            for (int t = 0; t < rows; t++) {
                c += u[t * r + i] * b[t];
            }
            c /= s[i];
            for (int j = 0; j < cols; j++) {
                x[j] += c * vt[i * cols + j];
            }
        }
        return x;
    }

    /**
     * An orthonormal basis of the null space of the rows × cols matrix {@code a} (read only) as a cols × r row-major
     * matrix (column j a basis vector); rank decided with the cut of {@link #minimumNorm}.
     */
    static double[] nullBasis(int rows, int cols, double[] a, int[] dimOut) {
        if (rows == 0) {
            double[] id = new double[cols * cols];
            for (int i = 0; i < cols; i++) {
                id[i * cols + i] = 1;
            }
            dimOut[0] = cols;
            return id;
        }
        // Full V from the SVD of the square cols × cols Gram-free stack [a; 0] so that vt is cols × cols.
        int rr = Math.max(rows, cols);
        double[] padded = new double[rr * cols];
        System.arraycopy(a, 0, padded, 0, rows * cols);
        SingularValues svd = SingularValues.decompose(new Matrix(rr, cols, padded));
        double[] s = svd.values();
        double cut = s[0] * rr * Math.ulp(1.0) * 16;
        double[] vt = svd.vt().data();
        int rank = 0;
        while (rank < s.length && s[rank] > cut) {
            rank++;
        }
        int dim = cols - rank;
        double[] basis = new double[cols * dim];
        for (int j = 0; j < dim; j++) {
            for (int c = 0; c < cols; c++) {
                basis[c * dim + j] = vt[(rank + j) * cols + c];
            }
        }
        dimOut[0] = dim;
        return basis;
    }
}
