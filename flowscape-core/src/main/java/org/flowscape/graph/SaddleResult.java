package org.flowscape.graph;

/**
 * The end of a transition-state search.
 *
 * @param theta      the final point (copied)
 * @param loss       L there
 * @param gradNorm   ‖∇L‖₂ there
 * @param iterations iterations used
 * @param converged  ‖∇L‖₂ ≤ the tolerance with exactly one negative eigenvalue
 * @param spectrum   the Hessian spectrum at the final point
 * @param note       why it did not converge (empty when it did)
 */
public record SaddleResult(double[] theta, double loss, double gradNorm, int iterations, boolean converged,
        LocalSpectrum spectrum, String note) {
    public SaddleResult {
        theta = theta.clone();
    }
}
