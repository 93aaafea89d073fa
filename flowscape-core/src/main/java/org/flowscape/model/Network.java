package org.flowscape.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.flowscape.internal.Checks;
import org.flowscape.internal.MemoryBudget;
import org.flowscape.linalg.Matrix;
import org.flowscape.rng.Seeds;

/**
 * A layered network: dense layers applied in order to a batch of inputs. Deep linear networks, the scalar product
 * x1·x2·…·xN, shallow analytic networks and deep MLPs are all instances (see {@link Models}). Immutable and
 * thread-safe; per-batch work happens in a {@link NetworkWorkspace}.
 */
public final class Network implements Model {
    private final List<DenseLayer> layers;
    private final int[] offsets;
    private final ParameterLayout layout;
    private final String spec;

    /**
     * @param spec   the spelling this network was built from (recorded with results)
     * @param layers at least one layer; each layer's inputs equal the previous layer's outputs
     */
    public Network(String spec, List<DenseLayer> layers) {
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("a network needs at least one layer");
        }
        this.spec = spec;
        this.layers = List.copyOf(layers);
        this.offsets = new int[layers.size() + 1];
        requireFits(spec, layers);
        List<ParameterBlock> blocks = new ArrayList<>();
        int offset = 0;
        for (int l = 0; l < layers.size(); l++) {
            DenseLayer layer = layers.get(l);
            if (l > 0) {
                Checks.dimension("inputs of layer " + (l + 1), layers.get(l - 1).outputs(), layer.inputs());
            }
            offsets[l] = offset;
            String prefix = "layer" + (l + 1);
            blocks.add(new ParameterBlock(prefix + ".weight", l + 1, ParameterBlock.Kind.WEIGHT, offset,
                    layer.outputs(), layer.inputs()));
            offset += layer.outputs() * layer.inputs();
            if (layer.bias()) {
                blocks.add(new ParameterBlock(prefix + ".bias", l + 1, ParameterBlock.Kind.BIAS, offset,
                        layer.outputs(), 1));
                offset += layer.outputs();
            }
        }
        offsets[layers.size()] = offset;
        this.layout = new ParameterLayout(blocks);
    }

    /** Refuses a network whose θ (counted in long) cannot be one array or cannot fit in memory. */
    private static void requireFits(String spec, List<DenseLayer> layers) {
        double p = 0;
        for (DenseLayer layer : layers) {
            p += (double) layer.outputs() * layer.inputs() + (layer.bias() ? layer.outputs() : 0);
        }
        String what = "the model " + spec + " (P = " + String.format(java.util.Locale.ROOT, "%.0f", p) + ")";
        String fix = "use smaller layer widths";
        MemoryBudget.requireDoubles(p, what, fix);
        MemoryBudget.arrayLength(p, what, fix);
    }

    /** The spec string, e.g. {@code mlp:10-100-1:tanh}. */
    public String spec() {
        return spec;
    }

    /** The layers, input first. */
    public List<DenseLayer> layers() {
        return layers;
    }

    /** The number of layers L. */
    public int depth() {
        return layers.size();
    }

    /** Input dimension d. */
    public int inputDim() {
        return layers.get(0).inputs();
    }

    /** Output dimension k. */
    public int outputDim() {
        return layers.get(layers.size() - 1).outputs();
    }

    /** The number of parameters P. */
    public int parameterCount() {
        return offsets[layers.size()];
    }

    /** Offset of layer {@code l}'s (0-based) weight matrix in θ; its bias follows the weights. */
    public int offset(int l) {
        return offsets[l];
    }

    /** The named blocks of θ. */
    public ParameterLayout layout() {
        return layout;
    }

    /**
     * The symmetries of the parameterization: GL(n) between consecutive layers when the first has the identity
     * activation, positive rescaling of homogeneous hidden units, permutations of hidden units and sign flips of odd
     * ones, or of units odd about a constant c (ψ(−z) = 2c − ψ(z), the logistic sigmoid) when the next layer has a
     * bias to absorb the shift. Hidden means every layer but the last.
     */
    public List<Symmetry> symmetries() {
        List<Symmetry> out = new ArrayList<>();
        for (int l = 0; l + 1 < layers.size(); l++) {
            DenseLayer layer = layers.get(l);
            int w = layer.outputs();
            ActivationTraits t = layer.activation().traits();
            if (layer.activation().isIdentity()) {
                out.add(new Symmetry.LinearGauge(l + 1, w));
                continue;
            }
            if (t.homogeneous()) {
                out.add(new Symmetry.PositiveRescaling(l + 1, w, t.homogeneityDegree()));
            }
            if (w > 1) {
                out.add(new Symmetry.Permutation(l + 1, w));
            }
            if (t.odd()) {
                out.add(new Symmetry.SignFlip(l + 1, w));
            } else if (t.oddUpToShift() && layers.get(l + 1).bias()) {
                // ψ(−z) = 2c − ψ(z) (the logistic sigmoid: c = ½): a flip is a symmetry when the next bias absorbs 2c·v
                out.add(new Symmetry.SignFlip(l + 1, w, t.oddAbout()));
            }
        }
        return List.copyOf(out);
    }

    /**
     * A random initialization from the stream (seed, "init"): weights N(0, 1/inputs) (LeCun), biases 0. Each layer
     * draws from its own derived stream, so changing one layer's width leaves the others' draws unchanged.
     */
    public double[] initialize(long seed) {
        double[] theta = new double[parameterCount()];
        for (int l = 0; l < layers.size(); l++) {
            DenseLayer layer = layers.get(l);
            SplittableRandom r = Seeds.stream(seed, "init", l);
            double scale = 1 / Math.sqrt(layer.inputs());
            for (int i = 0; i < layer.outputs() * layer.inputs(); i++) {
                theta[offsets[l] + i] = scale * Seeds.gaussian(r);
            }
        }
        return theta;
    }

    /** Outputs of the network on the rows of {@code x} (n × d), as a new n × k matrix. Allocates a workspace. */
    public Matrix predict(double[] theta, Matrix x) {
        Checks.dimension("theta", parameterCount(), theta.length);
        Checks.dimension("input columns", inputDim(), x.cols());
        NetworkWorkspace ws = new NetworkWorkspace(this, x.rows());
        ws.forward(theta, x.data(), x.rows());
        return new Matrix(x.rows(), outputDim(), Arrays.copyOf(ws.output(), x.rows() * outputDim()));
    }

    @Override
    public String toString() {
        return spec + " (P = " + parameterCount() + ")";
    }
}
