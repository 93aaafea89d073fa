package org.flowscape.dynamics;

import org.flowscape.linalg.Matrix;
import org.flowscape.linalg.SymmetricEigen;
import org.flowscape.objective.Objective;

/**
 * The theoretical rates a fitted rate is compared with (theory §0, §A.6, §C.2, F.10). All are rates of L − L*.
 */
public final class RatePredictions {
    /** Eigenvalues below this fraction of λ_max count as zero (the null directions of a Morse–Bott minimum). */
    public static final double NULL_RELATIVE = 1e-8;

    private RatePredictions() {
    }

    /**
     * The Hessian predictions at θ (read only), near a minimum: 2λ_min(H) (the rate at a non-degenerate minimum)
     * and 2λ⁺_min(H), twice the smallest eigenvalue above {@link #NULL_RELATIVE}·λ_max (the rate normal to a
     * manifold of minima). Cost: one dense Hessian and its eigenvalues.
     *
     * @return {2λ_min, 2λ⁺_min, λ_max}
     */
    public static double[] hessian(Objective objective, double[] theta) {
        int p = objective.dim();
        double[] h = objective.hessian(theta, new double[p * p]);
        double[] values = SymmetricEigen.values(new Matrix(p, p, h)).values();
        double max = values[p - 1];
        double positive = Double.NaN;
        for (double v : values) {
            if (v > NULL_RELATIVE * Math.abs(max)) {
                positive = v;
                break;
            }
        }
        return new double[] {2 * values[0], 2 * positive, max};
    }

    /**
     * The product-model loss rate 2λ with λ = f''(z*)√(c + 4z*²) (paper A, §A.6): the nonzero Hessian eigenvalue at
     * the minimizer and the rate of z − z*.
     */
    public static double product(double secondDerivative, double imbalance, double zStar) {
        return 2 * secondDerivative * Math.sqrt(imbalance + 4 * zStar * zStar);
    }

    /**
     * The per-step contraction of the excess loss under descent with step η near a minimum: max_j (1 − ηλ_j)² over
     * the eigenvalues above {@link #NULL_RELATIVE}·λ_max (read only).
     */
    public static double descentFactor(double[] eigenvalues, double eta) {
        double max = 0;
        for (double v : eigenvalues) {
            max = Math.max(max, Math.abs(v));
        }
        double factor = 0;
        for (double v : eigenvalues) {
            if (v > NULL_RELATIVE * max) {
                factor = Math.max(factor, (1 - eta * v) * (1 - eta * v));
            }
        }
        return factor;
    }

    /** A per-step factor q as a rate per unit of mapped time t = kη: −ln(q)/η. */
    public static double perTime(double factor, double eta) {
        return -Math.log(factor) / eta;
    }
}
