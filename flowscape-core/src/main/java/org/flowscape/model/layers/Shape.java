package org.flowscape.model.layers;

/**
 * The shape of one sample as it flows between layers: a vector of D entries (rank 1), a signal of C channels × L
 * (rank 2) or an image C × H × W (rank 3). A sample is stored flat, channel-major (PyTorch's contiguous order): entry
 * (c, y, x) at (c·H + y)·W + x. A vector is stored as C = D, H = W = 1; a signal as H = 1, W = L.
 *
 * @param rank     1, 2 or 3
 * @param channels C (D for a vector), &gt; 0
 * @param height   H (1 for ranks 1 and 2), &gt; 0
 * @param width    W (L for a signal, 1 for a vector), &gt; 0
 */
public record Shape(int rank, int channels, int height, int width) {
    public Shape {
        if (rank < 1 || rank > 3 || channels <= 0 || height <= 0 || width <= 0) {
            throw new IllegalArgumentException("invalid shape rank " + rank + ": " + channels + "x" + height + "x"
                    + width);
        }
    }

    /** A vector of {@code d} entries. */
    public static Shape vector(int d) {
        return new Shape(1, d, 1, 1);
    }

    /** A signal of {@code c} channels of length {@code length}. */
    public static Shape signal(int c, int length) {
        return new Shape(2, c, 1, length);
    }

    /** An image of {@code c} channels of {@code h} × {@code w}. */
    public static Shape image(int c, int h, int w) {
        return new Shape(3, c, h, w);
    }

    /** C·H·W: the number of doubles of one sample. */
    public int size() {
        return channels * height * width;
    }

    /** H·W: the entries of one channel. */
    public int spatial() {
        return height * width;
    }

    /** As written in specs and messages: {@code D}, {@code CxL} or {@code CxHxW}. */
    @Override
    public String toString() {
        return switch (rank) {
            case 1 -> Integer.toString(channels);
            case 2 -> channels + "x" + width;
            default -> channels + "x" + height + "x" + width;
        };
    }
}
