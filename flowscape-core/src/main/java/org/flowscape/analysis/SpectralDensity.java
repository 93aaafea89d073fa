package org.flowscape.analysis;

/**
 * A smoothed estimate of the Hessian's spectral density (normalized: it integrates to 1 like (1/P) Σ δ(t − λ_i))
 * by stochastic Lanczos quadrature, with a pointwise error band.
 *
 * @param grid          evaluation points t, ascending
 * @param density       the mean over probes of each probe's Gaussian-smoothed quadrature density at t
 * @param standardError the standard deviation over probes divided by √probes, at each t
 * @param nodes         quadrature nodes (Ritz values), probes × steps row-major; NaN where a probe stopped early
 * @param weights       quadrature weights (squared first components), same layout; each probe's weights sum to 1
 * @param sigma         the Gaussian smoothing width
 * @param probes        the number of probe vectors
 * @param steps         the Lanczos steps per probe (upper bound)
 * @param seed          root seed of the probes
 */
public record SpectralDensity(double[] grid, double[] density, double[] standardError, double[] nodes,
        double[] weights, double sigma, int probes, int steps, long seed) {

    public SpectralDensity {
        grid = grid.clone();
        density = density.clone();
        standardError = standardError.clone();
        nodes = nodes.clone();
        weights = weights.clone();
    }

    /**
     * The SLQ estimate of (1/P) tr g(H) for g applied to the nodes: mean over probes of Σ_k w_k g(θ_k). With
     * {@code x -> x} it estimates tr(H)/P.
     */
    public double estimate(java.util.function.DoubleUnaryOperator g) {
        double total = 0;
        for (int r = 0; r < probes; r++) {
            for (int k = 0; k < steps; k++) {
                double node = nodes[r * steps + k];
                if (!Double.isNaN(node)) {
                    total += weights[r * steps + k] * g.applyAsDouble(node);
                }
            }
        }
        return total / probes;
    }
}
