package org.flowscape.analysis;

import org.flowscape.linalg.Inertia;
import org.flowscape.linalg.Matrix;
import org.flowscape.linalg.SingularValues;
import org.flowscape.linalg.Tolerance;
import org.flowscape.objective.ModelObjective;
import org.flowscape.objective.Objective;

/**
 * Classifies a point: gradient norm, full Hessian spectrum, index, nullity, strict-saddle and Morse flags, and the
 * symmetry orbit's dimension against the nullity, so that flatness explained by the model's continuous symmetries is
 * told apart from excess degeneracy. Cost: one dense Hessian and eigensolve plus an SVD of the tangents.
 */
public final class Classifier {
    /**
     * A null direction of H lies in ker J when its cosine with J's row space is at most this (the cosines are the
     * singular values of R N, between 0 and 1).
     */
    public static final double ANGLE_TOL = 1e-6;

    private Classifier() {
    }

    /** Classifies with the default tolerances (eigenvalues 1e-8 relative, ranks {@link SymmetryOrbit#DEFAULT_RANK}). */
    public static CriticalPointReport classify(Objective objective, double[] theta, double gradientTolerance) {
        return classify(objective, theta, gradientTolerance, DenseSpectrum.DEFAULT_TOLERANCE,
                SymmetryOrbit.DEFAULT_RANK);
    }

    /** Classifies θ (read only) at the given tolerances. */
    public static CriticalPointReport classify(Objective objective, double[] theta, double gradientTolerance,
            Tolerance eigenTolerance, Tolerance rankTolerance) {
        int p = objective.dim();
        double[] g = new double[p];
        double value = objective.valueAndGradient(theta, g);
        double gnorm = org.flowscape.linalg.Vectors.norm2(g);
        DenseSpectrum spectrum = DenseSpectrum.of(objective, theta, eigenTolerance);
        Matrix tangents = SymmetryOrbit.tangents(objective, theta);
        int orbit = SymmetryOrbit.rank(tangents, rankTolerance);
        int explained = explained(tangents, spectrum, rankTolerance);
        Inertia in = spectrum.inertia();
        CriticalPointType type = type(gnorm <= gradientTolerance, in, p);
        int realisation = objective.view(ModelObjective.class)
                .map(m -> realisationNullity(m, theta, spectrum, rankTolerance)).orElse(-1);
        return new CriticalPointReport(value, gnorm, gradientTolerance, spectrum, type, in.negative() > 0,
                in.zero() == 0, orbit, explained, in.zero() - explained, realisation, rankTolerance);
    }

    static CriticalPointType type(boolean critical, Inertia in, int p) {
        if (!critical) {
            return CriticalPointType.NOT_CRITICAL;
        }
        if (in.zero() == 0) {
            return in.negative() == 0 ? CriticalPointType.MINIMUM
                    : in.positive() == 0 ? CriticalPointType.MAXIMUM : CriticalPointType.SADDLE;
        }
        if (in.negative() == 0) {
            return CriticalPointType.DEGENERATE_NONNEGATIVE;
        }
        return in.positive() == 0 ? CriticalPointType.DEGENERATE_NONPOSITIVE : CriticalPointType.DEGENERATE_SADDLE;
    }

    /**
     * dim(ker J ∩ ker H) = nullity − rank(R N) with R the row space of J (right singular vectors above the rank
     * tolerance) and N an orthonormal basis of H's numerical null space. Cost: the Jacobian and its SVD.
     */
    private static int realisationNullity(ModelObjective m, double[] theta, DenseSpectrum spectrum,
            Tolerance rankTolerance) {
        int p = m.dim();
        int nullity = spectrum.nullity();
        if (nullity == 0) {
            return 0;
        }
        int rows = m.outputCount();
        double[] j = m.jacobian(theta, new double[rows * p]);
        SingularValues svd = SingularValues.decompose(new Matrix(rows, p, j));
        double[] s = svd.values();
        double threshold = rankTolerance.threshold(s.length == 0 ? 0 : s[0]);
        int rank = 0;
        while (rank < s.length && s[rank] > threshold) {
            rank++;
        }
        double[] basis = nullBasis(spectrum);
        double[] rn = new double[rank * nullity];
        double[] vt = svd.vt().data();
        for (int r = 0; r < rank; r++) {
            for (int c = 0; c < nullity; c++) {
                double acc = 0;
                for (int i = 0; i < p; i++) {
                    acc += vt[r * p + i] * basis[i * nullity + c];
                }
                rn[r * nullity + c] = acc;
            }
        }
        return nullity - SymmetryOrbit.rank(new Matrix(rank, nullity, rn), new Tolerance(ANGLE_TOL, 0), 1.0);
    }

    /** The eigenvectors of the zero eigenvalues as columns (P × nullity, row-major). */
    private static double[] nullBasis(DenseSpectrum spectrum) {
        int p = spectrum.values().length;
        int nullity = spectrum.nullity();
        double threshold = spectrum.inertia().threshold();
        double[] vec = spectrum.eigen().vectors();
        double[] out = new double[p * nullity];
        int col = 0;
        for (int j = 0; j < p; j++) {
            if (Math.abs(spectrum.values()[j]) <= threshold) {
                for (int i = 0; i < p; i++) {
                    out[i * nullity + col] = vec[i * p + j];
                }
                col++;
            }
        }
        return out;
    }

    /** The rank of the tangents' coordinates in the numerical null space of H. */
    private static int explained(Matrix tangents, DenseSpectrum spectrum, Tolerance rankTolerance) {
        int p = spectrum.values().length;
        int t = tangents.rows();
        double threshold = spectrum.inertia().threshold();
        double[] values = spectrum.values();
        int nullity = spectrum.nullity();
        if (t == 0 || nullity == 0) {
            return 0;
        }
        double[] coords = new double[t * nullity];
        double[] vec = spectrum.eigen().vectors();
        int col = 0;
        for (int j = 0; j < p; j++) {
            if (Math.abs(values[j]) > threshold) {
                continue;
            }
            for (int r = 0; r < t; r++) {
                double s = 0;
                for (int i = 0; i < p; i++) {
                    s += tangents.data()[r * p + i] * vec[i * p + j];
                }
                coords[r * nullity + col] = s;
            }
            col++;
        }
        return Math.min(nullity, SymmetryOrbit.rank(new Matrix(t, nullity, coords), rankTolerance,
                SymmetryOrbit.largestSingularValue(tangents)));
    }
}
