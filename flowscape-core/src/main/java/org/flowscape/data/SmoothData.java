package org.flowscape.data;

import org.flowscape.linalg.Matrix;

/**
 * {@code smooth:n=N,d=D[,lengthscale=L][,k=K],seed=S}: inputs x_i ~ N(0, I_d) from the stream (S, "inputs"), and
 * targets y_i = f(x_i) for one random smooth function f: R^d → R^k drawn (from streams (S, "smooth…")) as a random
 * Fourier expansion with {@value FourierFunction#FEATURES} features approximating a Gaussian process with
 * covariance exp(−‖x − x'‖²/(2L²)) (see {@link FourierFunction}). L defaults to √D, so that two independent inputs
 * (‖x − x'‖² ≈ 2D) have target correlation about e^{−1}; K defaults to 1. No noise is added. Cost O(n·512·(d + k)).
 */
public final class SmoothData {
    private SmoothData() {
    }

    /** n Gaussian inputs with targets from a random smooth function of lengthscale {@code lengthscale}. */
    public static Dataset generate(String spec, int n, int d, double lengthscale, int k, long seed) {
        Matrix x = Generated.gaussian(seed, "inputs", n, d, 1);
        FourierFunction f = new FourierFunction(seed, "smooth", d, k, lengthscale);
        double[] y = new double[Generated.cells("targets", n, k)];
        for (int i = 0; i < n; i++) {
            f.evaluate(x.data(), i * d, y, i * k);
        }
        return new Dataset(spec, x, new Matrix(n, k, y));
    }
}
