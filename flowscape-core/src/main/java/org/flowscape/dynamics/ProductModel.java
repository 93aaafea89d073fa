package org.flowscape.dynamics;

import java.util.function.DoubleUnaryOperator;
import org.hipparchus.analysis.integration.IterativeLegendreGaussIntegrator;

/**
 * Analytics of paper A's vector product model g(w1, w2) = f(w2·w1), w1, w2 ∈ ℝ^k (theory §A.5–A.6): the product
 * z = w2·w1, the imbalance c = S² − 4z² (S = ‖w1‖² + ‖w2‖², equal to 2tr(C²) − (tr C)²), the reduced ODE
 * z' = −f'(z)√(c + 4z²) that the whole k-dimensional flow collapses to, its hitting times (closed form for the
 * quadratic cost, quadrature otherwise), the local rate at a minimizer and the distance to the stable manifold.
 */
public final class ProductModel {
    private ProductModel() {
    }

    /** z = Σ w1_i w2_i (both read only, same length k). */
    public static double product(double[] w1, double[] w2) {
        return org.flowscape.linalg.Vectors.dot(w1, w2);
    }

    /** c = S² − 4z² with S = ‖w1‖² + ‖w2‖² (conserved by the flow). */
    public static double imbalance(double[] w1, double[] w2) {
        double s = org.flowscape.linalg.Vectors.dot(w1, w1) + org.flowscape.linalg.Vectors.dot(w2, w2);
        double z = product(w1, w2);
        return s * s - 4 * z * z;
    }

    /** The reduced vector field z' = −f'(z)√(c + 4z²). */
    public static double reducedField(double fPrime, double imbalance, double z) {
        return -fPrime * Math.sqrt(imbalance + 4 * z * z);
    }

    /**
     * The closed-form time for the flow of f = ½(z − y)² to carry the product from z0 to z1 (theory §A.6):
     * T = [ln|Φ(z1)| − ln|Φ(z0)|]/R with R = √(4y² + c), Φ(z) = (4yz + c + R√(4z² + c)) / (4(z − y)). Both z0 and z1
     * must lie on the same side of y, with z1 between z0 and y; returns +∞ when z1 is not reached.
     */
    public static double hittingTimeQuadratic(double y, double imbalance, double z0, double z1) {
        if ((z0 - y) * (z1 - y) <= 0 || Math.abs(z1 - y) > Math.abs(z0 - y)) {
            return Double.POSITIVE_INFINITY;
        }
        double c = imbalance;
        double r = Math.sqrt(4 * y * y + c);
        return (Math.log(Math.abs(phi(z1, y, c, r))) - Math.log(Math.abs(phi(z0, y, c, r)))) / r;
    }

    private static double phi(double z, double y, double c, double r) {
        return (4 * y * z + c + r * Math.sqrt(4 * z * z + c)) / (4 * (z - y));
    }

    /**
     * The hitting time z0 → z1 of the reduced ODE for a general cost, T = ∫ dz / (−f'(z)√(c + 4z²)), by adaptive
     * Gauss–Legendre quadrature (Hipparchus) to relative accuracy {@code rtol}. f' must keep one sign on [z0, z1]
     * and move z towards z1; otherwise +∞.
     *
     * @param fPrime f' of the scalar cost
     */
    public static double hittingTime(DoubleUnaryOperator fPrime, double imbalance, double z0, double z1,
            double rtol) {
        double direction = Math.signum(z1 - z0);
        DoubleUnaryOperator speed = z -> reducedField(fPrime.applyAsDouble(z), imbalance, z);
        if (!(speed.applyAsDouble(z0) * direction > 0) || !(speed.applyAsDouble(z1) * direction > 0)) {
            return Double.POSITIVE_INFINITY;
        }
        IterativeLegendreGaussIntegrator quad = new IterativeLegendreGaussIntegrator(8, rtol, 1e-300);
        return direction * quad.integrate(10_000_000, z -> 1 / speed.applyAsDouble(z), Math.min(z0, z1),
                Math.max(z0, z1));
    }

    /** The local rate λ = f''(z*)√(c + 4z*²) of z − z* (the loss decays at 2λ). */
    public static double localRate(double secondDerivative, double imbalance, double zStar) {
        return secondDerivative * Math.sqrt(imbalance + 4 * zStar * zStar);
    }

    /** d = ‖w1 − s·w2‖, s = sign f'(0): the distance to the invariant set that flows into the saddle at 0. */
    public static double stableManifoldDistance(double[] w1, double[] w2, double signFPrimeAtZero) {
        double s = 0;
        for (int i = 0; i < w1.length; i++) {
            double d = w1[i] - signFPrimeAtZero * w2[i];
            s += d * d;
        }
        return Math.sqrt(s);
    }
}
