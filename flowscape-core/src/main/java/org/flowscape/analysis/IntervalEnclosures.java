package org.flowscape.analysis;

import org.flowscape.objective.ModelObjective;

/**
 * Public access to the interval enclosures of a network objective over a box ({@link IntervalRisk}): squared-error
 * losses of layered networks whose activations have interval ranges. Used by the census
 * ({@code org.flowscape.census}). Intervals are interleaved as in {@link IntervalMath}.
 */
public final class IntervalEnclosures {
    private IntervalEnclosures() {
    }

    /** Why {@code objective} cannot be enclosed, or null when it can. */
    public static String refusal(ModelObjective objective) {
        return IntervalRisk.refusal(objective);
    }

    /**
     * Enclosures of L over the box lo ≤ θ ≤ hi (both length P, read only): {value (2), gradient (2P), Hessian (2P²)
     * or null when not {@code hessian}}. Call only when {@link #refusal} is null. Cost: O(n · weights · P²).
     */
    public static double[][] enclose(ModelObjective objective, double[] lo, double[] hi, boolean hessian) {
        IntervalJet jet = IntervalRisk.of(objective).enclose(lo, hi, hessian);
        return new double[][] {jet.v.clone(), jet.g.clone(), jet.h == null ? null : jet.h.clone()};
    }
}
