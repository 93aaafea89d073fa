package org.flowscape.model.layers;

import java.util.List;
import org.flowscape.model.Activation;

/**
 * An activation ψ applied entrywise, y = ψ(x), as a layer of its own (any input shape; no parameters). ψ, ψ′ and ψ″
 * come from {@link Activation}.
 *
 * @param shape      the input (= output) shape
 * @param activation ψ
 */
public record Pointwise(Shape shape, Activation activation) implements Layer {
    public Pointwise {
        if (activation == null) {
            throw new IllegalArgumentException("activation must not be null");
        }
    }

    @Override
    public String spec() {
        return activation.spec();
    }

    @Override
    public Shape input() {
        return shape;
    }

    @Override
    public Shape output() {
        return shape;
    }

    @Override
    public int parameterCount() {
        return 0;
    }

    @Override
    public List<BlockShape> blocks(String name) {
        return List.of();
    }

    @Override
    public LayerPass pass(int offset, int capacity) {
        return new PointwisePass(this, capacity);
    }
}
