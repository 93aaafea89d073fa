package org.flowscape.model;

import java.util.List;

/**
 * The documented order of the flat parameter vector θ: layer by layer from the input, each layer's weight matrix
 * (outputs × inputs, row-major) and then its bias. This order is a contract ({@code docs/CLI.md}): parameter files,
 * eigenvectors and exported results use it.
 *
 * @param blocks the blocks in order; offsets are contiguous from 0
 */
public record ParameterLayout(List<ParameterBlock> blocks) {
    public ParameterLayout {
        blocks = List.copyOf(blocks);
        int expected = 0;
        for (ParameterBlock b : blocks) {
            if (b.offset() != expected) {
                throw new IllegalArgumentException("block " + b.name() + " starts at " + b.offset() + ", expected "
                        + expected);
            }
            expected += b.size();
        }
    }

    /** The total number of parameters P. */
    public int size() {
        return blocks.isEmpty() ? 0 : blocks.get(blocks.size() - 1).offset() + blocks.get(blocks.size() - 1).size();
    }

    /** The block that holds index {@code i} of θ, with its position: e.g. {@code layer2.weight[0,3]}. */
    public String describe(int i) {
        for (ParameterBlock b : blocks) {
            if (i >= b.offset() && i < b.offset() + b.size()) {
                int local = i - b.offset();
                return b.kind() == ParameterBlock.Kind.BIAS ? b.name() + "[" + local + "]"
                        : b.name() + "[" + local / b.cols() + "," + local % b.cols() + "]";
            }
        }
        throw new IndexOutOfBoundsException("parameter index " + i + " outside 0.." + (size() - 1));
    }
}
