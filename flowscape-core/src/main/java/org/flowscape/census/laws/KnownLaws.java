package org.flowscape.census.laws;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.flowscape.census.homotopy.Polynomial;
import org.flowscape.model.DenseLayer;
import org.flowscape.model.Network;

/**
 * The conservation laws declared in the literature, as polynomials, to check that discovery finds them: for a linear
 * network the entries (a ≤ b) of W_{k+1}ᵀW_{k+1} − W̃_kW̃_kᵀ at each hidden layer k, W̃_k = [W_k | b_k] with its bias
 * column (Arora, Cohen &amp; Hazan 2018; Du, Hu &amp; Lee 2018); for relu and leaky_relu units the per-neuron
 * ‖w_j‖² + b_j² − ‖v_j‖² with w_j the incoming row, b_j its bias and v_j the outgoing column (Du, Hu &amp; Lee 2018).
 * The closed-form count is their number: Σ_k r_k(r_k + 1)/2 for linear networks, Σ_k r_k for homogeneous units,
 * which Marcotte, Gribonval &amp; Peyré (2023, Th. 3.x–4.x) prove complete for two-layer networks.
 */
public final class KnownLaws {
    private KnownLaws() {
    }

    /** The declared laws of {@code net} (one polynomial each). */
    public static List<Polynomial> of(Network net) {
        List<Polynomial> out = new ArrayList<>();
        int p = net.parameterCount();
        for (int k = 0; k + 1 < net.depth(); k++) {
            DenseLayer in = net.layers().get(k);
            DenseLayer outLayer = net.layers().get(k + 1);
            boolean linear = in.activation().spec().toLowerCase(Locale.ROOT).equals("identity");
            int r = in.outputs();
            for (int a = 0; a < r; a++) {
                for (int b = a; b < (linear ? r : a + 1); b++) {
                    Polynomial law = Polynomial.zero(p);
                    for (int o = 0; o < outLayer.outputs(); o++) {
                        law = law.plus(weight(net, k + 1, o, a).times(weight(net, k + 1, o, b)));
                    }
                    for (int i = 0; i < in.inputs(); i++) {
                        law = law.minus(weight(net, k, a, i).times(weight(net, k, b, i)));
                    }
                    if (in.bias()) {
                        law = law.minus(bias(net, k, a).times(bias(net, k, b)));
                    }
                    out.add(law);
                }
            }
        }
        return out;
    }

    private static Polynomial weight(Network net, int l, int row, int col) {
        DenseLayer layer = net.layers().get(l);
        return Polynomial.variable(net.parameterCount(), net.offset(l) + row * layer.inputs() + col);
    }

    private static Polynomial bias(Network net, int l, int j) {
        DenseLayer layer = net.layers().get(l);
        return Polynomial.variable(net.parameterCount(), net.offset(l) + layer.outputs() * layer.inputs() + j);
    }
}
