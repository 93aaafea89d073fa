package org.flowscape.analysis;

/**
 * The exact trust-region subproblem min g̃ᵀc + ½ cᵀΛc subject to ‖c‖ ≤ Δ in the Hessian's eigenbasis (Moré and
 * Sorensen 1983): c(μ) = −g̃/(λ + μ) with μ ≥ max(0, −λ_min) the smallest value giving ‖c(μ)‖ ≤ Δ, found by bisection
 * on a bracket; in the hard case (g̃ has no component along the lowest eigenvectors) the boundary is reached along
 * the lowest eigenvector. Package-private helper of {@link Polisher}.
 */
final class TrustRegion {
    private static final int BISECTIONS = 200;
    /** λ_min ≥ −FLAT_REL · ‖H‖ counts as flat (no hard-case step along it). */
    static final double FLAT_REL = 1e-12;

    private TrustRegion() {
    }

    /** The step coordinates for radius {@code delta}. */
    static double[] step(QuadraticModel m, double delta) {
        double lambdaMin = m.lambda[0];
        if (lambdaMin > 0) {
            double[] newton = shifted(m, 0);
            if (QuadraticModel.norm(newton) <= delta) {
                return newton;
            }
        }
        double low = Math.max(0, -lambdaMin);
        double[] atLow = shifted(m, low);
        if (QuadraticModel.norm(atLow) <= delta) {
            // Negative curvature at round-off level is flatness, not a direction worth a full radius.
            return -lambdaMin <= FLAT_REL * m.spectralRadius() ? atLow : hardCase(m, atLow, delta);
        }
        double high = low + m.gradientNorm / delta;
        for (int i = 0; i < BISECTIONS && high - low > Math.ulp(high); i++) {
            double mid = 0.5 * (low + high);
            if (QuadraticModel.norm(shifted(m, mid)) > delta) {
                low = mid;
            } else {
                high = mid;
            }
        }
        return shifted(m, high);
    }

    /** −g̃ⱼ/(λⱼ + μ), with 0 where λⱼ + μ ≤ 0 (the lowest modes at μ = −λ_min). */
    private static double[] shifted(QuadraticModel m, double mu) {
        double[] c = new double[m.p];
        for (int j = 0; j < m.p; j++) {
            double d = m.lambda[j] + mu;
            c[j] = d > 0 ? -m.gt[j] / d : 0;
        }
        return c;
    }

    private static double[] hardCase(QuadraticModel m, double[] c, double delta) {
        double n2 = 0;
        for (double x : c) {
            n2 += x * x;
        }
        double tau = Math.sqrt(Math.max(0, delta * delta - n2));
        c[0] += m.gt[0] > 0 ? -tau : tau;
        return c;
    }
}
