package org.flowscape.model.layers;

import java.util.Arrays;

/**
 * The calculus of a {@link Convolution}, bilinear in (W, x): R{y} = W ⋆ R{x} + V ⋆ x + R{b}, g_x = Wᵀ ⋆ g_y,
 * g_W = g_y ⋆ x, R{g_x} = Wᵀ ⋆ R{g_y} + Vᵀ ⋆ g_y, R{g_W} = R{g_y} ⋆ x + g_y ⋆ R{x}, with the loops of
 * {@link ConvKernels}.
 */
final class ConvolutionPass implements LayerPass {
    private final Convolution layer;
    private final ConvGeometry g;
    private final int off;
    private final int bOff;
    private final int spatial;
    private final double[] y;
    private final double[] gx;
    private final double[] ry;
    private final double[] rgx;
    private double[] theta;
    private double[] x;
    private double[] gy;
    private double[] rx;
    private int n;

    ConvolutionPass(Convolution layer, int offset, int capacity) {
        this.layer = layer;
        this.g = layer.geometry();
        this.off = offset;
        this.bOff = offset + layer.out() * layer.fanIn();
        this.spatial = g.ho() * g.wo();
        this.y = new double[capacity * g.outSize()];
        this.gx = new double[capacity * g.inSize()];
        this.ry = new double[capacity * g.outSize()];
        this.rgx = new double[capacity * g.inSize()];
    }

    @Override
    public double[] forward(double[] theta, double[] x, int n) {
        this.theta = theta;
        this.x = x;
        this.n = n;
        fillBias(y, theta);
        ConvKernels.forward(g, theta, off, x, y, n);
        return y;
    }

    @Override
    public double[] backward(double[] gy, double[] grad, boolean inputGradient) {
        this.gy = gy;
        Arrays.fill(grad, off, off + layer.out() * layer.fanIn(), 0.0);
        ConvKernels.weightGradient(g, gy, x, grad, off, n);
        if (layer.bias()) {
            channelSums(gy, grad);
        }
        if (!inputGradient) {
            return null;
        }
        Arrays.fill(gx, 0, n * g.inSize(), 0.0);
        ConvKernels.inputGradient(g, theta, off, gy, gx, n);
        return gx;
    }

    @Override
    public double[] tangent(double[] v, double[] rx) {
        this.rx = rx;
        fillBias(ry, v);
        ConvKernels.forward(g, v, off, x, ry, n);
        if (rx != null) {
            ConvKernels.forward(g, theta, off, rx, ry, n);
        }
        return ry;
    }

    @Override
    public double[] rBackward(double[] v, double[] rgy, double[] hv, boolean inputGradient) {
        Arrays.fill(hv, off, off + layer.out() * layer.fanIn(), 0.0);
        ConvKernels.weightGradient(g, rgy, x, hv, off, n);
        if (rx != null) {
            ConvKernels.weightGradient(g, gy, rx, hv, off, n);
        }
        if (layer.bias()) {
            channelSums(rgy, hv);
        }
        if (!inputGradient) {
            return null;
        }
        Arrays.fill(rgx, 0, n * g.inSize(), 0.0);
        ConvKernels.inputGradient(g, theta, off, rgy, rgx, n);
        ConvKernels.inputGradient(g, v, off, gy, rgx, n);
        return rgx;
    }

    /** Each output channel of each sample set to its bias from {@code source} (0 without a bias). */
    private void fillBias(double[] target, double[] source) {
        for (int s = 0; s < n; s++) {
            for (int o = 0; o < g.o(); o++) {
                double b = layer.bias() ? source[bOff + o] : 0.0;
                int start = (s * g.o() + o) * spatial;
                Arrays.fill(target, start, start + spatial, b);
            }
        }
    }

    /** target[bOff + o] = Σ over samples and positions of m's channel o (overwritten). */
    private void channelSums(double[] m, double[] target) {
        for (int o = 0; o < g.o(); o++) {
            double sum = 0;
            for (int s = 0; s < n; s++) {
                int start = (s * g.o() + o) * spatial;
                for (int q = 0; q < spatial; q++) {
                    sum += m[start + q];
                }
            }
            target[bOff + o] = sum;
        }
    }
}
