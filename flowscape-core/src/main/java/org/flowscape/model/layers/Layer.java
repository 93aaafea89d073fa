package org.flowscape.model.layers;

import java.util.List;

/**
 * One layer of a {@link LayerModel}: its input and output shapes, its parameter blocks (weights in PyTorch's layout,
 * then the bias) and a factory for the {@link LayerPass} that computes with it. Immutable and thread-safe.
 */
public sealed interface Layer permits Dense, Convolution, Pointwise, AveragePool, Flatten, Residual {

    /** The layer as written in a {@code layers:} spec, e.g. {@code conv=4,3,1,1} or {@code relu}. */
    String spec();

    /** The shape of one input sample. */
    Shape input();

    /** The shape of one output sample. */
    Shape output();

    /** The number of parameters of this layer (0 for activations, pooling and flatten). */
    int parameterCount();

    /**
     * The parameter blocks, relative to this layer, in θ's order; {@code name} is the PyTorch state-dict prefix of
     * this layer (e.g. {@code 0} or {@code 2.body.0}).
     */
    List<BlockShape> blocks(String name);

    /** A pass for batches of up to {@code capacity} samples, reading θ from {@code offset}. */
    LayerPass pass(int offset, int capacity);

    /**
     * One block of a layer's parameters.
     *
     * @param name   the state-dict key, e.g. {@code 0.weight}
     * @param bias   true for a bias vector
     * @param rows   output units or channels
     * @param cols   inputs per unit (IN, or IN·K, or IN·K·K for convolutions; 1 for a bias)
     * @param dims   the PyTorch tensor shape, e.g. {4, 1, 3, 3}
     */
    record BlockShape(String name, boolean bias, int rows, int cols, int[] dims) {
        public BlockShape {
            dims = dims.clone();
        }

        /** The tensor shape (a copy). */
        @Override
        public int[] dims() {
            return dims.clone();
        }
    }
}
