package org.flowscape.data;

import java.util.SplittableRandom;
import org.flowscape.rng.Seeds;

/**
 * A random smooth function R^d → R^k drawn as a random Fourier feature expansion (Rahimi and Recht, 2007):
 * <pre>
 *   f_c(x) = sqrt(2/F) · Σ_{j=1..F} a_{jc} · cos(ω_j · x + b_j),
 *   ω_j ~ N(0, I_d / ℓ²),  b_j ~ U[0, 2π),  a_{jc} ~ N(0, 1),  all independent.
 * </pre>
 * Each f_c is then a centred random function with covariance E[f_c(x) f_c(x')] = E cos(ω·(x − x')) =
 * exp(−‖x − x'‖² / (2ℓ²)): a finite-rank approximation of a Gaussian process with the unit-variance RBF kernel of
 * lengthscale ℓ, exactly reproducible from the seed, and costing O(F·(d + k)) per point.
 */
final class FourierFunction {
    /** The number of features F used by the generators. */
    static final int FEATURES = 512;

    private final int d;
    private final int k;
    private final double[] omega; // F × d
    private final double[] phase; // F
    private final double[] amp;   // F × k

    /** Draws ω from (seed, purpose + "-frequencies"), b from (seed, purpose + "-phases"), a from (seed, purpose). */
    FourierFunction(long seed, String purpose, int d, int k, double lengthscale) {
        this.d = d;
        this.k = k;
        omega = Seeds.gaussian(Seeds.stream(seed, purpose + "-frequencies"), 1 / lengthscale,
                new double[FEATURES * d]);
        phase = new double[FEATURES];
        SplittableRandom r = Seeds.stream(seed, purpose + "-phases");
        for (int j = 0; j < FEATURES; j++) {
            phase[j] = 2 * Math.PI * r.nextDouble();
        }
        amp = Seeds.gaussian(Seeds.stream(seed, purpose), 1, new double[FEATURES * k]);
    }

    /** Writes f(x) for x = {@code in[inOff, inOff + d)} (read only) into {@code out[outOff, outOff + k)}. */
    void evaluate(double[] in, int inOff, double[] out, int outOff) {
        double scale = Math.sqrt(2.0 / FEATURES);
        for (int c = 0; c < k; c++) {
            out[outOff + c] = 0;
        }
        for (int j = 0; j < FEATURES; j++) {
            double t = phase[j];
            for (int m = 0; m < d; m++) {
                t += omega[j * d + m] * in[inOff + m];
            }
            double feature = scale * Math.cos(t);
            for (int c = 0; c < k; c++) {
                out[outOff + c] += amp[j * k + c] * feature;
            }
        }
    }
}
