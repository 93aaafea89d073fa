package org.flowscape.operation.eval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flowscape.linalg.Inertia;
import org.flowscape.linalg.LinearAlgebra;
import org.flowscape.linalg.Matrix;
import org.flowscape.linalg.SymmetricEigen;
import org.flowscape.linalg.Tolerance;
import org.flowscape.linalg.Vectors;
import org.flowscape.objective.ModelObjective;
import org.flowscape.objective.Objective;
import org.flowscape.operation.NtkSummary;
import org.flowscape.spec.Problem;

/**
 * The {@code eval} operation and its result: what {@code flowscape eval} prints and the {@code eval} study analysis
 * records, at one θ: L, ‖∇L‖, and as {@link EvalSettings} asks, the dense Hessian (its spectrum, and the matrix
 * itself), H·v for given vectors, the Jacobian's singular values and rank, the NTK's extreme eigenvalues and the
 * signed values of conserved quantities.
 *
 * @param problem      the problem
 * @param blas         the BLAS backend's name
 * @param fallback     why native BLAS is not in use (empty when it is)
 * @param loss         L(θ)
 * @param gradientNorm ‖∇L(θ)‖₂
 * @param gradientMax  ‖∇L(θ)‖∞
 * @param hessian      the Hessian spectrum, or null when not asked for
 * @param ntk          the NTK summary, or null when the Hessian was not asked for
 * @param hessianMatrix the dense Hessian (P × P, row-major), or null when not asked for
 * @param hvps         H·v for each asked v, in order (empty when none)
 * @param jacobian     the Jacobian's singular values and rank, or null when not asked for
 * @param conserved    each asked conserved quantity's signed entries at θ, in order (empty when none)
 * @param timingsMs    wall-clock milliseconds per stage, in order
 */
public record Evaluation(Problem problem, String blas, String fallback, double loss, double gradientNorm,
        double gradientMax, HessianSpectrum hessian, NtkSummary ntk, double[] hessianMatrix, List<Hvp> hvps,
        JacobianSpectrum jacobian, List<Conserved> conserved, Map<String, Double> timingsMs) {
    /** The largest P for which a dense Hessian is formed. */
    public static final int MAX_DENSE_HESSIAN = 8000;
    /** The largest n·k for which the NTK Gram matrix is formed. */
    public static final int MAX_NTK = NtkSummary.DEFAULT_MAX;
    /** The largest n·k·P for which the Jacobian is formed and decomposed (8 bytes each: 400 MB). */
    public static final long MAX_JACOBIAN = NtkSummary.JACOBIAN_BUDGET;

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
     * One Hessian-vector product.
     *
     * @param v the direction (length P)
     * @param hv H(θ)·v (length P), from the objective's analytic product
     */
    public record Hvp(double[] v, double[] hv) {
    }

    /**
     * The singular values of the Jacobian J = ∂(predictions)/∂θ ((n·k) × P).
     *
     * @param rows n·k
     * @param cols P
     * @param values the min(n·k, P) singular values, descending
     * @param rank the count above {@code threshold}
     * @param threshold zero_tol · σ_max (the same relative tolerance as the inertia)
     */
    public record JacobianSpectrum(int rows, int cols, double[] values, int rank, double threshold) {
    }

    /**
     * A conserved quantity's value at θ.
     *
     * @param monitor the monitor that defines it (imbalance, neurons, sigmoid)
     * @param name its name, e.g. {@code C_1}
     * @param values its signed entries (a matrix row-major, a vector over neurons, or one number)
     */
    public record Conserved(String monitor, String name, double[] values) {
    }

    /**
     * Evaluates {@code problem} at its θ (read only).
     *
     * @param settings what to compute besides L and ∇L
     * @param loadMs milliseconds already spent loading the problem (recorded first in the timings)
     * @throws IllegalArgumentException when a dense matrix is asked for above its limit, or a vector has the wrong
     *     length
     */
    public static Evaluation run(Problem problem, EvalSettings settings, double loadMs) {
        settings.validate();
        int p = problem.dim();
        boolean dense = settings.hessian() || settings.printHessian();
        if (dense) {
            checkDenseSize(p);
        }
        Map<String, Double> t = new LinkedHashMap<>();
        t.put("load", loadMs);
        Objective objective = problem.objective();
        double[] theta = problem.theta();
        double[] grad = new double[p];
        long start = System.nanoTime();
        double value = objective.valueAndGradient(theta, grad);
        t.put("gradient", millisSince(start));
        double[] h = dense ? hessian(objective, theta, t) : null;
        HessianSpectrum spectrum = settings.hessian() ? spectrum(h, p, settings.zeroTol(), t) : null;
        NtkSummary ntk = !settings.hessian() ? null : problem.isClosedForm()
                ? NtkSummary.skipped(0, "a closed-form fn: model has no outputs") : ntk(problem.modelObjective(), theta, t);
        List<Hvp> hvps = EvalExtras.hvps(objective, theta, settings.hvp());
        JacobianSpectrum jac = settings.jacobian() ? EvalExtras.jacobian(problem.modelObjective(), theta, settings.zeroTol(), t)
                : null;
        List<Conserved> conserved = settings.conserved().isEmpty() ? List.of()
                : EvalExtras.conserved(problem.modelObjective(), theta, value, grad, settings.conserved());
        return new Evaluation(problem, LinearAlgebra.blas().name(), LinearAlgebra.fallbackReason(), value,
                Vectors.norm2(grad), Vectors.normInf(grad), spectrum, ntk, settings.printHessian() ? h : null, hvps,
                jac, conserved, t);
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

    private static double[] hessian(Objective objective, double[] theta, Map<String, Double> t) {
        int p = objective.dim();
        long start = System.nanoTime();
        double[] h = objective.hessian(theta, new double[p * p]);
        t.put("hessian", millisSince(start));
        return h;
    }

    private static HessianSpectrum spectrum(double[] hessian, int p, double zeroTol, Map<String, Double> t) {
        Matrix h = new Matrix(p, p, hessian);
        double asymmetry = h.asymmetry();
        long start = System.nanoTime();
        SymmetricEigen eig = SymmetricEigen.values(h);
        t.put("hessian_eigenvalues", millisSince(start));
        return new HessianSpectrum(eig.values(), eig.inertia(new Tolerance(0, zeroTol)), zeroTol, asymmetry);
    }

    private static NtkSummary ntk(ModelObjective objective, double[] theta, Map<String, Double> t) {
        long start = System.nanoTime();
        NtkSummary ntk = NtkSummary.of(objective, theta, MAX_NTK, "");
        if (ntk.computed()) {
            t.put("ntk", millisSince(start));
        }
        return ntk;
    }

    static double millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e6;
    }
}
