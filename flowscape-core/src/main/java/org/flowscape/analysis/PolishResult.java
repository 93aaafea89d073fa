package org.flowscape.analysis;

import java.util.List;

/**
 * The end of a polish or saddle search.
 *
 * @param theta        the final point (copied)
 * @param value        L there
 * @param gradientNorm ‖∇L‖₂ there
 * @param status       how it ended
 * @param iterations   iterations used
 * @param history      one entry per iteration
 * @param config       the rules used
 */
public record PolishResult(double[] theta, double value, double gradientNorm, PolishStatus status, int iterations,
        List<PolishStep> history, PolishConfig config) {

    public PolishResult {
        theta = theta.clone();
        history = List.copyOf(history);
    }

    /** True when the gradient tolerance was met. */
    public boolean converged() {
        return status == PolishStatus.CONVERGED;
    }
}
