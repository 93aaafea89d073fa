package org.flowscape.model.layers;

import java.util.List;

/**
 * A convolution (PyTorch's {@code nn.Conv1d} on a C × L signal, {@code nn.Conv2d} with a square K × K kernel on a
 * C × H × W image): out channels, stride and zero padding equal in both directions, optional bias. The weight is
 * OUT × C × K (× K) row-major in θ, then the bias (OUT).
 *
 * @param input    the input shape, rank 2 (1-D) or 3 (2-D)
 * @param out      output channels
 * @param kernel   K
 * @param stride   the stride, ≥ 1
 * @param padding  zero padding on each side, ≥ 0
 * @param bias     whether the layer has a bias
 */
public record Convolution(Shape input, int out, int kernel, int stride, int padding, boolean bias) implements Layer {
    public Convolution {
        if (input.rank() < 2) {
            throw new IllegalArgumentException("conv needs a signal CxL or an image CxHxW, but its input has shape "
                    + input + "; write the input as CxL or CxHxW");
        }
        if (out <= 0 || kernel <= 0 || stride <= 0 || padding < 0) {
            throw new IllegalArgumentException("conv=" + out + "," + kernel + "," + stride + "," + padding
                    + ": channels, kernel and stride must be positive and padding >= 0");
        }
        ConvGeometry g = geometry(input, out, kernel, stride, padding);
        if (g.h() + 2 * g.ph() < g.kh() || g.w() + 2 * g.pw() < g.kw()) {
            throw new IllegalArgumentException("conv kernel " + kernel + " is larger than its padded input " + input
                    + " (padding " + padding + ")");
        }
    }

    private static ConvGeometry geometry(Shape in, int out, int k, int s, int p) {
        return in.rank() == 2 ? new ConvGeometry(in.channels(), 1, in.width(), out, 1, k, 1, s, 0, p)
                : new ConvGeometry(in.channels(), in.height(), in.width(), out, k, k, s, s, p, p);
    }

    /** The index map of this convolution. */
    ConvGeometry geometry() {
        return geometry(input, out, kernel, stride, padding);
    }

    /** Weights per output channel: C·K or C·K·K. */
    public int fanIn() {
        return input.channels() * kernel * (input.rank() == 3 ? kernel : 1);
    }

    @Override
    public String spec() {
        return "conv=" + out + "," + kernel + "," + stride + "," + padding + (bias ? "" : ":nobias");
    }

    @Override
    public Shape output() {
        ConvGeometry g = geometry();
        return input.rank() == 2 ? Shape.signal(out, g.wo()) : Shape.image(out, g.ho(), g.wo());
    }

    @Override
    public int parameterCount() {
        return out * fanIn() + (bias ? out : 0);
    }

    @Override
    public List<BlockShape> blocks(String name) {
        int[] dims = input.rank() == 2 ? new int[] {out, input.channels(), kernel}
                : new int[] {out, input.channels(), kernel, kernel};
        BlockShape w = new BlockShape(name + ".weight", false, out, fanIn(), dims);
        return bias ? List.of(w, new BlockShape(name + ".bias", true, out, 1, new int[] {out})) : List.of(w);
    }

    @Override
    public LayerPass pass(int offset, int capacity) {
        return new ConvolutionPass(this, offset, capacity);
    }
}
