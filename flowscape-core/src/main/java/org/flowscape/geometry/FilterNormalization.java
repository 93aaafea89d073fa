package org.flowscape.geometry;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.flowscape.internal.Checks;
import org.flowscape.model.ParameterBlock;
import org.flowscape.model.ParameterLayout;
import org.flowscape.rng.Seeds;

/**
 * Filter (per-neuron) normalization of slice directions, after Li, Xu, Taylor, Studer and Goldstein, "Visualizing the
 * Loss Landscape of Neural Nets" (NeurIPS 2018): each neuron's block of a direction d is rescaled to the Euclidean norm
 * of the same block of θ, d_b ← d_b · ‖θ_b‖ / ‖d_b‖.
 *
 * <p>A neuron's block is its row of its layer's weight matrix (its incoming weights) together with its bias entry when
 * the layer has one, read from the model's {@link ParameterLayout}. A layout with a single block (an objective without
 * a network) is treated as one neuron. Blocks where θ is zero get a zero direction (Li et al. do the same), and so do
 * blocks where d is zero.
 *
 * <p>Invariance: a positive rescaling of a whole layer (every unit of a ReLU layer by the same λ &gt; 0, the next layer
 * by 1/λ) rescales every block of θ and of the normalized direction by the same factor, so the slice
 * L(θ + α d1 + β d2) is unchanged. A rescaling with different factors per unit leaves the incoming blocks equivariant
 * but mixes the factors inside the next layer's rows, so the slice is then only approximately invariant.
 */
public final class FilterNormalization {
    private FilterNormalization() {
    }

    /**
     * The per-neuron blocks of a layout: each entry lists the indices into θ of one neuron (weight row, then bias).
     * Cost O(P).
     */
    public static int[][] neuronBlocks(ParameterLayout layout) {
        List<int[]> out = new ArrayList<>();
        List<ParameterBlock> blocks = layout.blocks();
        for (int b = 0; b < blocks.size(); b++) {
            ParameterBlock w = blocks.get(b);
            if (w.kind() != ParameterBlock.Kind.WEIGHT) {
                continue;
            }
            ParameterBlock bias = b + 1 < blocks.size() && blocks.get(b + 1).kind() == ParameterBlock.Kind.BIAS
                    && blocks.get(b + 1).layer() == w.layer() ? blocks.get(b + 1) : null;
            for (int r = 0; r < w.rows(); r++) {
                int[] idx = new int[w.cols() + (bias == null ? 0 : 1)];
                for (int c = 0; c < w.cols(); c++) {
                    idx[c] = w.offset() + r * w.cols() + c;
                }
                if (bias != null) {
                    idx[w.cols()] = bias.offset() + r;
                }
                out.add(idx);
            }
        }
        return out.toArray(new int[0][]);
    }

    /**
     * The filter-normalized copy of {@code direction} (length P, read only) with respect to θ (read only). Cost O(P).
     */
    public static double[] normalize(double[] direction, double[] theta, ParameterLayout layout) {
        Checks.dimension("direction", layout.size(), direction.length);
        Checks.dimension("theta", layout.size(), theta.length);
        double[] out = new double[direction.length];
        for (int[] block : neuronBlocks(layout)) {
            double dn = blockNorm(direction, block);
            double tn = blockNorm(theta, block);
            double s = dn > 0 ? tn / dn : 0;
            for (int i : block) {
                out[i] = s * direction[i];
            }
        }
        return out;
    }

    /**
     * A random direction: independent standard normal entries from the stream (seed, "slice-direction", index),
     * filter-normalized with respect to θ (read only). Cost O(P).
     */
    public static double[] randomDirection(double[] theta, ParameterLayout layout, long seed, long index) {
        SplittableRandom random = Seeds.stream(seed, "slice-direction", index);
        double[] d = Seeds.gaussian(random, 1.0, new double[layout.size()]);
        return normalize(d, theta, layout);
    }

    /** The Euclidean norm of {@code x} restricted to {@code block}. */
    public static double blockNorm(double[] x, int[] block) {
        double s = 0;
        for (int i : block) {
            s += x[i] * x[i];
        }
        return Math.sqrt(s);
    }
}
