package org.flowscape.analysis;

import org.flowscape.linalg.Matrix;
import org.flowscape.linalg.SymmetricEigen;
import org.flowscape.objective.Objective;

/**
 * The second-order model of L at θ in the Hessian's eigenbasis: eigenvalues λ (ascending), eigenvectors V and the
 * gradient's coordinates g̃ = Vᵀ∇L. Steps are built as coordinates c and mapped back by s = V c. Package-private
 * helper of the polishers. Cost to build: the dense Hessian plus an O(P³) eigensolve.
 */
final class QuadraticModel {
    final double value;
    final double[] gradient;
    final double gradientNorm;
    final double[] lambda;
    final double[] vectors;
    final double[] gt;
    final int p;

    private QuadraticModel(double value, double[] gradient, SymmetricEigen eigen) {
        this.value = value;
        this.gradient = gradient;
        this.gradientNorm = org.flowscape.linalg.Vectors.norm2(gradient);
        this.lambda = eigen.values();
        this.vectors = eigen.vectors();
        this.p = gradient.length;
        this.gt = new double[p];
        for (int j = 0; j < p; j++) {
            double s = 0;
            for (int i = 0; i < p; i++) {
                s += vectors[i * p + j] * gradient[i];
            }
            gt[j] = s;
        }
    }

    /** The model at θ (read only), or null when the value or gradient is not finite. */
    static QuadraticModel at(Objective objective, double[] theta) {
        int p = objective.dim();
        double[] g = new double[p];
        double v = objective.valueAndGradient(theta, g);
        if (!Double.isFinite(v) || !org.flowscape.linalg.Vectors.allFinite(g)) {
            return null;
        }
        double[] h = objective.hessian(theta, new double[p * p]);
        if (!org.flowscape.linalg.Vectors.allFinite(h)) {
            return null;
        }
        return new QuadraticModel(v, g, SymmetricEigen.decompose(new Matrix(p, p, h)));
    }

    /** The model from a value, gradient (kept) and dense Hessian (P × P, may be consumed). Cost: the eigensolve. */
    static QuadraticModel of(double value, double[] gradient, double[] hessian) {
        int p = gradient.length;
        return new QuadraticModel(value, gradient, SymmetricEigen.decompose(new Matrix(p, p, hessian)));
    }

    /** s = V c (a new array). */
    double[] toParameters(double[] c) {
        double[] s = new double[p];
        for (int i = 0; i < p; i++) {
            double acc = 0;
            int row = i * p;
            for (int j = 0; j < p; j++) {
                acc += vectors[row + j] * c[j];
            }
            s[i] = acc;
        }
        return s;
    }

    /** ‖H∇L‖₂ = ‖λ ∘ g̃‖: the gradient of the merit ½‖∇L‖². */
    double meritGradientNorm() {
        double s = 0;
        for (int j = 0; j < p; j++) {
            s += lambda[j] * gt[j] * lambda[j] * gt[j];
        }
        return Math.sqrt(s);
    }

    /** The largest |λ|. */
    double spectralRadius() {
        return p == 0 ? 0 : Math.max(Math.abs(lambda[0]), Math.abs(lambda[p - 1]));
    }

    static double norm(double[] c) {
        return org.flowscape.linalg.Vectors.norm2(c);
    }
}
