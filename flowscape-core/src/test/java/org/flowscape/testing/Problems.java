package org.flowscape.testing;

import java.util.SplittableRandom;
import org.flowscape.data.Dataset;
import org.flowscape.linalg.Matrix;
import org.flowscape.model.Network;
import org.flowscape.rng.Seeds;

/** Small seeded problems for tests. */
public final class Problems {
    private Problems() {
    }

    /** n × d standard normal inputs and n × k standard normal targets. */
    public static Dataset gaussian(int n, int d, int k, long seed) {
        SplittableRandom r = Seeds.stream(seed, "test-data");
        Matrix x = new Matrix(n, d, Seeds.gaussian(r, 1.0, new double[n * d]));
        Matrix y = new Matrix(n, k, Seeds.gaussian(r, 1.0, new double[n * k]));
        return new Dataset("test-gaussian", x, y);
    }

    /** Gaussian inputs with integer class targets 0..classes−1 in one column. */
    public static Dataset classes(int n, int d, int classes, long seed) {
        SplittableRandom r = Seeds.stream(seed, "test-classes");
        Matrix x = new Matrix(n, d, Seeds.gaussian(r, 1.0, new double[n * d]));
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = r.nextInt(classes);
        }
        return new Dataset("test-classes", x, new Matrix(n, 1, y));
    }

    /** Gaussian inputs with targets f(θ*; X) realized by {@code net} itself, so θ* is a global minimum of mse. */
    public static Dataset realizable(Network net, double[] thetaStar, int n, long seed) {
        SplittableRandom r = Seeds.stream(seed, "test-realizable");
        Matrix x = new Matrix(n, net.inputDim(), Seeds.gaussian(r, 1.0, new double[n * net.inputDim()]));
        return new Dataset("test-realizable", x, net.predict(thetaStar, x));
    }

    /** A seeded random unit vector of length p. */
    public static double[] unit(int p, long seed, int index) {
        double[] u = Seeds.gaussian(Seeds.stream(seed, "test-direction", index), 1.0, new double[p]);
        double norm = org.flowscape.linalg.Vectors.norm2(u);
        org.flowscape.linalg.Vectors.scale(1 / norm, u);
        return u;
    }
}
