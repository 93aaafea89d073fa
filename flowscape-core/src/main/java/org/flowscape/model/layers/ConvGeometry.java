package org.flowscape.model.layers;

/**
 * The index map of a convolution or pooling window over one sample: input C × H × W, output O × Ho × Wo, window
 * kh × kw, strides (sh, sw), zero padding (ph, pw). Output (o, yo, xo) reads input (c, yo·sh − ph + i,
 * xo·sw − pw + j) for window offsets (i, j); indices outside the input read zero. A 1-D signal is the case H = 1,
 * kh = 1, sh = 1, ph = 0.
 */
record ConvGeometry(int c, int h, int w, int o, int kh, int kw, int sh, int sw, int ph, int pw) {

    /** Ho = ⌊(H + 2ph − kh)/sh⌋ + 1. */
    int ho() {
        return (h + 2 * ph - kh) / sh + 1;
    }

    /** Wo = ⌊(W + 2pw − kw)/sw⌋ + 1. */
    int wo() {
        return (w + 2 * pw - kw) / sw + 1;
    }

    /** The doubles of one input sample, C·H·W. */
    int inSize() {
        return c * h * w;
    }

    /** The doubles of one output sample, O·Ho·Wo. */
    int outSize() {
        return o * ho() * wo();
    }

    /** The first output column xo whose input column xo·sw − pw + j lies in [0, W). */
    int firstColumn(int j) {
        int need = pw - j;
        return need <= 0 ? 0 : (need + sw - 1) / sw;
    }

    /** One past the last output column xo whose input column lies in [0, W), at most Wo. */
    int endColumn(int j) {
        int last = w - 1 + pw - j;
        return last < 0 ? 0 : Math.min(wo(), last / sw + 1);
    }
}
