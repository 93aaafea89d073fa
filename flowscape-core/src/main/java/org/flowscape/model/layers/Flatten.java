package org.flowscape.model.layers;

import java.util.List;

/**
 * Flattening a signal or image to a vector of C·H·W entries in channel-major order ({@code nn.Flatten()}). Samples are
 * already stored flat in that order, so every pass hands its input through unchanged, at no cost.
 *
 * @param input the input shape
 */
public record Flatten(Shape input) implements Layer {
    @Override
    public String spec() {
        return "flatten";
    }

    @Override
    public Shape output() {
        return Shape.vector(input.size());
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
        return new LayerPass() {
            @Override
            public double[] forward(double[] theta, double[] x, int n) {
                return x;
            }

            @Override
            public double[] backward(double[] gy, double[] grad, boolean inputGradient) {
                return inputGradient ? gy : null;
            }

            @Override
            public double[] tangent(double[] v, double[] rx) {
                return rx;
            }

            @Override
            public double[] rBackward(double[] v, double[] rgy, double[] hv, boolean inputGradient) {
                return inputGradient ? rgy : null;
            }
        };
    }
}
