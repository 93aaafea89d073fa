package org.flowscape.model.layers;

import java.util.ArrayList;
import java.util.List;

/**
 * Layers applied in order, each taking the previous one's output shape; their parameter blocks are contiguous in the
 * same order. The body of a {@link LayerModel} and of a {@link Residual}. Immutable.
 */
public final class LayerSequence {
    private final List<Layer> layers;
    private final int[] offsets;

    /**
     * @throws IllegalArgumentException when a layer's input shape differs from the previous layer's output shape (the
     *                                  message names both)
     */
    public LayerSequence(List<Layer> layers) {
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("a layer sequence needs at least one layer");
        }
        this.layers = List.copyOf(layers);
        this.offsets = new int[layers.size() + 1];
        for (int l = 0; l < layers.size(); l++) {
            if (l > 0 && !layers.get(l).input().equals(layers.get(l - 1).output())) {
                throw new IllegalArgumentException("layer " + layers.get(l).spec() + " takes shape "
                        + layers.get(l).input() + " but " + layers.get(l - 1).spec() + " gives "
                        + layers.get(l - 1).output());
            }
            offsets[l + 1] = offsets[l] + layers.get(l).parameterCount();
        }
    }

    /** The layers, input first. */
    public List<Layer> layers() {
        return layers;
    }

    /** The offset of layer {@code l}'s block relative to the sequence's first parameter. */
    public int offset(int l) {
        return offsets[l];
    }

    /** The input shape of the first layer. */
    public Shape input() {
        return layers.get(0).input();
    }

    /** The output shape of the last layer. */
    public Shape output() {
        return layers.get(layers.size() - 1).output();
    }

    /** The number of parameters of all layers. */
    public int parameterCount() {
        return offsets[layers.size()];
    }

    /** The layers' specs joined by {@code /}. */
    public String spec() {
        StringBuilder b = new StringBuilder();
        for (Layer layer : layers) {
            b.append(b.length() == 0 ? "" : "/").append(layer.spec());
        }
        return b.toString();
    }

    /** The blocks of every layer, named {@code prefix + index} as in a PyTorch {@code nn.Sequential}. */
    public List<Layer.BlockShape> blocks(String prefix) {
        List<Layer.BlockShape> out = new ArrayList<>();
        for (int l = 0; l < layers.size(); l++) {
            out.addAll(layers.get(l).blocks(prefix + l));
        }
        return out;
    }

    /** A pass through all layers reading θ from {@code offset}, for batches of up to {@code capacity} samples. */
    public LayerPass pass(int offset, int capacity) {
        List<LayerPass> passes = new ArrayList<>();
        for (int l = 0; l < layers.size(); l++) {
            passes.add(layers.get(l).pass(offset + offsets[l], capacity));
        }
        return new SequencePass(passes);
    }

    /** The passes chained: forward and tangents in order, backward passes in reverse. */
    private static final class SequencePass implements LayerPass {
        private final LayerPass[] passes;

        SequencePass(List<LayerPass> passes) {
            this.passes = passes.toArray(new LayerPass[0]);
        }

        @Override
        public double[] forward(double[] theta, double[] x, int n) {
            double[] a = x;
            for (LayerPass p : passes) {
                a = p.forward(theta, a, n);
            }
            return a;
        }

        @Override
        public double[] backward(double[] gy, double[] grad, boolean inputGradient) {
            double[] g = gy;
            for (int l = passes.length - 1; l >= 0; l--) {
                g = passes[l].backward(g, grad, l > 0 || inputGradient);
            }
            return g;
        }

        @Override
        public double[] tangent(double[] v, double[] rx) {
            double[] r = rx;
            for (LayerPass p : passes) {
                r = p.tangent(v, r);
            }
            return r;
        }

        @Override
        public double[] rBackward(double[] v, double[] rgy, double[] hv, boolean inputGradient) {
            double[] r = rgy;
            for (int l = passes.length - 1; l >= 0; l--) {
                r = passes[l].rBackward(v, r, hv, l > 0 || inputGradient);
            }
            return r;
        }
    }
}
