package org.flowscape.graph;

/**
 * The end of a quench.
 *
 * @param theta        the final point (copied)
 * @param loss         L there
 * @param gradNorm     ‖∇L‖₂ there
 * @param descentSteps accepted steepest-descent steps
 * @param converged    whether ‖∇L‖₂ reached the polish tolerance
 * @param pushOff      the displacement along the unstable mode used (NaN for a quench from an ordinary point)
 * @param note         one line on how it ended (empty when it converged without incident)
 */
public record QuenchResult(double[] theta, double loss, double gradNorm, int descentSteps, boolean converged,
        double pushOff, String note) {
    public QuenchResult {
        theta = theta.clone();
    }
}
