package org.flowscape.dynamics;

import java.util.Objects;

/**
 * How to integrate a gradient flow: the method, its tolerances or fixed step, the Rosenbrock tableau for the stiff
 * method, and whether explicit methods check whether they are crawling.
 *
 * @param method            the integrator
 * @param relativeTolerance adaptive methods: relative tolerance per component, in [1e-14, 1)
 * @param absoluteTolerance adaptive methods: absolute tolerance per component, &gt; 0
 * @param stepSize          RK4: the fixed step (required); stiff: a fixed step (NaN: adaptive); else ignored
 * @param tableau           the Rosenbrock tableau for {@link FlowMethod#STIFF}
 * @param stiffnessCheck    explicit methods: estimate h·λ_max(H) every so often and warn when stability-limited
 */
public record FlowConfig(FlowMethod method, double relativeTolerance, double absoluteTolerance, double stepSize,
        RosenbrockTableau tableau, boolean stiffnessCheck) {

    /** Default relative tolerance. */
    public static final double DEFAULT_RTOL = 1e-8;
    /** Default absolute tolerance. */
    public static final double DEFAULT_ATOL = 1e-10;

    public FlowConfig {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(tableau, "tableau");
        if (!(relativeTolerance >= 1e-14 && relativeTolerance < 1)) {
            throw new IllegalArgumentException("relative tolerance must be in [1e-14, 1), got " + relativeTolerance);
        }
        if (!(absoluteTolerance > 0)) {
            throw new IllegalArgumentException("absolute tolerance must be > 0, got " + absoluteTolerance);
        }
        if (method == FlowMethod.RK4 && !(stepSize > 0 && Double.isFinite(stepSize))) {
            throw new IllegalArgumentException("rk4 needs a fixed step > 0 (--step), got " + stepSize);
        }
        if (!Double.isNaN(stepSize) && !(stepSize > 0 && Double.isFinite(stepSize))) {
            throw new IllegalArgumentException("step size must be > 0 and finite (or NaN: adaptive), got " + stepSize);
        }
    }

    /** Adaptive {@code method} with the default tolerances. */
    public static FlowConfig of(FlowMethod method) {
        return new FlowConfig(method, DEFAULT_RTOL, DEFAULT_ATOL, Double.NaN, RosenbrockTableau.SHAMPINE4, true);
    }

    /** Automatic choice with the default tolerances. */
    public static FlowConfig defaults() {
        return of(FlowMethod.AUTO);
    }

    /** Fixed-step RK4 with step {@code h}. */
    public static FlowConfig rk4(double h) {
        return new FlowConfig(FlowMethod.RK4, DEFAULT_RTOL, DEFAULT_ATOL, h, RosenbrockTableau.SHAMPINE4, true);
    }

    /** A copy with these tolerances. */
    public FlowConfig withTolerances(double rtol, double atol) {
        return new FlowConfig(method, rtol, atol, stepSize, tableau, stiffnessCheck);
    }

    /** A copy with a fixed step (RK4, or a fixed-step Rosenbrock). */
    public FlowConfig withStepSize(double h) {
        return new FlowConfig(method, relativeTolerance, absoluteTolerance, h, tableau, stiffnessCheck);
    }

    /** A copy with another Rosenbrock tableau. */
    public FlowConfig withTableau(RosenbrockTableau t) {
        return new FlowConfig(method, relativeTolerance, absoluteTolerance, stepSize, t, stiffnessCheck);
    }

    /** A copy with the crawl check on or off. */
    public FlowConfig withStiffnessCheck(boolean on) {
        return new FlowConfig(method, relativeTolerance, absoluteTolerance, stepSize, tableau, on);
    }

    /** A copy with another method. */
    public FlowConfig withMethod(FlowMethod m) {
        return new FlowConfig(m, relativeTolerance, absoluteTolerance, stepSize, tableau, stiffnessCheck);
    }
}
