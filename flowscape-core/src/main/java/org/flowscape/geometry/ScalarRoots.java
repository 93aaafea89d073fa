package org.flowscape.geometry;

import java.util.function.DoubleUnaryOperator;
import org.hipparchus.analysis.solvers.AllowedSolution;
import org.hipparchus.analysis.solvers.BracketingNthOrderBrentSolver;

/**
 * The scalar roots of the Theorem 1 construction in c ↦ L(c·P): closed forms for squared losses, where
 * L(cP) = (κ/2)(A c² − 2 B c + Y) with A = Σ p², B = Σ p·y, Y = Σ y² over all n·k entries and κ the loss's curvature
 * factor, and Hipparchus' bracketing Brent solver (order 5) for other convex losses.
 */
final class ScalarRoots {
    /** Relative accuracy handed to the Brent solver (its absolute accuracy is the config's rootAccuracy). */
    static final double RELATIVE_ACCURACY = 1e-15;

    private ScalarRoots() {
    }

    /**
     * The positive root of L(cP) = v for a squared loss with curvature κ, given L(0) &lt; v; NaN when P = 0. Written in
     * the cancellation-free form for B &lt; 0.
     */
    static double squaredUpperRoot(double[] p, double[] y, double kappa, double v) {
        double a = 0;
        double b = 0;
        double yy = 0;
        for (int i = 0; i < p.length; i++) {
            a += p[i] * p[i];
            b += p[i] * y[i];
            yy += y[i] * y[i];
        }
        if (!(a > 0)) {
            return Double.NaN;
        }
        double excess = (2 / kappa) * v - yy;
        double s = Math.sqrt(b * b + a * excess);
        return b >= 0 ? (b + s) / a : excess / (s - b);
    }

    /** c' = max{1, 2B/A − 1}: the other root of L(cP) = L(P) when it lies above 1. */
    static double squaredEndScale(double[] p, double[] y) {
        double a = 0;
        double b = 0;
        for (int i = 0; i < p.length; i++) {
            a += p[i] * p[i];
            b += p[i] * y[i];
        }
        return Math.max(1.0, 2 * b / a - 1);
    }

    /**
     * The positive root of g(c) = v given g(0) &lt; v and g convex: the bracket [lo, hi] is found by doubling hi from 1
     * until g(hi) ≥ v, then Brent. NaN when hi would pass maxScale.
     */
    static double bracketedUpperRoot(DoubleUnaryOperator g, double v, MonotonePathConfig config) {
        double lo = 0;
        double hi = 1;
        while (g.applyAsDouble(hi) < v) {
            lo = hi;
            hi *= 2;
            if (hi > config.maxScale()) {
                return Double.NaN;
            }
        }
        return solve(c -> g.applyAsDouble(c) - v, lo, hi, config);
    }

    /**
     * The root of g(c) = target in (1, cTilde) when g(1) = target and g falls after 1 (g convex, g(cTilde) &gt;
     * target): a left end with g &lt; target is found by halving towards 1; 1 when no such point is found (flat to
     * round-off).
     */
    static double bracketedEndScale(DoubleUnaryOperator g, double cTilde, double target, MonotonePathConfig config) {
        double step = cTilde - 1;
        for (int j = 0; j < 60; j++) {
            step /= 2;
            double a = 1 + step;
            if (g.applyAsDouble(a) < target) {
                return solve(c -> g.applyAsDouble(c) - target, a, cTilde, config);
            }
        }
        return 1.0;
    }

    private static double solve(DoubleUnaryOperator h, double lo, double hi, MonotonePathConfig config) {
        BracketingNthOrderBrentSolver solver = new BracketingNthOrderBrentSolver(RELATIVE_ACCURACY,
                config.rootAccuracy(), 5);
        return solver.solve(config.maxEvaluations(), h::applyAsDouble, lo, hi, AllowedSolution.ANY_SIDE);
    }
}
