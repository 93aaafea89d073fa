package org.flowscape.model.layers;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.flowscape.internal.Checks;
import org.flowscape.linalg.Matrix;
import org.flowscape.model.Model;
import org.flowscape.model.ParameterBlock;
import org.flowscape.model.ParameterLayout;
import org.flowscape.model.Symmetry;
import org.flowscape.rng.Seeds;

/**
 * A model built from a {@link LayerSequence} ({@code layers:} specs, {@link LayerSpecs}): samples enter as flat rows of
 * C·H·W doubles and leave as k = the last layer's output size. θ holds each parametrised layer's weights (PyTorch's
 * layout) and then its bias, in the order the layers are applied (a residual block's body in place). Immutable and
 * thread-safe; computation happens in a {@link LayerPass} from {@link #pass}.
 */
public final class LayerModel implements Model {
    private final String spec;
    private final LayerSequence layers;
    private final ParameterLayout layout;
    private final List<Placed> parametrised;

    /**
     * A parametrised layer with its offset in θ and its 0-based index among the parametrised layers.
     *
     * @param layer  a {@link Dense} or {@link Convolution}
     * @param offset the offset of its weight in θ
     * @param index  0-based position among the parametrised layers (the init stream's index)
     */
    public record Placed(Layer layer, int offset, int index) {
    }

    /** @param spec the spelling the model was built from (recorded with results) */
    public LayerModel(String spec, LayerSequence layers) {
        this.spec = spec;
        this.layers = layers;
        this.parametrised = new ArrayList<>();
        collect(layers, 0, parametrised);
        List<ParameterBlock> blocks = new ArrayList<>();
        List<Layer.BlockShape> shapes = layers.blocks("");
        int offset = 0;
        int b = 0;
        for (Placed p : parametrised) {
            for (Layer.BlockShape s : p.layer().blocks("")) {
                Layer.BlockShape named = shapes.get(b++);
                blocks.add(new ParameterBlock(named.name(), p.index() + 1, s.bias() ? ParameterBlock.Kind.BIAS
                        : ParameterBlock.Kind.WEIGHT, offset, s.rows(), s.cols()));
                offset += s.rows() * s.cols();
            }
        }
        this.layout = new ParameterLayout(blocks);
    }

    private static void collect(LayerSequence seq, int base, List<Placed> out) {
        for (int l = 0; l < seq.layers().size(); l++) {
            Layer layer = seq.layers().get(l);
            if (layer instanceof Residual r) {
                collect(r.body(), base + seq.offset(l), out);
            } else if (layer.parameterCount() > 0) {
                out.add(new Placed(layer, base + seq.offset(l), out.size()));
            }
        }
    }

    @Override
    public String spec() {
        return spec;
    }

    /** The layers, input first. */
    public LayerSequence layers() {
        return layers;
    }

    /** The parametrised layers (dense and convolutions, residual bodies in place) in θ's order. */
    public List<Placed> parametrised() {
        return List.copyOf(parametrised);
    }

    /** The shape of one input sample. */
    public Shape inputShape() {
        return layers.input();
    }

    @Override
    public int parameterCount() {
        return layers.parameterCount();
    }

    @Override
    public int inputDim() {
        return layers.input().size();
    }

    @Override
    public int outputDim() {
        return layers.output().size();
    }

    @Override
    public ParameterLayout layout() {
        return layout;
    }

    /** The PyTorch tensor shapes of the blocks of {@link #layout()}, in the same order. */
    public List<Layer.BlockShape> tensorShapes() {
        return layers.blocks("");
    }

    /** The declared unit symmetries with the index maps that act on θ (see {@link UnitSymmetry}). */
    public List<UnitSymmetry> unitSymmetries() {
        return LayerSymmetries.of(this);
    }

    @Override
    public List<Symmetry> symmetries() {
        List<Symmetry> out = new ArrayList<>();
        for (UnitSymmetry u : LayerSymmetries.of(this)) {
            out.add(u.symmetry());
        }
        return List.copyOf(out);
    }

    /**
     * A random θ from the stream (seed, "init", l) for the l-th parametrised layer: weights N(0, 1/fan-in) (LeCun;
     * fan-in = IN, or C·K or C·K·K for convolutions), biases 0. A stack of dense layers draws the θ of the matching
     * {@code mlp:} network.
     */
    @Override
    public double[] initialize(long seed) {
        double[] theta = new double[parameterCount()];
        for (Placed p : parametrised) {
            int fan = p.layer() instanceof Convolution c ? c.fanIn() : ((Dense) p.layer()).in();
            int weights = p.layer().parameterCount() - (hasBias(p.layer()) ? rows(p.layer()) : 0);
            SplittableRandom r = Seeds.stream(seed, "init", p.index());
            double scale = 1 / Math.sqrt(fan);
            for (int i = 0; i < weights; i++) {
                theta[p.offset() + i] = scale * Seeds.gaussian(r);
            }
        }
        return theta;
    }

    static boolean hasBias(Layer layer) {
        return layer instanceof Dense d ? d.bias() : ((Convolution) layer).bias();
    }

    static int rows(Layer layer) {
        return layer instanceof Dense d ? d.out() : ((Convolution) layer).out();
    }

    /** A pass through all layers for batches of up to {@code capacity} samples. */
    public LayerPass pass(int capacity) {
        return layers.pass(0, Checks.positive("capacity", capacity));
    }

    /** Outputs on the rows of {@code x} (n × d), as a new n × k matrix. Allocates a pass. */
    public Matrix predict(double[] theta, Matrix x) {
        Checks.dimension("theta", parameterCount(), theta.length);
        Checks.dimension("input columns", inputDim(), x.cols());
        double[] y = pass(x.rows()).forward(theta, x.data(), x.rows());
        return new Matrix(x.rows(), outputDim(), java.util.Arrays.copyOf(y, x.rows() * outputDim()));
    }

    @Override
    public String toString() {
        return spec + " (P = " + parameterCount() + ")";
    }
}
