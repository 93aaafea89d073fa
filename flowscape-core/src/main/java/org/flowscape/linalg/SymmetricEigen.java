package org.flowscape.linalg;

import org.flowscape.internal.Checks;

/**
 * The eigendecomposition of a real symmetric matrix, eigenvalues ascending. Computed by LAPACK dsyevd through
 * {@link LinearAlgebra#blas()}.
 *
 * @param values  eigenvalues, ascending, length n
 * @param vectors n×n row-major matrix whose column j is the unit eigenvector of {@code values[j]}, or null when
 *                only values were computed
 */
public record SymmetricEigen(double[] values, double[] vectors) {

    /** Eigenvalues only of the n×n row-major symmetric matrix {@code a} (read only; copied). */
    public static SymmetricEigen values(Matrix a) {
        return compute(a, false);
    }

    /** Eigenvalues and eigenvectors of the symmetric matrix {@code a} (read only; copied). */
    public static SymmetricEigen decompose(Matrix a) {
        return compute(a, true);
    }

    private static SymmetricEigen compute(Matrix a, boolean wantVectors) {
        Checks.dimension("columns of a symmetric matrix", a.rows(), a.cols());
        int n = a.rows();
        Checks.finite("matrix", a.data());
        double[] work = a.data().clone();
        double[] w = new double[n];
        int info = LinearAlgebra.blas().symmetricEigen(n, work, wantVectors, w);
        if (info != 0) {
            throw new ArithmeticException("symmetric eigendecomposition failed to converge (LAPACK info " + info + ")");
        }
        return new SymmetricEigen(w, wantVectors ? work : null);
    }

    /** The number of eigenvalues. */
    public int size() {
        return values.length;
    }

    /** A copy of the unit eigenvector for {@code values[j]}. */
    public double[] vector(int j) {
        if (vectors == null) {
            throw new IllegalStateException("eigenvectors were not computed; use SymmetricEigen.decompose");
        }
        int n = values.length;
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = vectors[i * n + j];
        }
        return v;
    }

    /** The smallest eigenvalue (NaN for an empty matrix). */
    public double min() {
        return values.length == 0 ? Double.NaN : values[0];
    }

    /** The largest eigenvalue (NaN for an empty matrix). */
    public double max() {
        return values.length == 0 ? Double.NaN : values[values.length - 1];
    }

    /** max |λ|: the spectral radius. */
    public double spectralRadius() {
        return values.length == 0 ? 0 : Math.max(Math.abs(min()), Math.abs(max()));
    }

    /** The inertia of the spectrum at the given tolerance (applied relative to the spectral radius). */
    public Inertia inertia(Tolerance tolerance) {
        return Inertia.of(values, tolerance);
    }
}
