package org.flowscape.geometry.basins;

import org.flowscape.internal.Checks;
import org.flowscape.linalg.Matrix;

/**
 * The basin label (A, b) of Definition 2 ({@code docs/theory.md} D.3): a_{j,t} = +1 when ⟨w_j, x_t⟩ &gt; 0 and −1
 * otherwise (a zero pre-activation counts as inactive, matching relu'(0) = 0; under Assumption 1 it has
 * probability 0), and b_j = +1 when v_j ≥ 0, else −1.
 *
 * @param k      width
 * @param m      number of data points
 * @param active k × m row-major, {@code active[j*m + t]} true when neuron j is active on x_t (a_{j,t} = +1)
 * @param sign   length k, b_j as +1 or −1
 */
public record SignPattern(int k, int m, boolean[] active, int[] sign) {
    public SignPattern {
        if (active.length != k * m || sign.length != k) {
            throw new IllegalArgumentException("sign pattern needs k*m = " + k * m + " activations and k = " + k
                    + " signs, got " + active.length + " and " + sign.length);
        }
    }

    /** The pattern of {@code net} on the rows of {@code x} (n × d). Cost O(k·m·d). */
    public static SignPattern of(ReluNet net, Matrix x) {
        Checks.dimension("input columns", net.d(), x.cols());
        int m = x.rows();
        boolean[] a = new boolean[net.k() * m];
        int[] b = new int[net.k()];
        for (int j = 0; j < net.k(); j++) {
            for (int t = 0; t < m; t++) {
                a[j * m + t] = net.preActivation(j, x.data(), t) > 0;
            }
            b[j] = net.v()[j] >= 0 ? 1 : -1;
        }
        return new SignPattern(net.k(), m, a, b);
    }

    /** a_{j,t} as a boolean: neuron j active on x_t. */
    public boolean isActive(int j, int t) {
        return active[j * m + t];
    }

    /** The number of points on which neuron j is active. */
    public int activeCount(int j) {
        int c = 0;
        for (int t = 0; t < m; t++) {
            c += active[j * m + t] ? 1 : 0;
        }
        return c;
    }

    /** The pattern of the neurons {@code neurons} only (Lemma 2's sub-network). */
    public SignPattern subset(int[] neurons) {
        boolean[] a = new boolean[neurons.length * m];
        int[] b = new int[neurons.length];
        for (int i = 0; i < neurons.length; i++) {
            System.arraycopy(active, neurons[i] * m, a, i * m, m);
            b[i] = sign[neurons[i]];
        }
        return new SignPattern(neurons.length, m, a, b);
    }
}
