package org.flowscape.dynamics;

import java.util.List;
import org.flowscape.data.Dataset;
import org.flowscape.model.Network;
import org.flowscape.objective.ModelObjective;
import org.flowscape.objective.Objective;

/**
 * The invariant of a one-neuron composition g = F(w2·ψ(x·w1)) (paper A, §A.7): C = w2² − 2Φ(x·w1)/x² with
 * Φ' = ψ/ψ'. For the algebraic sigmoid ψ(z) = z/√(1+z²) and x = 1 this is the paper's C = w2² − ½(1 + w1²)²; for
 * tanh 2Φ = cosh(2z)/2, for the logistic sigmoid 2Φ = 2(z + e^z). Needs the network mlp:1-1-1:ACT:nobias and data
 * whose inputs all equal one value x ≠ 0 (any targets, any loss of the output).
 */
public final class OneNeuronInvariantMonitor extends InvariantMonitor {
    private String activation;
    private double x;

    @Override
    protected List<String> bind(Objective objective) {
        Network net = objective.view(Network.class).orElse(null);
        if (net == null || net.parameterCount() != 2 || net.depth() != 2 || net.inputDim() != 1
                || net.outputDim() != 1) {
            throw new IllegalArgumentException("the one-neuron invariant needs the model mlp:1-1-1:ACT:nobias");
        }
        ModelObjective mo = ModelObjective.of(objective, "the one-neuron invariant");
        activation = net.layers().get(0).activation().spec();
        potential(activation, 0);
        Dataset d = mo.data();
        x = d.inputs().data()[0];
        for (double v : d.inputs().data()) {
            if (v != x || x == 0) {
                throw new IllegalArgumentException("the one-neuron invariant needs all inputs equal to one "
                        + "value x != 0");
            }
        }
        return List.of("one-neuron C");
    }

    @Override
    protected double[][] evaluate(double[] theta) {
        return new double[][] {{invariant(activation, theta[0], theta[1], x)}};
    }

    /** C = w2² − 2Φ(x·w1)/x² for the activation spelled {@code activation}. */
    public static double invariant(String activation, double w1, double w2, double x) {
        return w2 * w2 - potential(activation, x * w1) / (x * x);
    }

    /** 2Φ(z) with Φ' = ψ/ψ'. */
    static double potential(String activation, double z) {
        return switch (activation) {
            case "algebraic_sigmoid" -> 0.5 * (1 + z * z) * (1 + z * z);
            case "tanh" -> 0.5 * Math.cosh(2 * z);
            case "sigmoid", "logistic" -> 2 * (z + Math.exp(z));
            default -> throw new IllegalArgumentException("no one-neuron invariant is known for activation '"
                    + activation + "'; use algebraic_sigmoid, tanh or sigmoid");
        };
    }
}
