package org.flowscape.model.layers;

/**
 * The three loops of a convolution over a batch, written directly (no im2col): y += W ⋆ x, g_x += Wᵀ ⋆ g_y and
 * g_W += g_y ⋆ x. Weights are O × C × kh × kw row-major (PyTorch's layout) at an offset. The innermost loop runs over
 * the output columns of one row with the padding bounds hoisted out, so with stride 1 it is a contiguous axpy or dot
 * that the JIT vectorizes. Each costs n·O·C·kh·kw·Ho·Wo multiply-adds. Written here because no library we use has a
 * convolution for double arrays; the index map is {@link ConvGeometry}'s.
 */
final class ConvKernels {
    private ConvKernels() {
    }

    /** y (n × O·Ho·Wo, accumulated) += W ⋆ x, with x (n × C·H·W) and W at {@code wOff} of {@code wt}, read only. */
    static void forward(ConvGeometry g, double[] wt, int wOff, double[] x, double[] y, int n) {
        int ho = g.ho();
        int wo = g.wo();
        for (int s = 0; s < n; s++) {
            int xs = s * g.inSize();
            int ys = s * g.outSize();
            for (int o = 0; o < g.o(); o++) {
                for (int c = 0; c < g.c(); c++) {
                    for (int i = 0; i < g.kh(); i++) {
                        for (int j = 0; j < g.kw(); j++) {
                            double wv = wt[wOff + ((o * g.c() + c) * g.kh() + i) * g.kw() + j];
                            int lo = g.firstColumn(j);
                            int hi = g.endColumn(j);
                            for (int yo = 0; yo < ho; yo++) {
                                int row = yo * g.sh() - g.ph() + i;
                                if (row < 0 || row >= g.h()) {
                                    continue;
                                }
                                int yRow = ys + (o * ho + yo) * wo;
                                int xRow = xs + (c * g.h() + row) * g.w() + j - g.pw();
                                axpy(wv, x, xRow, g.sw(), y, yRow, lo, hi);
                            }
                        }
                    }
                }
            }
        }
    }

    /** gx (n × C·H·W, accumulated) += Wᵀ ⋆ gy, with gy (n × O·Ho·Wo) and W read only. */
    static void inputGradient(ConvGeometry g, double[] wt, int wOff, double[] gy, double[] gx, int n) {
        int ho = g.ho();
        int wo = g.wo();
        for (int s = 0; s < n; s++) {
            int xs = s * g.inSize();
            int ys = s * g.outSize();
            for (int o = 0; o < g.o(); o++) {
                for (int c = 0; c < g.c(); c++) {
                    for (int i = 0; i < g.kh(); i++) {
                        for (int j = 0; j < g.kw(); j++) {
                            double wv = wt[wOff + ((o * g.c() + c) * g.kh() + i) * g.kw() + j];
                            int lo = g.firstColumn(j);
                            int hi = g.endColumn(j);
                            for (int yo = 0; yo < ho; yo++) {
                                int row = yo * g.sh() - g.ph() + i;
                                if (row < 0 || row >= g.h()) {
                                    continue;
                                }
                                int yRow = ys + (o * ho + yo) * wo;
                                int xRow = xs + (c * g.h() + row) * g.w() + j - g.pw();
                                scatter(wv, gy, yRow, gx, xRow, g.sw(), lo, hi);
                            }
                        }
                    }
                }
            }
        }
    }

    /** gW (O·C·kh·kw at {@code wOff}, accumulated) += Σ_samples gy ⋆ x, with gy and x read only. */
    static void weightGradient(ConvGeometry g, double[] gy, double[] x, double[] gw, int wOff, int n) {
        int ho = g.ho();
        int wo = g.wo();
        for (int o = 0; o < g.o(); o++) {
            for (int c = 0; c < g.c(); c++) {
                for (int i = 0; i < g.kh(); i++) {
                    for (int j = 0; j < g.kw(); j++) {
                        int lo = g.firstColumn(j);
                        int hi = g.endColumn(j);
                        double sum = 0;
                        for (int s = 0; s < n; s++) {
                            int xs = s * g.inSize();
                            int ys = s * g.outSize();
                            for (int yo = 0; yo < ho; yo++) {
                                int row = yo * g.sh() - g.ph() + i;
                                if (row < 0 || row >= g.h()) {
                                    continue;
                                }
                                int yRow = ys + (o * ho + yo) * wo;
                                int xRow = xs + (c * g.h() + row) * g.w() + j - g.pw();
                                sum += dot(gy, yRow, x, xRow, g.sw(), lo, hi);
                            }
                        }
                        gw[wOff + ((o * g.c() + c) * g.kh() + i) * g.kw() + j] += sum;
                    }
                }
            }
        }
    }

    /** y[yRow + xo] += a·x[xRow + xo·stride] for xo in [lo, hi). */
    private static void axpy(double a, double[] x, int xRow, int stride, double[] y, int yRow, int lo, int hi) {
        if (stride == 1) {
            for (int xo = lo; xo < hi; xo++) {
                y[yRow + xo] += a * x[xRow + xo];
            }
        } else {
            for (int xo = lo; xo < hi; xo++) {
                y[yRow + xo] += a * x[xRow + xo * stride];
            }
        }
    }

    /** x[xRow + xo·stride] += a·y[yRow + xo] for xo in [lo, hi). */
    private static void scatter(double a, double[] y, int yRow, double[] x, int xRow, int stride, int lo, int hi) {
        if (stride == 1) {
            for (int xo = lo; xo < hi; xo++) {
                x[xRow + xo] += a * y[yRow + xo];
            }
        } else {
            for (int xo = lo; xo < hi; xo++) {
                x[xRow + xo * stride] += a * y[yRow + xo];
            }
        }
    }

    /** Σ_{xo in [lo, hi)} y[yRow + xo]·x[xRow + xo·stride]. */
    private static double dot(double[] y, int yRow, double[] x, int xRow, int stride, int lo, int hi) {
        double sum = 0;
        for (int xo = lo; xo < hi; xo++) {
            sum += y[yRow + xo] * x[xRow + xo * stride];
        }
        return sum;
    }
}
