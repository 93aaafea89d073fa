package org.flowscape.geometry;

/**
 * The path of Safran and Shamir's Theorem 1 (theory.md D.2): the given path W(λ) with its last layer scaled by c̃(λ) so
 * that the loss follows v(λ) = (1 − λ/3) L(P(W⁰)) + (λ/3) max{L(0), L(P(W¹))}, followed by the rescaling segment
 * c̃(1) → c' at W¹ that ends at loss exactly L(P(W¹)).
 *
 * @param status           how it ended (the arrays are empty unless the path was built)
 * @param message          one line explaining the status
 * @param method           {@code closed form (squared loss)} or {@code bracketing Brent root finding}
 * @param lambdas          the λ grid
 * @param scales           c̃(λ_k)
 * @param targets          v(λ_k)
 * @param losses           L(θ_k) recomputed by a fresh forward pass at the rescaled parameters
 * @param finalScales      c on the final segment, from c̃(1) (excluded) down to c' (included)
 * @param finalLosses      L on the final segment
 * @param zeroLoss         L(0), the loss of the all-zero predictor
 * @param startLoss        L(P(W⁰))
 * @param targetLoss       L(P(W¹))
 * @param endScale         c', the last-layer scale at the end point
 * @param endTheta         W¹ with its last layer scaled by c' (length P; empty when not built)
 * @param largestIncrement max over consecutive nodes (main grid then final segment) of L_{k+1} − L_k; negative when
 *                         the decrease is strict everywhere
 * @param maxResidual      max_k |L(θ_k) − v(λ_k)|
 * @param straight         the profile of the plain straight path on the same λ grid, or null for a general path
 * @param config           the settings used
 */
public record MonotonePathResult(MonotonePathStatus status, String message, String method, double[] lambdas,
        double[] scales, double[] targets, double[] losses, double[] finalScales, double[] finalLosses,
        double zeroLoss, double startLoss, double targetLoss, double endScale, double[] endTheta,
        double largestIncrement, double maxResidual, PathProfile straight, MonotonePathConfig config) {
    public MonotonePathResult {
        lambdas = lambdas.clone();
        scales = scales.clone();
        targets = targets.clone();
        losses = losses.clone();
        finalScales = finalScales.clone();
        finalLosses = finalLosses.clone();
        endTheta = endTheta.clone();
    }

    /** True when the strict decrease is certified. */
    public boolean certified() {
        return status == MonotonePathStatus.CERTIFIED;
    }
}
