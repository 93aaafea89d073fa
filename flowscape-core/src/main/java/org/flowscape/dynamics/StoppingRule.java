package org.flowscape.dynamics;

import java.util.ArrayList;
import java.util.List;

/**
 * When a run stops. The first condition met wins; it becomes the result's {@link Status}. Conditions that are off
 * hold NaN (targets) or +∞ (norm bound); the horizon may be +∞ only when another condition can end the run.
 *
 * @param horizon         final time T &gt; 0 (for descent the steps stop once Σ η_k ≥ T)
 * @param lossTarget      stop once L ≤ this (NaN: off)
 * @param gradientTarget  stop once ‖∇L‖ ≤ this (NaN: off)
 * @param normBound       diverged once ‖θ‖ &gt; this (+∞: off)
 * @param maxEvaluations  budget of gradient evaluations (descent: of steps)
 * @param events          user events; the run stops at the first sign change of any
 * @param eventTimeTolerance absolute tolerance in t for locating a crossing inside a step
 */
public record StoppingRule(double horizon, double lossTarget, double gradientTarget, double normBound,
        long maxEvaluations, List<FlowEvent> events, double eventTimeTolerance) {

    /** Default budget of gradient evaluations. */
    public static final long DEFAULT_MAX_EVALUATIONS = 10_000_000L;
    /** Default absolute tolerance in t for event location (a few ulps of t ≈ 1..100). */
    public static final double DEFAULT_EVENT_TIME_TOLERANCE = 1e-13;

    public StoppingRule {
        if (!(horizon > 0)) {
            throw new IllegalArgumentException("horizon must be > 0 (or +Infinity), got " + horizon);
        }
        if (!Double.isNaN(gradientTarget) && !(gradientTarget >= 0)) {
            throw new IllegalArgumentException("gradientTarget must be >= 0 or NaN (off), got " + gradientTarget);
        }
        if (!(normBound > 0)) {
            throw new IllegalArgumentException("normBound must be > 0 (or +Infinity: off), got " + normBound);
        }
        if (maxEvaluations <= 0) {
            throw new IllegalArgumentException("maxEvaluations must be > 0, got " + maxEvaluations);
        }
        if (!(eventTimeTolerance > 0)) {
            throw new IllegalArgumentException("eventTimeTolerance must be > 0, got " + eventTimeTolerance);
        }
        events = List.copyOf(events);
        if (horizon == Double.POSITIVE_INFINITY && Double.isNaN(lossTarget) && Double.isNaN(gradientTarget)
                && events.isEmpty() && maxEvaluations == DEFAULT_MAX_EVALUATIONS) {
            throw new IllegalArgumentException("an infinite horizon needs a loss target, a gradient target, an event "
                    + "or an evaluation budget to end the run");
        }
    }

    /** Run to time {@code horizon}, nothing else on. */
    public static StoppingRule horizon(double horizon) {
        return new StoppingRule(horizon, Double.NaN, Double.NaN, Double.POSITIVE_INFINITY, DEFAULT_MAX_EVALUATIONS,
                List.of(), DEFAULT_EVENT_TIME_TOLERANCE);
    }

    /** A copy that also stops at L ≤ {@code epsilon}. */
    public StoppingRule withLossTarget(double epsilon) {
        return new StoppingRule(horizon, epsilon, gradientTarget, normBound, maxEvaluations, events,
                eventTimeTolerance);
    }

    /** A copy that also stops at ‖∇L‖ ≤ {@code g}. */
    public StoppingRule withGradientTarget(double g) {
        return new StoppingRule(horizon, lossTarget, g, normBound, maxEvaluations, events, eventTimeTolerance);
    }

    /** A copy that reports divergence once ‖θ‖ &gt; {@code bound}. */
    public StoppingRule withNormBound(double bound) {
        return new StoppingRule(horizon, lossTarget, gradientTarget, bound, maxEvaluations, events,
                eventTimeTolerance);
    }

    /** A copy with a budget of {@code max} gradient evaluations. */
    public StoppingRule withMaxEvaluations(long max) {
        return new StoppingRule(horizon, lossTarget, gradientTarget, normBound, max, events, eventTimeTolerance);
    }

    /** A copy that also stops at {@code event}. */
    public StoppingRule withEvent(FlowEvent event) {
        List<FlowEvent> all = new ArrayList<>(events);
        all.add(event);
        return new StoppingRule(horizon, lossTarget, gradientTarget, normBound, maxEvaluations, all,
                eventTimeTolerance);
    }

    /** A copy with event times located to {@code tolerance}. */
    public StoppingRule withEventTimeTolerance(double tolerance) {
        return new StoppingRule(horizon, lossTarget, gradientTarget, normBound, maxEvaluations, events, tolerance);
    }
}
