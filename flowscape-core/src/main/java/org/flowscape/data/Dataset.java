package org.flowscape.data;

import org.flowscape.internal.Checks;
import org.flowscape.linalg.Matrix;

/**
 * A regression or classification dataset: inputs X (n × d) and targets Y (n × k), row i one sample.
 *
 * @param spec    how it was made (a spec string or a file name), recorded with results
 * @param inputs  X, n × d
 * @param targets Y, n × k (k = 1 for scalar targets or class indices)
 */
public record Dataset(String spec, Matrix inputs, Matrix targets) {
    public Dataset {
        Checks.dimension("target rows", inputs.rows(), targets.rows());
        checkFinite("inputs", inputs);
        checkFinite("targets", targets);
    }

    private static void checkFinite(String what, Matrix m) {
        double[] d = m.data();
        for (int i = 0; i < d.length; i++) {
            if (!Double.isFinite(d[i])) {
                throw new IllegalArgumentException(what + " contain " + d[i] + " at row " + (i / m.cols() + 1)
                        + ", column " + (i % m.cols() + 1) + "; remove or impute non-finite values");
            }
        }
    }

    /** The number of samples n. */
    public int size() {
        return inputs.rows();
    }

    /** The input dimension d. */
    public int inputDim() {
        return inputs.cols();
    }

    /** The number of target columns. */
    public int targetDim() {
        return targets.cols();
    }
}
