package org.flowscape.dynamics;

import java.util.ArrayList;
import java.util.List;
import org.flowscape.model.DenseLayer;
import org.flowscape.model.Network;
import org.flowscape.objective.ModelObjective;
import org.flowscape.objective.Objective;

/**
 * Per-neuron conserved quantities of positively homogeneous units: for hidden layer l with ψ(λz) = λ^k ψ(z) (relu,
 * leaky relu: k = 1), the rescaling (w_j, b_j, v_j) → (λw_j, λb_j, λ^{−k}v_j) leaves L unchanged, so
 * Q_j = ‖w_j‖² + b_j² − k‖v_j‖² is constant along the flow (w_j: row j of W_l, b_j its bias, v_j: column j of
 * W_{l+1}). One quantity per homogeneous hidden layer, a vector over its neurons. Cost per point O(P).
 */
public final class NeuronBalanceMonitor extends InvariantMonitor {
    private final List<int[]> layers = new ArrayList<>();
    private Network net;

    @Override
    protected List<String> bind(Objective objective) {
        net = ModelObjective.denseNetwork(objective);
        List<String> names = new ArrayList<>();
        for (int l = 0; l + 1 < net.depth(); l++) {
            int k = net.layers().get(l).activation().traits().homogeneityDegree();
            if (k > 0) {
                layers.add(new int[] {l, k});
                names.add("neuron balance, layer " + (l + 1));
            }
        }
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("the neuron-balance monitor needs a hidden layer with a positively "
                    + "homogeneous activation (relu, leaky_relu); " + net.spec() + " has none");
        }
        return names;
    }

    @Override
    protected double[][] evaluate(double[] theta) {
        double[][] out = new double[layers.size()][];
        for (int q = 0; q < layers.size(); q++) {
            int l = layers.get(q)[0];
            int degree = layers.get(q)[1];
            DenseLayer in = net.layers().get(l);
            DenseLayer next = net.layers().get(l + 1);
            int wOff = net.offset(l);
            int bOff = wOff + in.inputs() * in.outputs();
            int vOff = net.offset(l + 1);
            double[] qj = new double[in.outputs()];
            for (int j = 0; j < in.outputs(); j++) {
                double s = 0;
                for (int i = 0; i < in.inputs(); i++) {
                    double w = theta[wOff + j * in.inputs() + i];
                    s += w * w;
                }
                if (in.bias()) {
                    s += theta[bOff + j] * theta[bOff + j];
                }
                for (int r = 0; r < next.outputs(); r++) {
                    double v = theta[vOff + r * next.inputs() + j];
                    s -= degree * v * v;
                }
                qj[j] = s;
            }
            out[q] = qj;
        }
        return out;
    }
}
