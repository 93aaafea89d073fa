package org.flowscape.data;

import java.util.SplittableRandom;
import org.flowscape.linalg.Matrix;
import org.flowscape.rng.Seeds;

/**
 * {@code sphere:n=N,d=D[,k=K],seed=S}: inputs i.i.d. uniform on the unit sphere S^{d−1} ⊂ R^d (a standard normal
 * vector from the stream (S, "inputs") divided by its norm; the d = 1 sphere is {−1, 1}), and independent targets
 * y_i ~ N(0, I_k) from (S, "targets"), K default 1.
 */
public final class SphereData {
    private SphereData() {
    }

    /** n points on the unit sphere in R^d with standard normal targets. */
    public static Dataset generate(String spec, int n, int d, int k, long seed) {
        double[] x = new double[Generated.cells("inputs", n, d)];
        SplittableRandom r = Seeds.stream(seed, "inputs");
        for (int i = 0; i < n; i++) {
            Generated.unitVector(r, x, i * d, d);
        }
        return new Dataset(spec, new Matrix(n, d, x), Generated.gaussian(seed, "targets", n, k, 1));
    }
}
