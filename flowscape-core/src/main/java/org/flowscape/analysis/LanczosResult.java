package org.flowscape.analysis;

/**
 * Extremal Ritz pairs of the Hessian with their true residuals.
 *
 * @param values       Ritz values, ascending: the smallest ones first, then the largest (no pair twice)
 * @param vectors      unit Ritz vectors as rows (values.length × P, row-major)
 * @param residuals    ‖H v − λ v‖ for each pair, recomputed with fresh Hessian-vector products (not the Lanczos
 *                     estimate)
 * @param converged    per pair: residual ≤ {@code threshold}
 * @param threshold    the absolute residual threshold used (tolerance applied to {@code spectralRadius})
 * @param spectralRadius the largest |Ritz value| seen (an estimate of ‖H‖₂ from below)
 * @param iterations   Lanczos steps taken (HVPs, excluding the residual check)
 * @param status       CONVERGED when every pair converged
 * @param config       the configuration used (with its seed)
 */
public record LanczosResult(double[] values, double[] vectors, double[] residuals, boolean[] converged,
        double threshold, double spectralRadius, int iterations, SpectrumStatus status, LanczosConfig config) {

    public LanczosResult {
        values = values.clone();
        vectors = vectors.clone();
        residuals = residuals.clone();
        converged = converged.clone();
    }

    /** The number of pairs. */
    public int count() {
        return values.length;
    }

    /** A copy of Ritz vector {@code i}. */
    public double[] vector(int i) {
        int p = vectors.length / Math.max(1, values.length);
        double[] v = new double[p];
        System.arraycopy(vectors, i * p, v, 0, p);
        return v;
    }

    /** The smallest Ritz value. */
    public double min() {
        return values[0];
    }

    /** The largest Ritz value. */
    public double max() {
        return values[values.length - 1];
    }
}
