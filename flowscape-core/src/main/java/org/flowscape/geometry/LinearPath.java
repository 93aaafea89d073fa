package org.flowscape.geometry;

import org.flowscape.internal.MemoryBudget;
import org.flowscape.internal.Checks;
import org.flowscape.linalg.Tolerance;
import org.flowscape.objective.Objective;

/** The straight path θ(λ) = (1 − λ) a + λ b between two parameter vectors, sampled at equally spaced λ. */
public final class LinearPath {
    private LinearPath() {
    }

    /** λ_k = k / (points − 1), k = 0..points − 1 (points ≥ 2); the last is exactly 1. */
    public static double[] lambdas(int points) {
        if (points < 2) {
            throw new IllegalArgumentException("a path needs at least 2 points, got " + points);
        }
        return Slices.axis(0, 1, points);
    }

    /** (1 − λ) a + λ b into {@code out} (length P, overwritten) and returned; a and b are read only. */
    public static double[] point(double[] a, double[] b, double lambda, double[] out) {
        for (int i = 0; i < a.length; i++) {
            out[i] = (1 - lambda) * a[i] + lambda * b[i];
        }
        return out;
    }

    /**
     * The loss profile along the straight path from a to b (both length P, read only) at {@code points} equally spaced
     * λ. Cost: {@code points} forward passes.
     */
    public static PathProfile profile(Objective objective, double[] a, double[] b, int points, Tolerance tolerance) {
        Checks.dimension("from", objective.dim(), a.length);
        Checks.dimension("to", objective.dim(), b.length);
        MemoryBudget.requireDoubles(2.0 * points, "a path of " + points + " points", "ask for fewer points");
        double[] lam = lambdas(points);
        double[] loss = new double[points];
        double[] theta = new double[a.length];
        for (int k = 0; k < points; k++) {
            org.flowscape.internal.Cancellation.checkpoint();
            loss[k] = objective.value(point(a, b, lam[k], theta));
        }
        return PathProfile.of(lam, loss, tolerance);
    }
}
