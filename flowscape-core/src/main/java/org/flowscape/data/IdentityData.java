package org.flowscape.data;

import org.flowscape.linalg.Matrix;

/**
 * {@code identity:D[,target=A][,k=K][,seed=S]}: the matrix factorization problems of paper A as regression data.
 * The inputs are X = I_D (D samples, sample i the basis vector e_i). A network without biases whose end-to-end map
 * is the K × D matrix W predicts W e_i = column i of W on sample i, so the targets are
 * <pre>
 *   Y = Aᵀ   (D × K: row i of Y is column i of A),
 * </pre>
 * and the predictions equal the targets exactly when W = A. The squared loss ½·Σ‖f(x_i) − y_i‖² is then
 * ½‖W − A‖²_F. A is given inline as a nested list of rows, {@code target=[[2,1],[0,1]]} (each row of length D), or
 * as {@code target=random} (the default): A has K rows (K default D) of independent N(0, 1) entries from the stream
 * (S, "target"), which needs {@code seed=S}.
 */
public final class IdentityData {
    private IdentityData() {
    }

    /** X = I_d and Y = aᵀ for the K × d matrix {@code a}. */
    public static Dataset of(String spec, Matrix a) {
        return new Dataset(spec, Matrix.identity(a.cols()), a.transpose());
    }

    /** A random k × d target matrix with standard normal entries, for {@code seed}. */
    public static Matrix randomTarget(int k, int d, long seed) {
        return Generated.gaussian(seed, "target", k, d, 1);
    }

    /**
     * Parses a nested list of numbers, e.g. {@code [[2,1],[0,1]]}, into a matrix (one inner list per row).
     *
     * @throws IllegalArgumentException (naming the problem) for ragged, empty or non-numeric lists
     */
    static Matrix parseMatrix(String text) {
        String t = text.replace(" ", "");
        if (!t.startsWith("[[") || !t.endsWith("]]")) {
            throw new IllegalArgumentException("a matrix is written as a list of rows, e.g. [[2,1],[0,1]], got '"
                    + text + "'");
        }
        String[] rows = t.substring(2, t.length() - 2).split("\\],\\[", -1);
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            String[] cells = rows[i].split(",", -1);
            out[i] = new double[cells.length];
            for (int j = 0; j < cells.length; j++) {
                try {
                    out[i][j] = Double.parseDouble(cells[j]);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("matrix entry '" + cells[j] + "' (row " + (i + 1) + ", column "
                            + (j + 1) + ") is not a number");
                }
                if (!Double.isFinite(out[i][j])) {
                    throw new IllegalArgumentException("matrix entry '" + cells[j] + "' (row " + (i + 1)
                            + ", column " + (j + 1) + ") must be a finite number");
                }
            }
            if (out[i].length != out[0].length) {
                throw new IllegalArgumentException("matrix row " + (i + 1) + " has " + out[i].length
                        + " entries but row 1 has " + out[0].length + "; all rows need the same length");
            }
        }
        return Matrix.of(out);
    }
}
