package org.flowscape.geometry;

import org.flowscape.internal.Checks;
import org.flowscape.model.DenseLayer;
import org.flowscape.model.Network;

/**
 * Aligns the hidden units of one parameter vector to another's by weight matching (after Ainsworth, Hayase and
 * Srinivasa, "Git Re-Basin", ICLR 2023, in its one-pass form): layer by layer from the input, the units of hidden
 * layer l of {@code other} are permuted to maximize Σ_i ⟨u_i, w_{π(i)}⟩, where u_i is unit i's incoming weight row
 * and bias in {@code reference} and w_j the same in {@code other} after its incoming columns were permuted by the
 * previous layer's π. The permutation is then applied to the rows (and bias) of layer l and to the columns of layer
 * l + 1, so the aligned vector realizes exactly the same function as {@code other} (any elementwise activation).
 *
 * @param aligned      the aligned copy of {@code other}, length P
 * @param permutations per hidden layer: aligned unit i is unit permutations[l][i] of {@code other}
 * @param similarity   per hidden layer: the maximized Σ_i ⟨u_i, w_{π(i)}⟩
 */
public record PermutationAlignment(double[] aligned, int[][] permutations, double[] similarity) {
    public PermutationAlignment {
        aligned = aligned.clone();
        int[][] copy = new int[permutations.length][];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = permutations[i].clone();
        }
        permutations = copy;
        similarity = similarity.clone();
    }

    /**
     * Aligns {@code other} to {@code reference} (both length P, read only). Cost O(Σ_l n_l² · fan-in_l) for the scores
     * plus O(n_l³) per assignment.
     */
    public static PermutationAlignment align(Network net, double[] reference, double[] other) {
        Checks.dimension("reference", net.parameterCount(), reference.length);
        Checks.dimension("other", net.parameterCount(), other.length);
        double[] b = other.clone();
        int hidden = net.depth() - 1;
        int[][] perms = new int[hidden][];
        double[] sim = new double[hidden];
        for (int l = 0; l < hidden; l++) {
            DenseLayer layer = net.layers().get(l);
            int n = layer.outputs();
            double[] score = scores(net, l, reference, b);
            perms[l] = LinearAssignment.maximize(score, n);
            sim[l] = LinearAssignment.total(score, n, perms[l]);
            permuteUnits(net, l, perms[l], b);
        }
        return new PermutationAlignment(b, perms, sim);
    }

    /**
     * Applies a permutation of the units of hidden layer {@code l} (0-based) to θ in place (overwritten): new unit i is
     * old unit perm[i]; rows and bias of layer l and columns of layer l + 1 move together. The function is unchanged.
     */
    public static void permuteUnits(Network net, int l, int[] perm, double[] theta) {
        DenseLayer layer = net.layers().get(l);
        DenseLayer next = net.layers().get(l + 1);
        int n = layer.outputs();
        int in = layer.inputs();
        Checks.dimension("permutation", n, perm.length);
        int off = net.offset(l);
        double[] old = theta.clone();
        for (int i = 0; i < n; i++) {
            System.arraycopy(old, off + perm[i] * in, theta, off + i * in, in);
            if (layer.bias()) {
                theta[off + n * in + i] = old[off + n * in + perm[i]];
            }
        }
        int offNext = net.offset(l + 1);
        for (int r = 0; r < next.outputs(); r++) {
            for (int i = 0; i < n; i++) {
                theta[offNext + r * n + i] = old[offNext + r * n + perm[i]];
            }
        }
    }

    private static double[] scores(Network net, int l, double[] a, double[] b) {
        DenseLayer layer = net.layers().get(l);
        int n = layer.outputs();
        int in = layer.inputs();
        int off = net.offset(l);
        double[] s = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double d = 0;
                for (int c = 0; c < in; c++) {
                    d += a[off + i * in + c] * b[off + j * in + c];
                }
                if (layer.bias()) {
                    d += a[off + n * in + i] * b[off + n * in + j];
                }
                s[i * n + j] = d;
            }
        }
        return s;
    }
}
