package org.flowscape.data;

import java.util.SplittableRandom;
import org.flowscape.linalg.Matrix;
import org.flowscape.rng.Seeds;

/** Small helpers shared by the generators: size checks and Gaussian matrices. */
final class Generated {
    private Generated() {
    }

    /** Requires rows · cols to fit in one Java array; returns it. */
    static int cells(String what, int rows, int cols) {
        long c = (long) rows * cols;
        if (c > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(what + " would have " + rows + " × " + cols + " = " + c
                    + " entries, more than one array holds; use fewer samples or dimensions");
        }
        return (int) c;
    }

    /** A rows × cols matrix of independent N(0, scale²) entries from the stream (seed, purpose), row by row. */
    static Matrix gaussian(long seed, String purpose, int rows, int cols, double scale) {
        double[] data = new double[cells(purpose, rows, cols)];
        Seeds.gaussian(Seeds.stream(seed, purpose), scale, data);
        return new Matrix(rows, cols, data);
    }

    /** Writes a uniform point on S^{d−1} into {@code out[offset, offset + d)}: a normalized Gaussian vector. */
    static void unitVector(SplittableRandom r, double[] out, int offset, int d) {
        double norm;
        do {
            double s = 0;
            for (int j = 0; j < d; j++) {
                double g = Seeds.gaussian(r);
                out[offset + j] = g;
                s += g * g;
            }
            norm = Math.sqrt(s);
        } while (norm == 0);
        for (int j = 0; j < d; j++) {
            out[offset + j] /= norm;
        }
    }
}
