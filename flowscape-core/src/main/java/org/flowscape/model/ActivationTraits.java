package org.flowscape.model;

/**
 * The algebraic facts about an activation ψ that analysis relies on (symmetry-induced flatness, redundancy rules of
 * shallow networks).
 *
 * @param oddAbout           c such that ψ(z) − c is an odd function (0 for tanh, ½ for the logistic sigmoid, where
 *                           ψ(−z) = 1 − ψ(z)); NaN when there is none
 * @param even               ψ(−z) = ψ(z)
 * @param linearOddPart      β such that ψ(z) − ψ(−z) = β·z for all z (1 for relu, softplus, gelu, swish; 1 + α for
 *                           leaky relu); NaN when there is none
 * @param homogeneityDegree  k &gt; 0 when ψ(λz) = λ^k ψ(z) for all λ &gt; 0 (1 for relu, leaky relu and identity);
 *                           0 when not positively homogeneous
 * @param analytic           real analytic on all of ℝ (false for the piecewise relu family)
 */
public record ActivationTraits(double oddAbout, boolean even, double linearOddPart, int homogeneityDegree,
        boolean analytic) {

    /** True when ψ is odd (ψ(−z) = −ψ(z)). */
    public boolean odd() {
        return oddAbout == 0;
    }

    /** True when ψ(z) − c is odd for some constant c (odd up to a shift). */
    public boolean oddUpToShift() {
        return !Double.isNaN(oddAbout);
    }

    /** True when positively homogeneous of some degree. */
    public boolean homogeneous() {
        return homogeneityDegree > 0;
    }
}
