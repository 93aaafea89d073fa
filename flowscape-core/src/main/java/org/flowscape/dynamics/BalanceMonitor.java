package org.flowscape.dynamics;

import java.util.ArrayList;
import java.util.List;
import org.flowscape.model.ParameterBlock;
import org.flowscape.model.ParameterLayout;
import org.flowscape.objective.Objective;

/**
 * The conserved quantities of a deep linear network W_N⋯W_1 (paper A, §A.2): C_i = W_i W_iᵀ − W_{i+1}ᵀ W_{i+1}
 * (k_i × k_i, k_i the output width of layer i), i = 1..N−1, found from the objective's {@link ParameterLayout}; and, in
 * the vector case (N = 2, one input, one output), the scalar imbalance c = 2 tr(C²) − (tr C)². All are constant along
 * the flow for any loss of the product (and any data); one descent step changes C_i by exactly
 * η²(G_i G_iᵀ − G_{i+1}ᵀ G_{i+1}) ({@link #descentChange}). Cost per point: Σ_i k_i² (k_{i−1} + k_{i+1}) flops.
 */
public final class BalanceMonitor extends InvariantMonitor {
    private List<ParameterBlock> weights;
    private boolean vectorCase;

    @Override
    protected List<String> bind(Objective objective) {
        weights = weightBlocks(objective.layout());
        List<String> names = new ArrayList<>();
        for (int i = 1; i < weights.size(); i++) {
            names.add("C_" + i);
        }
        vectorCase = weights.size() == 2 && weights.get(0).cols() == 1 && weights.get(1).rows() == 1;
        if (vectorCase) {
            names.add("imbalance c");
        }
        return names;
    }

    @Override
    protected double[][] evaluate(double[] theta) {
        double[][] c = invariants(weights, theta);
        if (!vectorCase) {
            return c;
        }
        double[][] out = java.util.Arrays.copyOf(c, c.length + 1);
        out[c.length] = new double[] {imbalance(c[0], weights.get(0).rows())};
        return out;
    }

    /**
     * The weight blocks of a bias-free chain whose shapes compose (rows of W_i = cols of W_{i+1}).
     *
     * @throws IllegalArgumentException for a layout with biases, one layer, or shapes that do not chain
     */
    public static List<ParameterBlock> weightBlocks(ParameterLayout layout) {
        List<ParameterBlock> w = layout.blocks();
        if (w.size() < 2) {
            throw new IllegalArgumentException("the balance invariants need at least two weight layers (a deep linear "
                    + "network such as linear:2x3x1 or product:2); got " + w.size() + " block(s)");
        }
        for (int i = 0; i < w.size(); i++) {
            ParameterBlock b = w.get(i);
            if (b.kind() != ParameterBlock.Kind.WEIGHT) {
                throw new IllegalArgumentException("the balance invariants need a bias-free deep linear network; block "
                        + b.name() + " is a bias (use linear:D0x...xDL or :nobias)");
            }
            if (i > 0 && w.get(i - 1).rows() != b.cols()) {
                throw new IllegalArgumentException("block " + b.name() + " has " + b.cols() + " columns but the"
                        + " previous layer has " + w.get(i - 1).rows() + " outputs");
            }
        }
        return w;
    }

    /** C_i = W_i W_iᵀ − W_{i+1}ᵀ W_{i+1}, i = 1..N−1, each k_i × k_i row-major, from θ (read only). */
    public static double[][] invariants(List<ParameterBlock> weights, double[] theta) {
        double[][] c = new double[weights.size() - 1][];
        for (int i = 0; i + 1 < weights.size(); i++) {
            ParameterBlock w = weights.get(i);
            ParameterBlock v = weights.get(i + 1);
            int k = w.rows();
            double[] ci = new double[k * k];
            for (int a = 0; a < k; a++) {
                for (int b = 0; b < k; b++) {
                    ci[a * k + b] = rowDot(theta, w, a, b) - colDot(theta, v, a, b);
                }
            }
            c[i] = ci;
        }
        return c;
    }

    /**
     * The exact change of each C_i made by one descent step θ ← θ − ηG: η²(G_i G_iᵀ − G_{i+1}ᵀ G_{i+1}), with G the
     * gradient (read only) laid out like θ.
     */
    public static double[][] descentChange(List<ParameterBlock> weights, double[] gradient, double eta) {
        double[][] c = invariants(weights, gradient);
        for (double[] ci : c) {
            for (int j = 0; j < ci.length; j++) {
                ci[j] *= eta * eta;
            }
        }
        return c;
    }

    /** c = 2 tr(C²) − (tr C)² for a k × k symmetric C (row-major, read only). */
    public static double imbalance(double[] c, int k) {
        double tr = 0;
        double tr2 = 0;
        for (int a = 0; a < k; a++) {
            tr += c[a * k + a];
            for (int b = 0; b < k; b++) {
                tr2 += c[a * k + b] * c[b * k + a];
            }
        }
        return 2 * tr2 - tr * tr;
    }

    private static double rowDot(double[] theta, ParameterBlock w, int a, int b) {
        int n = w.cols();
        int oa = w.offset() + a * n;
        int ob = w.offset() + b * n;
        double s = 0;
        for (int j = 0; j < n; j++) {
            s += theta[oa + j] * theta[ob + j];
        }
        return s;
    }

    private static double colDot(double[] theta, ParameterBlock v, int a, int b) {
        int n = v.cols();
        double s = 0;
        for (int r = 0; r < v.rows(); r++) {
            int o = v.offset() + r * n;
            s += theta[o + a] * theta[o + b];
        }
        return s;
    }
}
