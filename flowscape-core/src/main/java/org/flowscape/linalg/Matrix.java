package org.flowscape.linalg;

import java.util.Arrays;
import org.flowscape.internal.Checks;

/**
 * A dense row-major matrix for API boundaries and tests: element (i, j) is {@code data[i * cols + j]}. Hot loops
 * work on the raw array. The array is not copied: a {@code Matrix} is a view, and its owner decides mutability.
 *
 * @param rows number of rows, &ge; 0
 * @param cols number of columns, &ge; 0
 * @param data row-major entries, length {@code rows * cols}
 */
public record Matrix(int rows, int cols, double[] data) {
    public Matrix {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("matrix shape must be non-negative, got " + rows + "x" + cols);
        }
        Checks.dimension("data", rows * cols, data.length);
    }

    /** A new zero matrix. */
    public static Matrix zeros(int rows, int cols) {
        return new Matrix(rows, cols, new double[rows * cols]);
    }

    /** The n×n identity. */
    public static Matrix identity(int n) {
        Matrix m = zeros(n, n);
        for (int i = 0; i < n; i++) {
            m.data[i * n + i] = 1;
        }
        return m;
    }

    /** Builds a matrix from rows (copied); all rows must have the same length. */
    public static Matrix of(double[][] rows) {
        int r = rows.length;
        int c = r == 0 ? 0 : rows[0].length;
        double[] d = new double[r * c];
        for (int i = 0; i < r; i++) {
            Checks.dimension("row " + i, c, rows[i].length);
            System.arraycopy(rows[i], 0, d, i * c, c);
        }
        return new Matrix(r, c, d);
    }

    /** Element (i, j). */
    public double get(int i, int j) {
        return data[i * cols + j];
    }

    /** Sets element (i, j). */
    public void set(int i, int j, double v) {
        data[i * cols + j] = v;
    }

    /** A copy of row i. */
    public double[] row(int i) {
        return Arrays.copyOfRange(data, i * cols, (i + 1) * cols);
    }

    /** The transpose, as a new matrix. */
    public Matrix transpose() {
        Matrix t = zeros(cols, rows);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                t.data[j * rows + i] = data[i * cols + j];
            }
        }
        return t;
    }

    /** A deep copy. */
    public Matrix copy() {
        return new Matrix(rows, cols, data.clone());
    }

    /** Returns the largest |a_ij − a_ji| (requires a square matrix). */
    public double asymmetry() {
        Checks.dimension("cols", rows, cols);
        double m = 0;
        for (int i = 0; i < rows; i++) {
            for (int j = i + 1; j < cols; j++) {
                m = Math.max(m, Math.abs(get(i, j) - get(j, i)));
            }
        }
        return m;
    }
}
