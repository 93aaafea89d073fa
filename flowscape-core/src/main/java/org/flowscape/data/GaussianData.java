package org.flowscape.data;

import org.flowscape.linalg.Matrix;

/**
 * {@code gaussian:n=N,d=D[,k=K],seed=S}: inputs x_i ~ N(0, I_d) and, independently, targets y_i ~ N(0, I_k), all
 * i.i.d. Inputs come from the stream (S, "inputs") and targets from (S, "targets"), each filled row by row.
 */
public final class GaussianData {
    private GaussianData() {
    }

    /** n samples: X (n × d) and Y (n × k) with independent standard normal entries. */
    public static Dataset generate(String spec, int n, int d, int k, long seed) {
        Matrix x = Generated.gaussian(seed, "inputs", n, d, 1);
        Matrix y = Generated.gaussian(seed, "targets", n, k, 1);
        return new Dataset(spec, x, y);
    }
}
