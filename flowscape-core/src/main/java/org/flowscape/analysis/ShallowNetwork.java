package org.flowscape.analysis;

import org.flowscape.model.Activation;
import org.flowscape.model.DenseLayer;
import org.flowscape.model.Models;
import org.flowscape.model.Network;

/**
 * A shallow network f(x) = Σᵢ aᵢ ψ(wᵢ·x + bᵢ) + c ({@code mlp:d-H-1:ACT}) viewed through its parameters. In the flat
 * order θ = (W row by row, b, a, c).
 *
 * @param activation ψ
 * @param w          incoming weights, H × d row-major (copied)
 * @param b          biases, length H (copied)
 * @param a          output weights, length H (copied)
 * @param c          output bias
 */
public record ShallowNetwork(Activation activation, int inputs, double[] w, double[] b, double[] a, double c) {

    public ShallowNetwork {
        w = w.clone();
        b = b.clone();
        a = a.clone();
        if (w.length != a.length * inputs || b.length != a.length) {
            throw new IllegalArgumentException("shallow network shapes disagree: W " + w.length + ", b " + b.length
                    + ", a " + a.length + " for d = " + inputs);
        }
    }

    /**
     * Reads θ of {@code network}, which must be {@code mlp:d-H-1:ACT} with biases.
     *
     * @throws IllegalArgumentException naming the required form otherwise
     */
    public static ShallowNetwork of(Network network, double[] theta) {
        if (network.depth() != 2 || network.outputDim() != 1 || !network.layers().get(0).bias()
                || !network.layers().get(1).bias() || !network.layers().get(1).activation().isIdentity()) {
            throw new IllegalArgumentException("redundancy analysis needs a shallow network mlp:d-H-1:ACT with biases, "
                    + "got " + network.spec());
        }
        DenseLayer hidden = network.layers().get(0);
        int d = hidden.inputs();
        int h = hidden.outputs();
        double[] w = java.util.Arrays.copyOfRange(theta, 0, h * d);
        double[] b = java.util.Arrays.copyOfRange(theta, h * d, h * d + h);
        double[] a = java.util.Arrays.copyOfRange(theta, h * d + h, h * d + 2 * h);
        return new ShallowNetwork(hidden.activation(), d, w, b, a, theta[h * d + 2 * h]);
    }

    /** H, the number of hidden neurons. */
    public int hidden() {
        return a.length;
    }

    /** θ in the flat order. */
    public double[] theta() {
        int h = hidden();
        int d = inputs;
        double[] t = new double[h * (d + 2) + 1];
        System.arraycopy(w, 0, t, 0, h * d);
        System.arraycopy(b, 0, t, h * d, h);
        System.arraycopy(a, 0, t, h * d + h, h);
        t[h * d + 2 * h] = c;
        return t;
    }

    /** The network {@code mlp:d-H-1:ACT} of this size. */
    public Network network() {
        return Models.mlp("mlp:" + inputs + "-" + hidden() + "-1:" + activation.spec(), new int[] {inputs, hidden(), 1},
                activation, true);
    }

    /** Incoming weights of neuron i (a copy). */
    public double[] weights(int i) {
        return java.util.Arrays.copyOfRange(w, i * inputs, (i + 1) * inputs);
    }

    /** The preactivation wᵢ·xₜ + bᵢ of neuron i at row t of the n × d inputs x (read only). Cost O(d). */
    public double preactivation(int i, org.flowscape.linalg.Matrix x, int t) {
        double u = b[i];
        for (int k = 0; k < inputs; k++) {
            u += w[i * inputs + k] * x.get(t, k);
        }
        return u;
    }

    /** The flat index of w_i[k], b_i, a_i and c in θ. */
    public int indexOfWeight(int i, int k) {
        return i * inputs + k;
    }

    /** The flat index of b_i. */
    public int indexOfBias(int i) {
        return hidden() * inputs + i;
    }

    /** The flat index of a_i. */
    public int indexOfOutput(int i) {
        return hidden() * inputs + hidden() + i;
    }

    /** The flat index of c. */
    public int indexOfConstant() {
        return hidden() * (inputs + 2);
    }
}
