package org.flowscape.reproduce;

import java.util.SplittableRandom;
import org.flowscape.data.Dataset;
import org.flowscape.linalg.Matrix;
import org.flowscape.rng.Seeds;

/**
 * B1's data: a population loss by quadrature. Inputs are the m midpoints of [−a, a] (the midpoint rule for the
 * uniform law on [−a, a], so the mean-squared error over them is the population risk up to O(m⁻²)), targets a random
 * smooth function y(x) = √(2/K) Σₖ cₖ cos(ωₖx + φₖ) with K = {@value #FEATURES} random Fourier features
 * (ωₖ ~ N(0, 1/ℓ²), φₖ ~ U[0, 2π), cₖ ~ N(0, 1)) approximating a Gaussian process of length scale ℓ, drawn from the
 * stream (seed, "quadrature-target"). Dense inputs mean no neuron can sit "between samples": a steep step is
 * resolved by the grid only at slopes beyond m/(2a). Our own generator (the core's {@code smooth} data draws
 * Gaussian inputs, sparse in the tails). Cost O(m·K).
 */
final class QuadratureData {
    /** Random Fourier features of the target. */
    static final int FEATURES = 128;

    private QuadratureData() {
    }

    /** m midpoints of [−halfWidth, halfWidth] with targets of length scale {@code lengthscale}. */
    static Dataset smooth(int m, double halfWidth, double lengthscale, long seed) {
        SplittableRandom r = Seeds.stream(seed, "quadrature-target");
        double[] w = new double[FEATURES];
        double[] phase = new double[FEATURES];
        double[] c = new double[FEATURES];
        for (int k = 0; k < FEATURES; k++) {
            w[k] = Seeds.gaussian(r) / lengthscale;
            phase[k] = 2 * Math.PI * r.nextDouble();
            c[k] = Seeds.gaussian(r);
        }
        double[] x = new double[m];
        double[] y = new double[m];
        double norm = Math.sqrt(2.0 / FEATURES);
        for (int t = 0; t < m; t++) {
            x[t] = -halfWidth + (t + 0.5) * 2 * halfWidth / m;
            double s = 0;
            for (int k = 0; k < FEATURES; k++) {
                s += c[k] * Math.cos(w[k] * x[t] + phase[k]);
            }
            y[t] = norm * s;
        }
        String spec = "quadrature:n=" + m + ",a=" + halfWidth + ",lengthscale=" + lengthscale + ",seed=" + seed;
        return new Dataset(spec, new Matrix(m, 1, x), new Matrix(m, 1, y));
    }
}
