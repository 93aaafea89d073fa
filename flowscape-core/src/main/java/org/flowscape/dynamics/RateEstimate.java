package org.flowscape.dynamics;

/**
 * A fitted exponential rate: L(t) − L* ≈ exp(intercept − rate·t) over the window [start, end].
 *
 * @param rate      −slope of ln(L − L*) (per unit time; per step when the times are step indices)
 * @param intercept ln(L − L*) extrapolated to t = 0
 * @param start     first time of the window
 * @param end       last time of the window
 * @param points    points in the window
 * @param decades   decades of L − L* the window spans
 * @param floor     the level below which points were treated as round-off (or the stop) and left out
 */
public record RateEstimate(double rate, double intercept, double start, double end, int points, double decades,
        double floor) {

    /** True when a rate could be fitted (at least three points spanning a positive time). */
    public boolean valid() {
        return Double.isFinite(rate) && points >= 3;
    }
}
