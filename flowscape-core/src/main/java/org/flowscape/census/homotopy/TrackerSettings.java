package org.flowscape.census.homotopy;

/**
 * The tolerances and limits of the path tracker and its endgame; recorded with every census.
 *
 * @param initialStep        first step in the path parameter τ ∈ [0, 1]
 * @param minStep            a step below this ends the path as failed (step-size underflow)
 * @param maxStep            the largest step in τ
 * @param maxSteps           steps per segment before the path is declared failed
 * @param correctorTolerance a Newton correction is converged when ‖Δz‖ ≤ this · (1 + ‖z‖)
 * @param endgameRadius      the endgame starts at t = 1 − endgameRadius
 * @param endgameRatio       each endgame radius is this fraction of the previous one
 * @param endgameSamples     sample points per loop of the Cauchy integral
 * @param maxWinding         loops around t = 1 before the endgame gives up (the largest cycle number found)
 * @param endgameTolerance   two successive Cauchy estimates agree when their distance is ≤ this · (1 + ‖z‖)
 * @param singularCondition  an endpoint whose Jacobian has 1-norm condition number above this is singular
 * @param infinityTolerance  a regular limit z with |z_0| ≤ this · ‖z‖ is a solution at infinity
 * @param singularInfinityTolerance a singular limit (cycle number &gt; 1 or ill-conditioned) with
 *                           |z_0| ≤ this · ‖z‖ is at infinity: double precision places a point of multiplicity m
 *                           only to about ε^{1/m}, so near a multiple point at infinity the endgame's z_0 is small
 *                           but not tiny; the price is that a singular finite point with affine norm above about
 *                           1/this is counted at infinity
 */
public record TrackerSettings(double initialStep, double minStep, double maxStep, int maxSteps,
        double correctorTolerance, double endgameRadius, double endgameRatio, int endgameSamples, int maxWinding,
        double endgameTolerance, double singularCondition, double infinityTolerance,
        double singularInfinityTolerance) {
    public TrackerSettings {
        if (!(minStep > 0 && initialStep >= minStep && maxStep >= initialStep && maxStep <= 1)) {
            throw new IllegalArgumentException("need 0 < minStep <= initialStep <= maxStep <= 1");
        }
        if (maxSteps < 1 || endgameSamples < 4 || maxWinding < 1) {
            throw new IllegalArgumentException("maxSteps >= 1, endgameSamples >= 4 and maxWinding >= 1 are required");
        }
        if (!(correctorTolerance > 0 && endgameTolerance > 0 && infinityTolerance > 0 && singularCondition > 1
                && singularInfinityTolerance >= infinityTolerance)) {
            throw new IllegalArgumentException("tolerances must be positive and singularCondition > 1");
        }
        if (!(endgameRadius > 0 && endgameRadius < 1 && endgameRatio > 0 && endgameRatio < 1)) {
            throw new IllegalArgumentException("endgameRadius and endgameRatio must lie in (0, 1)");
        }
    }

    /**
     * The defaults: corrector 1e-11, endgame from t = 0.9 with radii shrinking by 4, 32 samples per loop, at most
     * 16 loops, singular above condition 1e9, at infinity below |z_0|/‖z‖ = 1e-7 (regular) or 1e-3 (singular).
     */
    public static TrackerSettings defaults() {
        return new TrackerSettings(0.01, 1e-12, 0.1, 20_000, 1e-11, 0.1, 0.25, 32, 16, 1e-9, 1e9, 1e-7, 1e-3);
    }
}
