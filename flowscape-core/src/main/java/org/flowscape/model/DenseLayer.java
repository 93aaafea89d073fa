package org.flowscape.model;

import org.flowscape.internal.Checks;

/**
 * One fully connected layer a = ψ(W·x + b) with W of shape outputs × inputs (row-major in θ) and an optional bias.
 *
 * @param inputs     input width, &gt; 0
 * @param outputs    output width, &gt; 0
 * @param bias       whether the layer has a bias vector
 * @param activation ψ, applied elementwise
 */
public record DenseLayer(int inputs, int outputs, boolean bias, Activation activation) {
    public DenseLayer {
        Checks.positive("inputs", inputs);
        Checks.positive("outputs", outputs);
        if (activation == null) {
            throw new IllegalArgumentException("activation must not be null");
        }
    }

    /** The number of parameters: outputs·inputs, plus outputs with a bias. */
    public int parameterCount() {
        return outputs * inputs + (bias ? outputs : 0);
    }
}
