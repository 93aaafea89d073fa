package org.flowscape.model;

/**
 * A symmetry group acting on the parameters that leaves the network function unchanged. Continuous symmetries
 * produce flat directions of the loss at every point (so zero Hessian eigenvalues that are not a degeneracy of the
 * problem); discrete ones produce copies of every critical point.
 */
public sealed interface Symmetry {

    /** The dimension of the group (0 for discrete groups); an upper bound on the orbit dimension at any point. */
    int dimension();

    /** True for Lie groups (flat directions), false for finite groups (copies). */
    default boolean continuous() {
        return dimension() > 0;
    }

    /** A one-line description for reports. */
    String describe();

    /**
     * GL(width) acting between layer {@code layer} and {@code layer + 1} when layer {@code layer} has the identity
     * activation: (W_l, b_l, W_{l+1}) ↦ (G W_l, G b_l, W_{l+1} G⁻¹).
     */
    record LinearGauge(int layer, int width) implements Symmetry {
        @Override
        public int dimension() {
            return width * width;
        }

        @Override
        public String describe() {
            return "GL(" + width + ") between linear layer " + layer + " and layer " + (layer + 1);
        }
    }

    /**
     * Positive rescaling of each of {@code width} hidden units of layer {@code layer} whose activation is positively
     * homogeneous of degree k: incoming weights and bias times λ &gt; 0, outgoing weights times λ^{−k}.
     */
    record PositiveRescaling(int layer, int width, int degree) implements Symmetry {
        @Override
        public int dimension() {
            return width;
        }

        @Override
        public String describe() {
            return "positive rescaling of the " + width + " units of layer " + layer + " (degree " + degree + ")";
        }
    }

    /** Permutations of the {@code width} hidden units of layer {@code layer} (width! elements). */
    record Permutation(int layer, int width) implements Symmetry {
        @Override
        public int dimension() {
            return 0;
        }

        @Override
        public String describe() {
            return "permutations of the " + width + " units of layer " + layer;
        }
    }

    /**
     * Sign flips of units of layer {@code layer} whose activation is odd about {@code center} (ψ(−z) = 2c − ψ(z): c = 0
     * for tanh and other odd activations, c = ½ for the logistic sigmoid, σ(−z) = 1 − σ(z)): incoming weights, bias and
     * outgoing weights change sign, and when c ≠ 0 the next layer's bias absorbs the shift, b_{l+1} += 2c·v_j with v_j
     * the unit's outgoing weights before the flip (2^width elements).
     */
    record SignFlip(int layer, int width, double center) implements Symmetry {
        /** Flips of units with an odd activation (center 0). */
        public SignFlip(int layer, int width) {
            this(layer, width, 0);
        }

        @Override
        public int dimension() {
            return 0;
        }

        @Override
        public String describe() {
            return center == 0 ? "sign flips of the " + width + " odd units of layer " + layer
                    : "sign flips of the " + width + " units of layer " + layer + " (psi(-z) = " + 2 * center
                            + " - psi(z)), the next bias shifted";
        }
    }
}
