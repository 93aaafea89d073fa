package org.flowscape.analysis;

import org.flowscape.linalg.Inertia;
import org.flowscape.linalg.Matrix;
import org.flowscape.linalg.SymmetricEigen;
import org.flowscape.linalg.Tolerance;
import org.flowscape.objective.Objective;

/**
 * All eigenvalues and eigenvectors of the Hessian at θ, from the dense Hessian and LAPACK ({@link SymmetricEigen}),
 * with the inertia at a stated tolerance relative to the spectral radius.
 *
 * @param eigen     eigenvalues ascending and unit eigenvectors (columns)
 * @param inertia   negative / zero / positive counts and the absolute threshold used
 * @param tolerance the tolerance the inertia was taken at (threshold = abs + rel · spectral radius)
 */
public record DenseSpectrum(SymmetricEigen eigen, Inertia inertia, Tolerance tolerance) {

    /** The default tolerance for calling an eigenvalue zero: 1e-8 relative to the spectral radius (theory.md B.8). */
    public static final Tolerance DEFAULT_TOLERANCE = new Tolerance(0, 1e-8);

    /**
     * The spectrum of H(θ). θ is read only. Cost: the dense Hessian (P HVPs, batched) plus an O(P³) eigensolve.
     */
    public static DenseSpectrum of(Objective objective, double[] theta, Tolerance tolerance) {
        int p = objective.dim();
        double[] h = objective.hessian(theta, new double[p * p]);
        return ofMatrix(new Matrix(p, p, h), tolerance);
    }

    /** The spectrum of a given symmetric matrix (read only). */
    public static DenseSpectrum ofMatrix(Matrix hessian, Tolerance tolerance) {
        SymmetricEigen e = SymmetricEigen.decompose(hessian);
        return new DenseSpectrum(e, e.inertia(tolerance), tolerance);
    }

    /** Eigenvalues, ascending (the array itself; do not modify). */
    public double[] values() {
        return eigen.values();
    }

    /** The Morse index: the number of eigenvalues below −threshold. */
    public int index() {
        return inertia.negative();
    }

    /** The nullity: the number of eigenvalues with |λ| ≤ threshold. */
    public int nullity() {
        return inertia.zero();
    }
}
