package org.flowscape.geometry.basins;

import java.util.SplittableRandom;
import org.flowscape.internal.Checks;
import org.flowscape.model.Models;
import org.flowscape.model.Network;
import org.flowscape.rng.Seeds;

/**
 * The parameters of a two-layer bias-free ReLU network N(x) = Σ_j v_j [w_j·x]_+ of input dimension d and width k.
 * This is the core's {@code mlp:d-k-1:relu:nobias}, whose θ is exactly [W (k × d, row-major), v (k)], so losses,
 * gradients and Hessians of the general {@link Network} machinery apply to {@link #theta()} unchanged.
 *
 * @param d input dimension
 * @param k width (number of hidden neurons)
 * @param w hidden weights, k × d row-major (row j is w_j); not copied
 * @param v output weights, length k; not copied
 */
public record ReluNet(int d, int k, double[] w, double[] v) {
    public ReluNet {
        Checks.dimension("hidden weights (k*d)", k * d, w.length);
        Checks.dimension("output weights (k)", k, v.length);
    }

    /** The core network {@code mlp:d-k-1:relu:nobias} whose θ is {@link #theta()}. */
    public static Network network(int d, int k) {
        return Models.parse("mlp:" + d + "-" + k + "-1:relu:nobias");
    }

    /**
     * A random initialization under Assumption 1: w_j ~ N(0, I/d) (row by row) then v ~ N(0, 1/k), all from
     * {@code random} in that order.
     */
    public static ReluNet random(int d, int k, SplittableRandom random) {
        return random(d, k, random, Initialization.DEFAULT);
    }

    /**
     * A random initialization from {@code init}: w_j (row by row) then v (unless fixed to +1), all from
     * {@code random} in that order.
     */
    public static ReluNet random(int d, int k, SplittableRandom random, Initialization init) {
        double[] w = Seeds.gaussian(random, init.hiddenSd(d), new double[k * d]);
        double[] v = new double[k];
        if (init.fixedOutput()) {
            java.util.Arrays.fill(v, 1.0);
        } else {
            Seeds.gaussian(random, init.outputSd(k), v);
        }
        return new ReluNet(d, k, w, v);
    }

    /**
     * The initialization number {@code init} of width {@code k}: {@link #random} on the stream
     * (seed, "basins/init/k=K", init), so each (width, init) pair has its own stream.
     */
    public static ReluNet initialization(int d, int k, long seed, long init) {
        return initialization(d, k, seed, init, Initialization.DEFAULT);
    }

    /** As {@link #initialization(int, int, long, long)}, drawn from {@code distribution}. */
    public static ReluNet initialization(int d, int k, long seed, long init, Initialization distribution) {
        return random(d, k, Seeds.stream(seed, "basins/init/k=" + k, init), distribution);
    }

    /** Reads θ = [W, v] of {@code mlp:d-k-1:relu:nobias} (copied). */
    public static ReluNet fromTheta(int d, int k, double[] theta) {
        Checks.dimension("theta (k*d + k)", k * d + k, theta.length);
        return new ReluNet(d, k, java.util.Arrays.copyOfRange(theta, 0, k * d),
                java.util.Arrays.copyOfRange(theta, k * d, k * d + k));
    }

    /** θ = [W, v] as a new array. */
    public double[] theta() {
        double[] t = new double[k * d + k];
        System.arraycopy(w, 0, t, 0, k * d);
        System.arraycopy(v, 0, t, k * d, k);
        return t;
    }

    /** ⟨w_j, x⟩ for the row {@code row} of the n × d row-major {@code x} (read only). */
    public double preActivation(int j, double[] x, int row) {
        double s = 0;
        for (int c = 0; c < d; c++) {
            s += w[j * d + c] * x[row * d + c];
        }
        return s;
    }

    /** The sub-network of the neurons {@code neurons} (in that order), copied. */
    public ReluNet subset(int[] neurons) {
        double[] sw = new double[neurons.length * d];
        double[] sv = new double[neurons.length];
        for (int i = 0; i < neurons.length; i++) {
            System.arraycopy(w, neurons[i] * d, sw, i * d, d);
            sv[i] = v[neurons[i]];
        }
        return new ReluNet(d, neurons.length, sw, sv);
    }
}
