package org.flowscape.analysis;

import java.util.List;
import org.flowscape.loss.Loss;
import org.flowscape.loss.SquaredError;
import org.flowscape.model.DenseLayer;
import org.flowscape.model.Network;
import org.flowscape.objective.ModelObjective;

/**
 * Interval enclosures of L, ∇L and the Hessian of a squared-error empirical risk over a box of parameters, for
 * layered networks whose activations {@link ActivationRange} can bound: it runs the network forward sample by sample
 * on {@link IntervalJet}s. Construction refuses other models and losses through {@link #refusal}. Cost per box:
 * O(n · (weights) · P²) interval operations, so it is meant for the small networks where certification is asked for.
 */
final class IntervalRisk {
    private final ModelObjective objective;
    private final ActivationRange[] ranges;
    private final double scaleLo;
    private final double scaleHi;

    private IntervalRisk(ModelObjective objective, ActivationRange[] ranges, double scaleLo, double scaleHi) {
        this.objective = objective;
        this.ranges = ranges;
        this.scaleLo = scaleLo;
        this.scaleHi = scaleHi;
    }

    /** Why {@code objective} cannot be enclosed, or null when it can. */
    static String refusal(ModelObjective objective) {
        Loss loss = objective.loss();
        if (!(loss instanceof SquaredError)) {
            return "not certifiable: loss '" + loss.spec()
                    + "' is not a squared error (use mse, mse-mean or frobenius)";
        }
        if (objective.view(org.flowscape.model.Network.class).isEmpty()) {
            return "not certifiable: no interval enclosure for layers: models yet (only dense stacks: mlp:, linear:, "
                    + "product:)";
        }
        for (DenseLayer layer : objective.network().layers()) {
            if (ActivationRange.of(layer.activation()) == null) {
                return "not certifiable: activation '" + layer.activation().spec() + "' has no interval enclosure "
                        + "(certifiable: identity, tanh, sigmoid, algebraic_sigmoid, softplus, exp, sin, poly)";
            }
        }
        return null;
    }

    /** The enclosure for {@code objective}; call only when {@link #refusal} is null. */
    static IntervalRisk of(ModelObjective objective) {
        List<DenseLayer> layers = objective.network().layers();
        ActivationRange[] ranges = new ActivationRange[layers.size()];
        for (int l = 0; l < ranges.length; l++) {
            ranges[l] = ActivationRange.of(layers.get(l).activation());
        }
        int n = objective.data().size();
        double lo;
        double hi;
        switch (((SquaredError) objective.loss()).normalization()) {
            case HALF_MEAN -> {
                lo = IntervalMath.down(0.5 / n);
                hi = IntervalMath.up(0.5 / n);
            }
            case MEAN -> {
                lo = IntervalMath.down(1.0 / n);
                hi = IntervalMath.up(1.0 / n);
            }
            default -> {
                lo = 0.5;
                hi = 0.5;
            }
        }
        return new IntervalRisk(objective, ranges, lo, hi);
    }

    /**
     * The enclosure of L over the box [lo, hi] (both length P, read only): value, gradient and, when {@code hessian},
     * the Hessian.
     */
    IntervalJet enclose(double[] lo, double[] hi, boolean hessian) {
        Network net = objective.network();
        int p = net.parameterCount();
        int n = objective.data().size();
        int d = net.inputDim();
        int k = net.outputDim();
        double[] x = objective.data().inputs().data();
        double[] y = objective.data().targets().data();
        IntervalJet total = new IntervalJet(p, hessian);
        double[] r = new double[6];
        for (int s = 0; s < n; s++) {
            IntervalJet[] a = null;
            for (int l = 0; l < net.depth(); l++) {
                DenseLayer layer = net.layers().get(l);
                int off = net.offset(l);
                IntervalJet[] next = new IntervalJet[layer.outputs()];
                for (int j = 0; j < layer.outputs(); j++) {
                    IntervalJet z = new IntervalJet(p, hessian);
                    for (int i = 0; i < layer.inputs(); i++) {
                        int q = off + j * layer.inputs() + i;
                        if (a == null) {
                            z.addVariableTimesConstant(q, lo[q], hi[q], x[s * d + i]);
                        } else {
                            z.addVariableTimes(q, lo[q], hi[q], a[i]);
                        }
                    }
                    if (layer.bias()) {
                        int q = off + layer.outputs() * layer.inputs() + j;
                        z.addVariable(q, lo[q], hi[q]);
                    }
                    ranges[l].evaluate(z.v[0], z.v[1], r);
                    next[j] = layer.activation().isIdentity() ? z : IntervalJet.apply(z, r);
                }
                a = next;
            }
            for (int o = 0; o < k; o++) {
                total.addSquaredResidual(a[o], y[s * k + o]);
            }
        }
        total.scale(scaleLo, scaleHi);
        return total;
    }
}
