package org.flowscape.model.layers;

/**
 * The calculus of a {@link Pointwise} activation: y = ψ(x), g_x = ψ′(x) ⊙ g_y, R{y} = ψ′(x) ⊙ R{x} and
 * R{g_x} = ψ′(x) ⊙ R{g_y} + ψ″(x) ⊙ R{x} ⊙ g_y. ψ, ψ′ and ψ″ are evaluated once per forward pass.
 */
final class PointwisePass implements LayerPass {
    private final Pointwise layer;
    private final int width;
    private final double[] y;
    private final double[] d1;
    private final double[] d2;
    private final double[] gx;
    private final double[] ry;
    private final double[] rgx;
    private double[] gy;
    private double[] rx;
    private int n;

    PointwisePass(Pointwise layer, int capacity) {
        this.layer = layer;
        this.width = layer.shape().size();
        int size = capacity * width;
        this.y = new double[size];
        this.d1 = new double[size];
        this.d2 = new double[size];
        this.gx = new double[size];
        this.ry = new double[size];
        this.rgx = new double[size];
    }

    @Override
    public double[] forward(double[] theta, double[] x, int n) {
        this.n = n;
        layer.activation().evaluate(x, y, d1, d2, n * width);
        return y;
    }

    @Override
    public double[] backward(double[] gy, double[] grad, boolean inputGradient) {
        this.gy = gy;
        if (!inputGradient) {
            return null;
        }
        int m = n * width;
        for (int i = 0; i < m; i++) {
            gx[i] = d1[i] * gy[i];
        }
        return gx;
    }

    @Override
    public double[] tangent(double[] v, double[] rx) {
        this.rx = rx;
        if (rx == null) {
            return null;
        }
        int m = n * width;
        for (int i = 0; i < m; i++) {
            ry[i] = d1[i] * rx[i];
        }
        return ry;
    }

    @Override
    public double[] rBackward(double[] v, double[] rgy, double[] hv, boolean inputGradient) {
        if (!inputGradient) {
            return null;
        }
        int m = n * width;
        if (rx == null) {
            for (int i = 0; i < m; i++) {
                rgx[i] = d1[i] * rgy[i];
            }
        } else {
            for (int i = 0; i < m; i++) {
                rgx[i] = d1[i] * rgy[i] + d2[i] * rx[i] * gy[i];
            }
        }
        return rgx;
    }
}
