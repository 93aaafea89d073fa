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
 * <p>A neuron's block is its row of its layer's weight matrix (its incoming weights), read from the model's
 * {@link ParameterLayout}. Bias entries of the direction are set to zero, as in Li et al.'s reference code (its default
 * {@code ignore='biasbn'}): biases do not move along the slice. A layout with a single block (an objective without a
 * network) is treated as one neuron. Blocks where θ is zero get a zero direction (Li et al. do the same), and so do
 * blocks where d is zero.
 *
 * <p>Invariance: let T be a positive rescaling of ReLU units that multiplies each neuron's whole block by one factor
 * (every unit of a layer by the same λ_l &gt; 0, so layer l's rows scale by λ_l/λ_{l−1}). Then the normalized direction
 * at Tθ is T applied to the normalized direction at θ, and the slice L(Tθ + α Td1 + β Td2) = L(θ + α d1 + β d2) is
 * the same grid of numbers. With a different factor per unit, each rescaled unit's incoming block is still
 * equivariant, but the next layer's rows mix the factors, so the slice is not exactly invariant; that is a property of
 * filter normalization itself, not of this implementation.
 */
public final class FilterNormalization {
    private FilterNormalization() {
    }

    /**
     * The per-neuron blocks of a layout: each entry lists the indices into θ of one neuron's incoming weights (its row
     * of its layer's weight matrix). Bias entries belong to no block. Cost O(P).
     */
    public static int[][] neuronBlocks(ParameterLayout layout) {
        List<int[]> out = new ArrayList<>();
        for (ParameterBlock w : layout.blocks()) {
            if (w.kind() != ParameterBlock.Kind.WEIGHT) {
                continue;
            }
            for (int r = 0; r < w.rows(); r++) {
                int[] idx = new int[w.cols()];
                for (int c = 0; c < w.cols(); c++) {
                    idx[c] = w.offset() + r * w.cols() + c;
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
        double[] out = new double[direction.length]; // bias entries stay zero
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
