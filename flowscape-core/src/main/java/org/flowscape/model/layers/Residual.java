package org.flowscape.model.layers;

import java.util.List;

/**
 * A residual block y = x + body(x), body any layer sequence whose output shape equals its input shape. Its parameters
 * are the body's, in order; in a state dict they are named {@code NAME.body.INDEX.weight} (a PyTorch module with an
 * {@code nn.Sequential} attribute {@code body}, see {@code docs/interop.md}).
 *
 * @param body the inner layers
 */
public record Residual(LayerSequence body) implements Layer {
    public Residual {
        if (!body.input().equals(body.output())) {
            throw new IllegalArgumentException("res(" + body.spec() + ") maps shape " + body.input() + " to "
                    + body.output() + "; a residual body must keep the shape");
        }
    }

    @Override
    public String spec() {
        return "res(" + body.spec() + ")";
    }

    @Override
    public Shape input() {
        return body.input();
    }

    @Override
    public Shape output() {
        return body.output();
    }

    @Override
    public int parameterCount() {
        return body.parameterCount();
    }

    @Override
    public List<BlockShape> blocks(String name) {
        return body.blocks(name + ".body.");
    }

    @Override
    public LayerPass pass(int offset, int capacity) {
        return new ResidualPass(body.pass(offset, capacity), capacity, body.input().size());
    }

    /** y = x + body(x), g_x = g_y + J_bodyᵀ g_y, and the same sums for the tangents. */
    private static final class ResidualPass implements LayerPass {
        private final LayerPass inner;
        private final double[] y;
        private final double[] gx;
        private final double[] ry;
        private final double[] rgx;
        private final int width;
        private int size;

        ResidualPass(LayerPass inner, int capacity, int width) {
            this.inner = inner;
            this.width = width;
            int capacitySize = capacity * width;
            this.y = new double[capacitySize];
            this.gx = new double[capacitySize];
            this.ry = new double[capacitySize];
            this.rgx = new double[capacitySize];
        }

        @Override
        public double[] forward(double[] theta, double[] x, int n) {
            size = n * width;
            double[] b = inner.forward(theta, x, n);
            return sum(x, b, y, size);
        }

        @Override
        public double[] backward(double[] gy, double[] grad, boolean inputGradient) {
            double[] b = inner.backward(gy, grad, inputGradient);
            return inputGradient ? sum(gy, b, gx, size) : null;
        }

        @Override
        public double[] tangent(double[] v, double[] rx) {
            double[] b = inner.tangent(v, rx);
            if (b == null) {
                return rx;
            }
            return rx == null ? b : sum(rx, b, ry, size);
        }

        @Override
        public double[] rBackward(double[] v, double[] rgy, double[] hv, boolean inputGradient) {
            double[] b = inner.rBackward(v, rgy, hv, inputGradient);
            return inputGradient ? sum(rgy, b, rgx, size) : null;
        }

        private static double[] sum(double[] a, double[] b, double[] out, int m) {
            for (int i = 0; i < m; i++) {
                out[i] = a[i] + b[i];
            }
            return out;
        }
    }
}
