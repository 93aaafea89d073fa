package org.flowscape.model.layers;

import java.util.List;
import org.flowscape.internal.Checks;

/**
 * A fully connected layer y = W x + b on a vector input (PyTorch's {@code nn.Linear}): W is out × in, row-major in θ,
 * followed by the bias b (out) when present. The activation is a separate {@link Pointwise} layer.
 *
 * @param in   input width
 * @param out  output width
 * @param bias whether the layer has a bias
 */
public record Dense(int in, int out, boolean bias) implements Layer {
    public Dense {
        Checks.positive("dense inputs", in);
        Checks.positive("dense outputs", out);
    }

    @Override
    public String spec() {
        return "dense=" + out + (bias ? "" : ":nobias");
    }

    @Override
    public Shape input() {
        return Shape.vector(in);
    }

    @Override
    public Shape output() {
        return Shape.vector(out);
    }

    @Override
    public int parameterCount() {
        return out * in + (bias ? out : 0);
    }

    @Override
    public List<BlockShape> blocks(String name) {
        BlockShape w = new BlockShape(name + ".weight", false, out, in, new int[] {out, in});
        return bias ? List.of(w, new BlockShape(name + ".bias", true, out, 1, new int[] {out})) : List.of(w);
    }

    @Override
    public LayerPass pass(int offset, int capacity) {
        return new DensePass(this, offset, capacity);
    }
}
