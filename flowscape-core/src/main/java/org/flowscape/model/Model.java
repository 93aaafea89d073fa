package org.flowscape.model;

import java.util.List;

/**
 * A parameterization θ ↦ f(θ; x) from d inputs to k outputs: the part of a model that analyses, parameter files and
 * reports need without knowing how it computes. {@link Network} (the fused dense stack of {@code mlp:}, {@code linear:}
 * and {@code product:}) and {@link org.flowscape.model.layers.LayerModel} (any {@code layers:} sequence) implement it.
 * Instances are immutable and thread-safe.
 */
public interface Model {

    /** The spec string the model was built from, e.g. {@code mlp:10-100-1:tanh}. */
    String spec();

    /** The number of parameters P. */
    int parameterCount();

    /** The input width d of one sample (C·H·W for images, flattened). */
    int inputDim();

    /** The output width k of one sample. */
    int outputDim();

    /** The named blocks of θ, in the documented order. */
    ParameterLayout layout();

    /** The continuous and discrete symmetries of the parameterization. */
    List<Symmetry> symmetries();

    /** A seeded random initialization θ (length P, new array) from the stream (seed, "init", layer). */
    double[] initialize(long seed);
}
