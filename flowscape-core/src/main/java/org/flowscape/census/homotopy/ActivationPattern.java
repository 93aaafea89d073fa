package org.flowscape.census.homotopy;

import org.flowscape.linalg.Matrix;
import org.flowscape.model.DenseLayer;
import org.flowscape.model.Network;

/**
 * Which hidden units are active (pre-activation &gt; 0) on which sample: the region of parameter space where a
 * piecewise-polynomial network (relu, leaky_relu, relu_pow) is one polynomial. Hidden units are numbered layer by
 * layer from the input; the output layer has no pattern.
 *
 * @param active active[s][u]: unit u on sample s (copied)
 */
public record ActivationPattern(boolean[][] active) {
    public ActivationPattern {
        boolean[][] copy = new boolean[active.length][];
        for (int s = 0; s < active.length; s++) {
            copy[s] = active[s].clone();
        }
        active = copy;
    }

    /** The pattern of θ (read only) on the rows of x: unit active where its pre-activation is &gt; 0. */
    public static ActivationPattern at(Network net, Matrix x, double[] theta) {
        int n = x.rows();
        boolean[][] active = new boolean[n][hiddenUnits(net)];
        for (int s = 0; s < n; s++) {
            double[][] pre = preActivations(net, x, s, theta);
            int u = 0;
            for (int l = 0; l + 1 < net.depth(); l++) {
                for (double z : pre[l]) {
                    active[s][u++] = z > 0;
                }
            }
        }
        return new ActivationPattern(active);
    }

    /**
     * The smallest signed margin of θ in this pattern: min over (sample, hidden unit) of z for active units and −z
     * for inactive ones. Positive means θ lies strictly inside the pattern's region, so the polynomial loss equals
     * the network's loss near θ.
     */
    public double margin(Network net, Matrix x, double[] theta) {
        double margin = Double.POSITIVE_INFINITY;
        for (int s = 0; s < x.rows(); s++) {
            double[][] pre = preActivations(net, x, s, theta);
            int u = 0;
            for (int l = 0; l + 1 < net.depth(); l++) {
                for (double z : pre[l]) {
                    margin = Math.min(margin, active[s][u++] ? z : -z);
                }
            }
        }
        return margin;
    }

    /** The number of hidden units Σ widths of all layers but the last. */
    public static int hiddenUnits(Network net) {
        int u = 0;
        for (int l = 0; l + 1 < net.depth(); l++) {
            u += net.layers().get(l).outputs();
        }
        return u;
    }

    /** Pre-activations of every layer on sample s (plain forward pass in double precision). */
    private static double[][] preActivations(Network net, Matrix x, int s, double[] theta) {
        double[][] pre = new double[net.depth()][];
        double[] a = new double[x.cols()];
        for (int i = 0; i < a.length; i++) {
            a[i] = x.data()[s * x.cols() + i];
        }
        for (int l = 0; l < net.depth(); l++) {
            DenseLayer layer = net.layers().get(l);
            int off = net.offset(l);
            double[] z = new double[layer.outputs()];
            for (int j = 0; j < z.length; j++) {
                double acc = layer.bias() ? theta[off + layer.outputs() * layer.inputs() + j] : 0;
                for (int i = 0; i < layer.inputs(); i++) {
                    acc += theta[off + j * layer.inputs() + i] * a[i];
                }
                z[j] = acc;
            }
            pre[l] = z;
            double[] next = new double[z.length];
            layer.activation().evaluate(z, next, new double[z.length], new double[z.length], z.length);
            a = next;
        }
        return pre;
    }
}
