package org.flowscape.model;

/**
 * A named contiguous range of the flat parameter vector: one layer's weight matrix or bias vector.
 *
 * @param name   e.g. {@code layer1.weight}
 * @param layer  1-based layer index
 * @param kind   weight or bias
 * @param offset first index in θ
 * @param rows   rows (outputs of the layer)
 * @param cols   columns (inputs for a weight, 1 for a bias)
 */
public record ParameterBlock(String name, int layer, Kind kind, int offset, int rows, int cols) {
    /** What a block holds. */
    public enum Kind {
        WEIGHT, BIAS
    }

    /** rows·cols. */
    public int size() {
        return rows * cols;
    }

    /** The shape as {@code rows x cols} (or {@code rows} for a bias). */
    public String shape() {
        return kind == Kind.BIAS ? Integer.toString(rows) : rows + "x" + cols;
    }
}
