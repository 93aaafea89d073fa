package org.flowscape.analysis;

import org.flowscape.linalg.Tolerance;

/**
 * The classification of a point.
 *
 * @param value                      L(θ)
 * @param gradientNorm               ‖∇L(θ)‖₂
 * @param gradientTolerance          the tolerance ‖∇L‖ was judged critical at
 * @param spectrum                   all Hessian eigenvalues with the inertia and its tolerance
 * @param type                       the verdict
 * @param strictSaddle               at least one eigenvalue below −threshold
 * @param morse                      nullity 0 (non-degenerate)
 * @param orbitDimension             the rank of the continuous symmetries' tangent vectors at θ
 * @param nullityExplained           the rank of those tangents projected on the Hessian's numerical null space: how
 *                                   much of the flatness the symmetries explain
 * @param excessNullity              nullity − nullityExplained: degeneracy the symmetries do not explain
 * @param realisationNullity         for a {@link org.flowscape.objective.ModelObjective}: dim(ker J ∩ ker H), the
 *                                   flat directions that leave the outputs on the data unchanged to first order
 *                                   (symmetries, redundant neurons, overparameterization P &gt; n·k); −1 otherwise
 * @param rankTolerance              the tolerance of the ranks
 */
public record CriticalPointReport(double value, double gradientNorm, double gradientTolerance, DenseSpectrum spectrum,
        CriticalPointType type, boolean strictSaddle, boolean morse, int orbitDimension, int nullityExplained,
        int excessNullity, int realisationNullity, Tolerance rankTolerance) {

    /** The Morse index (negative eigenvalues). */
    public int index() {
        return spectrum.index();
    }

    /** The nullity (eigenvalues with |λ| ≤ threshold). */
    public int nullity() {
        return spectrum.nullity();
    }

    /**
     * nullity − realisationNullity: zero eigenvalues along which the outputs on the data do change, i.e. degeneracy
     * of the loss itself rather than of the parameterization (−1 when not computed).
     */
    public int unexplainedNullity() {
        return realisationNullity < 0 ? -1 : nullity() - realisationNullity;
    }

    /** True when every zero eigenvalue is a symmetry direction (Morse modulo the symmetry group, Morse–Bott-like). */
    public boolean morseModuloSymmetry() {
        return excessNullity == 0;
    }
}
