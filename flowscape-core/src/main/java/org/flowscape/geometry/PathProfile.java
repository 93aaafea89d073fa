package org.flowscape.geometry;

import org.flowscape.linalg.Tolerance;

/**
 * The loss along a path θ(λ), λ ∈ [0, 1], sampled at {@code lambdas}, with its barrier and monotonicity.
 *
 * <p>Barrier conventions (both reported): {@code barrier} = max_λ [L(λ) − ((1 − λ) L(0) + λ L(1))], the height above
 * the chord between the endpoint losses (Frankle et al. 2020; Entezari et al. 2022), with its location
 * {@code barrierLambda}; {@code barrierAboveEndpoints} = max_λ L(λ) − max{L(0), L(1)}, the height above the higher
 * endpoint (Draxler et al. 2018), at {@code peakLambda}. Both are ≥ 0 on any sampled path that includes its endpoints.
 *
 * <p>Monotone means non-increasing from λ = 0 to λ = 1: L(λ_{k+1}) ≤ L(λ_k) + tolerance.threshold(L(λ_k)) for all k.
 * {@code firstIncrease} is the first k + 1 that breaks it (−1 when monotone).
 *
 * @param lambdas               the sample points, ascending from 0 to 1
 * @param losses                L(θ(λ_k))
 * @param barrier               the height above the endpoint chord (see above)
 * @param barrierLambda         where it is attained
 * @param barrierAboveEndpoints max L − max endpoint loss
 * @param peakLambda            where max L is attained
 * @param monotone              whether the sampled losses never increase (within the tolerance)
 * @param firstIncrease         index of the first increase, or −1
 * @param tolerance             the tolerance of the monotonicity test
 */
public record PathProfile(double[] lambdas, double[] losses, double barrier, double barrierLambda,
        double barrierAboveEndpoints, double peakLambda, boolean monotone, int firstIncrease, Tolerance tolerance) {

    /** The default monotonicity tolerance: exact comparison (no slack). */
    public static final Tolerance DEFAULT_TOLERANCE = new Tolerance(0, 0);

    public PathProfile {
        lambdas = lambdas.clone();
        losses = losses.clone();
    }

    /** The profile of the sampled losses {@code losses} at {@code lambdas} (both read only, equal length ≥ 2). */
    public static PathProfile of(double[] lambdas, double[] losses, Tolerance tolerance) {
        int n = losses.length;
        if (n < 2 || lambdas.length != n) {
            throw new IllegalArgumentException("a path profile needs at least 2 samples and one lambda per loss, got "
                    + lambdas.length + " and " + n);
        }
        double l0 = losses[0];
        double l1 = losses[n - 1];
        int bar = 0;
        int peak = 0;
        double best = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < n; k++) {
            double lam = (lambdas[k] - lambdas[0]) / (lambdas[n - 1] - lambdas[0]);
            double excess = losses[k] - ((1 - lam) * l0 + lam * l1);
            if (excess > best) {
                best = excess;
                bar = k;
            }
            if (losses[k] > losses[peak]) {
                peak = k;
            }
        }
        int first = -1;
        for (int k = 0; k + 1 < n && first < 0; k++) {
            if (!(losses[k + 1] <= losses[k] + tolerance.threshold(losses[k]))) {
                first = k + 1;
            }
        }
        return new PathProfile(lambdas, losses, best, lambdas[bar], losses[peak] - Math.max(l0, l1), lambdas[peak],
                first < 0, first, tolerance);
    }

    /** λ where the loss first increases, or NaN when the path is monotone. */
    public double firstIncreaseLambda() {
        return firstIncrease < 0 ? Double.NaN : lambdas[firstIncrease];
    }
}
