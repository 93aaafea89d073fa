package org.flowscape.dynamics;

import java.util.Locale;

/** The integrators for the gradient flow θ' = −∇L(θ). */
public enum FlowMethod {
    /** Dormand–Prince 8(5,3), adaptive ({@code EmbeddedRungeKutta}): the method for tight tolerances (to 1e-13). */
    DOPRI853("dopri853", 6.0),
    /** Dormand–Prince 5(4), adaptive ({@code EmbeddedRungeKutta}): cheaper per step at loose tolerances. */
    DOPRI54("dopri54", 3.3),
    /** Classical fixed-step Runge–Kutta of order 4 (Hipparchus), for comparisons and order studies. */
    RK4("rk4", 2.785),
    /** Our Rosenbrock stepper with the exact Hessian (see {@link RosenbrockTableau}): for stiff flows. */
    STIFF("stiff", Double.POSITIVE_INFINITY),
    /** Chosen at θ0 by size and stiffness; the choice and its reason go into the result. */
    AUTO("auto", Double.NaN);

    private final String spelling;
    private final double stabilityBoundary;

    FlowMethod(String spelling, double stabilityBoundary) {
        this.spelling = spelling;
        this.stabilityBoundary = stabilityBoundary;
    }

    /** The command-line spelling. */
    public String spelling() {
        return spelling;
    }

    /** Approximate extent of the stability region on the negative real axis (h·λ), used by the crawl check. */
    double stabilityBoundary() {
        return stabilityBoundary;
    }

    /** True for the explicit methods. */
    public boolean explicit() {
        return this == DOPRI853 || this == DOPRI54 || this == RK4;
    }

    /** Parses a spelling such as {@code dopri853}. */
    public static FlowMethod parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (FlowMethod m : values()) {
            if (m.spelling.equals(t)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown flow method '" + text + "'; use one of dopri853, dopri54, rk4, "
                + "stiff, auto");
    }
}
