package org.flowscape.experiment.analyses;

import java.util.LinkedHashMap;
import java.util.Map;

import org.flowscape.linalg.Inertia;
import org.flowscape.linalg.LinearAlgebra;
import org.flowscape.linalg.Matrix;
import org.flowscape.linalg.SymmetricEigen;
import org.flowscape.linalg.Tolerance;
import org.flowscape.linalg.Vectors;
import org.flowscape.objective.ModelObjective;
import org.flowscape.objective.Objective;
import org.flowscape.spec.Problem;

/**
 * What {@code flowscape eval} computes at one θ: L, ‖∇L‖, and optionally the dense Hessian's spectrum and the NTK's
 * smallest eigenvalue.
 *
 * @param problem      the problem
 * @param blas         the BLAS backend's name
 * @param fallback     why native BLAS is not in use (empty when it is)
 * @param loss         L(θ)
 * @param gradientNorm ‖∇L(θ)‖₂
 * @param gradientMax  ‖∇L(θ)‖∞
 * @param hessian      the Hessian spectrum, or null when not asked for
 * @param ntk          the NTK summary, or null when the Hessian was not asked for
 * @param timingsMs    wall-clock milliseconds per stage, in order
 */
public record Evaluation(Problem problem, String blas, String fallback, double loss, double gradientNorm,
        double gradientMax, HessianSpectrum hessian, Ntk ntk, Map<String, Double> timingsMs) {
    /** The largest P for which a dense Hessian is formed. */
    public static final int MAX_DENSE_HESSIAN = 8000;
    /** The largest n·k for which the NTK Gram matrix is formed. */
    public static final int MAX_NTK = 4000;
    /** The default relative zero tolerance of the inertia. */
    public static final double DEFAULT_ZERO_TOL = 1e-9;

    /**
     * The full spectrum of the dense Hessian.
     *
     * @param eigenvalues all P eigenvalues, ascending
     * @param inertia     counts at the threshold {@code zeroTol} × spectral radius
     * @param zeroTol     the relative zero tolerance
     * @param asymmetry   max |H − Hᵀ| of the assembled Hessian (before LAPACK reads its upper triangle)
     */
    public record HessianSpectrum(double[] eigenvalues, Inertia inertia, double zeroTol, double asymmetry) {
        public HessianSpectrum {
            eigenvalues = eigenvalues.clone();
        }

        /** λ_min. */
        public double min() {
            return eigenvalues[0];
        }

        /** λ_max. */
        public double max() {
            return eigenvalues[eigenvalues.length - 1];
        }
    }

    /**
     * The NTK Gram matrix K = J Jᵀ ((n·k) × (n·k)).
     *
     * @param size       n·k
     * @param computed   false when skipped
     * @param min        λ_min(K) (NaN when skipped)
     * @param max        λ_max(K) (NaN when skipped)
     * @param skipReason why it was skipped (empty when computed)
     */
    public record Ntk(int size, boolean computed, double min, double max, String skipReason) {
    }

    /**
     * Evaluates {@code problem} at its θ.
     *
     * @param hessian whether to form the dense Hessian, its spectrum and the NTK
     * @param zeroTol relative zero tolerance for the inertia (≥ 0)
     * @param loadMs  milliseconds already spent loading the problem (recorded first in the timings)
     * @throws IllegalArgumentException when the Hessian is asked for above {@link #MAX_DENSE_HESSIAN} parameters
     */
    public static Evaluation run(Problem problem, boolean hessian, double zeroTol, double loadMs) {
        if (!(zeroTol >= 0) || Double.isInfinite(zeroTol)) {
            throw new IllegalArgumentException("--zero-tol must be a finite number >= 0, got " + zeroTol);
        }
        int p = problem.dim();
        if (hessian) {
            checkDenseSize(p);
        }
        Map<String, Double> t = new LinkedHashMap<>();
        t.put("load", loadMs);
        String blas = LinearAlgebra.blas().name();
        String fallback = LinearAlgebra.fallbackReason();
        Objective objective = problem.objective();
        double[] theta = problem.theta();
        double[] grad = new double[p];
        long start = System.nanoTime();
        double value = objective.valueAndGradient(theta, grad);
        t.put("gradient", millisSince(start));
        HessianSpectrum spectrum = null;
        Ntk ntk = null;
        if (hessian) {
            spectrum = spectrum(objective, theta, zeroTol, t);
            ntk = problem.isClosedForm() ? new Ntk(0, false, Double.NaN, Double.NaN, "a closed-form fn: model "
                    + "has no outputs") : ntk(problem.modelObjective(), theta, t);
        }
        return new Evaluation(problem, blas, fallback, value, Vectors.norm2(grad), Vectors.normInf(grad), spectrum,
                ntk, t);
    }

    private static void checkDenseSize(int p) {
        if (p > MAX_DENSE_HESSIAN) {
            double mb = 8.0 * p * p / 1e6;
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "a dense Hessian of P = %d parameters is a %d x %d matrix (%.0f MB, about twice that with the "
                            + "eigensolver's copy); the limit is P = %d: drop --hessian or use a smaller model",
                    p, p, p, mb, MAX_DENSE_HESSIAN));
        }
    }

    private static HessianSpectrum spectrum(Objective objective, double[] theta, double zeroTol,
            Map<String, Double> t) {
        int p = objective.dim();
        long start = System.nanoTime();
        Matrix h = new Matrix(p, p, objective.hessian(theta, new double[p * p]));
        t.put("hessian", millisSince(start));
        double asymmetry = h.asymmetry();
        start = System.nanoTime();
        SymmetricEigen eig = SymmetricEigen.values(h);
        t.put("hessian_eigenvalues", millisSince(start));
        return new HessianSpectrum(eig.values(), eig.inertia(new Tolerance(0, zeroTol)), zeroTol, asymmetry);
    }

    private static Ntk ntk(ModelObjective objective, double[] theta, Map<String, Double> t) {
        int m = objective.outputCount();
        if (m > MAX_NTK) {
            return new Ntk(m, false, Double.NaN, Double.NaN, "n*k = " + m + " > " + MAX_NTK
                    + " (the Gram matrix K would be " + m + " x " + m + ")");
        }
        long start = System.nanoTime();
        SymmetricEigen eig = SymmetricEigen.values(new Matrix(m, m, objective.ntk(theta, new double[m * m])));
        t.put("ntk", millisSince(start));
        return new Ntk(m, true, eig.min(), eig.max(), "");
    }

    private static double millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e6;
    }
}
