package org.flowscape.dynamics;

import java.util.List;

/**
 * The outcome of a flow or descent run: how it ended, where, at what cost, and the sampled trajectory.
 *
 * @param method                 the method that ran, e.g. {@code dopri853}, {@code stiff(shampine4)}, {@code gd}
 * @param choice                 why this method ran (the automatic choice's reason, or "requested")
 * @param status                 how the run ended
 * @param time                   the time reached (located crossing time for events and targets)
 * @param steps                  accepted steps (descent: iterations)
 * @param rejectedSteps          rejected adaptive steps, or {@link #UNKNOWN} where the integrator does not report
 *                               them (Hipparchus' adaptive Runge–Kutta)
 * @param gradientEvaluations    gradient evaluations the method itself made
 * @param auxiliaryEvaluations   extra gradient evaluations for dense output, event location and diagnostics
 * @param hessianEvaluations     dense Hessians (stiff method) plus Hessian-vector products (diagnostics)
 * @param theta                  the final state (for divergence: the last finite accepted state), copied
 * @param loss                   L at {@code theta}
 * @param gradientNorm           ‖∇L‖ at {@code theta}
 * @param initialLoss            L(θ0)
 * @param event                  the name of the condition that stopped the run (empty for the horizon)
 * @param relativeTolerance      the integrator's relative tolerance (NaN for fixed-step methods)
 * @param absoluteTolerance      the integrator's absolute tolerance (NaN for fixed-step methods)
 * @param stepSize               the fixed step or learning rate (NaN for adaptive methods)
 * @param stiffnessWarning       non-empty when an explicit method was found stability-limited (crawling)
 * @param samples                the trajectory on the requested grid (dense output)
 */
public record FlowResult(String method, String choice, Status status, double time, long steps, long rejectedSteps,
        long gradientEvaluations, long auxiliaryEvaluations, long hessianEvaluations, double[] theta, double loss,
        double gradientNorm, double initialLoss, String event, double relativeTolerance, double absoluteTolerance,
        double stepSize, String stiffnessWarning, List<Sample> samples) {

    /** The value of {@link #rejectedSteps()} when the integrator does not report its rejections. */
    public static final long UNKNOWN = -1;

    public FlowResult {
        theta = theta.clone();
        samples = List.copyOf(samples);
    }

    /** True when the run diverged (non-finite values or the norm bound). */
    public boolean diverged() {
        return status.diverged();
    }
}
