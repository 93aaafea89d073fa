package org.flowscape.model.layers;

import java.util.List;

/**
 * Average pooling over K × K windows (K windows for a signal) with stride K and no padding, channel by channel
 * (PyTorch's {@code nn.AvgPool2d(K)} / {@code nn.AvgPool1d(K)}); trailing rows or columns that do not fill a window
 * are dropped, as there. No parameters.
 *
 * @param input  the input shape, rank 2 or 3
 * @param kernel K
 */
public record AveragePool(Shape input, int kernel) implements Layer {
    public AveragePool {
        if (input.rank() < 2) {
            throw new IllegalArgumentException("avgpool needs a signal CxL or an image CxHxW, but its input has shape "
                    + input);
        }
        if (kernel <= 0 || input.width() < kernel || (input.rank() == 3 && input.height() < kernel)) {
            throw new IllegalArgumentException("avgpool=" + kernel + " needs a window of 1 to the input's size, but "
                    + "the input has shape " + input);
        }
    }

    /** The index map: a per-channel window with stride K. */
    ConvGeometry geometry() {
        return input.rank() == 2 ? new ConvGeometry(input.channels(), 1, input.width(), input.channels(), 1, kernel,
                1, kernel, 0, 0)
                : new ConvGeometry(input.channels(), input.height(), input.width(), input.channels(), kernel, kernel,
                        kernel, kernel, 0, 0);
    }

    @Override
    public String spec() {
        return "avgpool=" + kernel;
    }

    @Override
    public Shape output() {
        ConvGeometry g = geometry();
        return input.rank() == 2 ? Shape.signal(input.channels(), g.wo())
                : Shape.image(input.channels(), g.ho(), g.wo());
    }

    @Override
    public int parameterCount() {
        return 0;
    }

    @Override
    public List<BlockShape> blocks(String name) {
        return List.of();
    }

    @Override
    public LayerPass pass(int offset, int capacity) {
        return new AveragePoolPass(this, capacity);
    }
}
