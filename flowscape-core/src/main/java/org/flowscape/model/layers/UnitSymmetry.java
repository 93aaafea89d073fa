package org.flowscape.model.layers;

import java.util.SplittableRandom;
import org.flowscape.model.Symmetry;

/**
 * A symmetry of the units (dense outputs or convolution channels) of one parametrised layer A whose outputs reach the
 * next parametrised layer B through entrywise activations, pooling and flattening only; with the index map needed to
 * act on θ. Unit j owns row j of A's weight (length {@code rowLength}) and A's bias entry j, and in every row of B's
 * weight the {@code slice} consecutive entries starting at j·slice (one channel's positions after flattening, or one
 * input channel's K(×K) kernel).
 *
 * @param symmetry   the declared group (its layer is A's 1-based index among the parametrised layers)
 * @param aOffset    A's weight offset in θ
 * @param rowLength  A's inputs per unit
 * @param aBias      A's bias offset in θ, or −1 without a bias
 * @param units      A's units
 * @param bOffset    B's weight offset in θ
 * @param bRows      B's rows (outputs or channels)
 * @param slice      B's entries per unit in each row
 */
public record UnitSymmetry(Symmetry symmetry, int aOffset, int rowLength, int aBias, int units, int bOffset,
        int bRows, int slice) {

    /**
     * A random element of the group applied to a copy of θ: a permutation, random sign flips, positive rescalings
     * λ_j = e^{N(0, 0.3²)} (B's slices times λ_j^{−degree}), or, for the linear gauge, the diagonal elements of GL with
     * factors ±e^{N(0, 0.3²)}. θ is read only.
     */
    public double[] applyRandom(double[] theta, SplittableRandom random) {
        double[] out = theta.clone();
        if (symmetry instanceof Symmetry.Permutation) {
            int[] perm = new int[units];
            for (int j = 0; j < units; j++) {
                perm[j] = j;
            }
            for (int j = units - 1; j > 0; j--) {
                int r = random.nextInt(j + 1);
                int t = perm[j];
                perm[j] = perm[r];
                perm[r] = t;
            }
            permute(theta, out, perm);
            return out;
        }
        for (int j = 0; j < units; j++) {
            double a;
            double b;
            if (symmetry instanceof Symmetry.SignFlip) {
                a = random.nextBoolean() ? -1 : 1;
                b = a;
            } else if (symmetry instanceof Symmetry.PositiveRescaling s) {
                a = Math.exp(0.3 * gaussian(random));
                b = Math.pow(a, -s.degree());
            } else {
                a = (random.nextBoolean() ? -1 : 1) * Math.exp(0.3 * gaussian(random));
                b = 1 / a;
            }
            scale(out, j, a, b);
        }
        return out;
    }

    private static double gaussian(SplittableRandom r) {
        return org.flowscape.rng.Seeds.gaussian(r);
    }

    /** Unit j's incoming weights and bias times a, its outgoing slices times b, in place. */
    private void scale(double[] t, int j, double a, double b) {
        for (int q = 0; q < rowLength; q++) {
            t[aOffset + j * rowLength + q] *= a;
        }
        if (aBias >= 0) {
            t[aBias + j] *= a;
        }
        int cols = units * slice;
        for (int r = 0; r < bRows; r++) {
            for (int q = 0; q < slice; q++) {
                t[bOffset + r * cols + j * slice + q] *= b;
            }
        }
    }

    /** New unit j is old unit perm[j]: its rows, bias entry and slices move together. */
    private void permute(double[] src, double[] dst, int[] perm) {
        int cols = units * slice;
        for (int j = 0; j < units; j++) {
            int from = perm[j];
            System.arraycopy(src, aOffset + from * rowLength, dst, aOffset + j * rowLength, rowLength);
            if (aBias >= 0) {
                dst[aBias + j] = src[aBias + from];
            }
            for (int r = 0; r < bRows; r++) {
                System.arraycopy(src, bOffset + r * cols + from * slice, dst, bOffset + r * cols + j * slice, slice);
            }
        }
    }
}
