package org.flowscape.model.layers;

import java.util.Arrays;

/**
 * The calculus of an {@link AveragePool}, a fixed linear map A: y = A x, g_x = Aᵀ g_y, R{y} = A R{x},
 * R{g_x} = Aᵀ R{g_y}. Cost: one read of the input per map.
 */
final class AveragePoolPass implements LayerPass {
    private final ConvGeometry g;
    private final double scale;
    private final double[] y;
    private final double[] gx;
    private final double[] ry;
    private final double[] rgx;
    private int n;

    AveragePoolPass(AveragePool layer, int capacity) {
        this.g = layer.geometry();
        this.scale = 1.0 / (g.kh() * g.kw());
        this.y = new double[capacity * g.outSize()];
        this.gx = new double[capacity * g.inSize()];
        this.ry = new double[capacity * g.outSize()];
        this.rgx = new double[capacity * g.inSize()];
    }

    @Override
    public double[] forward(double[] theta, double[] x, int n) {
        this.n = n;
        apply(x, y);
        return y;
    }

    @Override
    public double[] backward(double[] gy, double[] grad, boolean inputGradient) {
        if (!inputGradient) {
            return null;
        }
        adjoint(gy, gx);
        return gx;
    }

    @Override
    public double[] tangent(double[] v, double[] rx) {
        if (rx == null) {
            return null;
        }
        apply(rx, ry);
        return ry;
    }

    @Override
    public double[] rBackward(double[] v, double[] rgy, double[] hv, boolean inputGradient) {
        if (!inputGradient) {
            return null;
        }
        adjoint(rgy, rgx);
        return rgx;
    }

    /** out = A·in: the mean of each window. */
    private void apply(double[] in, double[] out) {
        int ho = g.ho();
        int wo = g.wo();
        for (int s = 0; s < n; s++) {
            for (int c = 0; c < g.c(); c++) {
                int inBase = (s * g.c() + c) * g.h() * g.w();
                int outBase = (s * g.c() + c) * ho * wo;
                for (int yo = 0; yo < ho; yo++) {
                    for (int xo = 0; xo < wo; xo++) {
                        double sum = 0;
                        for (int i = 0; i < g.kh(); i++) {
                            int row = inBase + (yo * g.sh() + i) * g.w() + xo * g.sw();
                            for (int j = 0; j < g.kw(); j++) {
                                sum += in[row + j];
                            }
                        }
                        out[outBase + yo * wo + xo] = sum * scale;
                    }
                }
            }
        }
    }

    /** out = Aᵀ·in: each window's input entries get its output entry times 1/(kh·kw); dropped entries get 0. */
    private void adjoint(double[] in, double[] out) {
        Arrays.fill(out, 0, n * g.inSize(), 0.0);
        int ho = g.ho();
        int wo = g.wo();
        for (int s = 0; s < n; s++) {
            for (int c = 0; c < g.c(); c++) {
                int inBase = (s * g.c() + c) * ho * wo;
                int outBase = (s * g.c() + c) * g.h() * g.w();
                for (int yo = 0; yo < ho; yo++) {
                    for (int xo = 0; xo < wo; xo++) {
                        double share = in[inBase + yo * wo + xo] * scale;
                        for (int i = 0; i < g.kh(); i++) {
                            int row = outBase + (yo * g.sh() + i) * g.w() + xo * g.sw();
                            for (int j = 0; j < g.kw(); j++) {
                                out[row + j] = share;
                            }
                        }
                    }
                }
            }
        }
    }
}
