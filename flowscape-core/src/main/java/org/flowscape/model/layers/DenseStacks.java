package org.flowscape.model.layers;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.flowscape.model.Activation;
import org.flowscape.model.Activations;
import org.flowscape.model.DenseLayer;
import org.flowscape.model.Network;

/**
 * The bridge between layer sequences and the fused dense {@link Network}: a sequence that is a whole dense stack —
 * an optional leading {@code flatten}, then {@code dense} layers each followed by at most one activation — runs as a
 * {@link Network} (one {@link DenseLayer} per {@code dense}, the activation after it or the identity), so it gets the
 * fused kernels (NetworkWorkspace, NetworkHessian, NetworkKernel) and the dense analyses; and an {@code mlp:},
 * {@code linear:} or {@code product:} network is the same sequence spelt differently ({@link #asLayers}). θ's order
 * is the same either way (each weight out × in row-major, then its bias), so both spellings give the same bits.
 */
public final class DenseStacks {
    private DenseStacks() {
    }

    /**
     * The {@link Network} that computes {@code layers}, when they form a whole dense stack; empty otherwise
     * (a convolution, pooling, residual block, two activations in a row, an activation before the first dense
     * layer, or a flatten after it). Cost: one pass over the layers.
     *
     * @param spec the spelling recorded with the network
     */
    public static Optional<Network> fuse(String spec, LayerSequence layers) {
        List<Layer> list = layers.layers();
        int i = 0;
        if (list.get(0) instanceof Flatten) {
            i = 1;
        }
        List<DenseLayer> dense = new ArrayList<>();
        while (i < list.size()) {
            if (!(list.get(i) instanceof Dense d)) {
                return Optional.empty();
            }
            Activation act = Activations.identity();
            if (i + 1 < list.size() && list.get(i + 1) instanceof Pointwise p) {
                act = p.activation();
                i++;
            }
            dense.add(new DenseLayer(d.in(), d.out(), d.bias(), act));
            i++;
        }
        return dense.isEmpty() ? Optional.empty() : Optional.of(new Network(spec, dense));
    }

    /**
     * {@code net} as a layer sequence on vectors: per layer a {@code dense} and, unless its activation is the
     * identity, the activation as its own layer. {@link #fuse} of the result gives back {@code net}'s layers.
     */
    public static LayerSequence asLayers(Network net) {
        List<Layer> out = new ArrayList<>();
        for (DenseLayer layer : net.layers()) {
            out.add(new Dense(layer.inputs(), layer.outputs(), layer.bias()));
            if (!layer.activation().equals(Activations.identity())) {
                out.add(new Pointwise(Shape.vector(layer.outputs()), layer.activation()));
            }
        }
        return new LayerSequence(out);
    }
}
