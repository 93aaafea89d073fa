package org.flowscape.analysis;

import org.flowscape.linalg.Blas;
import org.flowscape.linalg.LinearAlgebra;
import org.flowscape.linalg.Vectors;
import org.flowscape.objective.Objective;

/**
 * Newton's quadratic model of L at θ with the dense Hessian kept as formed, and the trust-region step computed as
 * cheaply as the model allows: first a Cholesky solve of H s = −∇L (n³/3 flops, LAPACK dposv); only when H is not
 * positive definite or that step leaves the trust region is H eigendecomposed (≈ 9P³ flops) for the exact
 * Moré–Sorensen subproblem of {@link TrustRegion}. Both results are kept, so a rejected step (a smaller radius at the
 * same θ) costs no factorization. Package-private helper of {@link Polisher}.
 */
final class NewtonModel {
    final double value;
    final double[] gradient;
    final double gradientNorm;
    /** The dense Hessian, P × P row-major (read only). */
    final double[] hessian;
    final int p;
    private boolean choleskyTried;
    private double[] newton;
    private QuadraticModel eigen;

    private NewtonModel(double value, double[] gradient, double[] hessian) {
        this.value = value;
        this.gradient = gradient;
        this.gradientNorm = Vectors.norm2(gradient);
        this.hessian = hessian;
        this.p = gradient.length;
    }

    /**
     * The model at θ (read only) given L(θ) and ∇L(θ) (kept, not copied); null when they or the Hessian are not
     * finite. Cost: one dense Hessian.
     */
    static NewtonModel at(Objective objective, double[] theta, double value, double[] gradient) {
        int p = objective.dim();
        if (!Double.isFinite(value) || !Vectors.allFinite(gradient)) {
            return null;
        }
        double[] h = objective.hessian(theta, new double[p * p]);
        return Vectors.allFinite(h) ? new NewtonModel(value, gradient, h) : null;
    }

    /** The step s (parameter space, a new array) of the trust-region subproblem with radius {@code delta}. */
    double[] step(double delta) {
        if (!choleskyTried) {
            choleskyTried = true;
            double[] a = hessian.clone();
            double[] b = new double[p];
            for (int i = 0; i < p; i++) {
                b[i] = -gradient[i];
            }
            int info = LinearAlgebra.blas().positiveDefiniteSolve(p, 1, a, b);
            newton = info == 0 && Vectors.allFinite(b) ? b : null;
        }
        if (newton != null && Vectors.norm2(newton) <= delta) {
            return newton.clone();
        }
        if (eigen == null) {
            eigen = QuadraticModel.of(value, gradient, hessian.clone());
        }
        return eigen.toParameters(TrustRegion.step(eigen, delta));
    }

    /** The model's predicted decrease −∇Lᵀs − ½ sᵀHs. Cost: one P × P matrix-vector product. */
    double predictedDecrease(double[] s) {
        double[] hs = new double[p];
        Blas blas = LinearAlgebra.blas();
        blas.gemm(false, false, p, 1, p, 1.0, hessian, p, s, 1, 0.0, hs, 1);
        return -Vectors.dot(gradient, s) - 0.5 * Vectors.dot(s, hs);
    }
}
