package org.flowscape.cli;

import org.flowscape.analysis.Certificate;
import org.flowscape.analysis.Certifier;
import org.flowscape.analysis.precise.Certification;
import org.flowscape.analysis.Classifier;
import org.flowscape.analysis.CriticalPointReport;
import org.flowscape.analysis.CriticalPointType;
import org.flowscape.analysis.Lanczos;
import org.flowscape.analysis.LanczosConfig;
import org.flowscape.analysis.LanczosResult;
import org.flowscape.analysis.PolishConfig;
import org.flowscape.analysis.PolishMethod;
import org.flowscape.analysis.PolishResult;
import org.flowscape.analysis.Polisher;
import org.flowscape.analysis.SpectralDensity;
import org.flowscape.analysis.StochasticLanczosQuadrature;
import org.flowscape.analysis.SymmetryOrbit;
import org.flowscape.linalg.Matrix;
import org.flowscape.linalg.SymmetricEigen;
import org.flowscape.linalg.Tolerance;
import org.flowscape.linalg.Vectors;
import org.flowscape.objective.ModelObjective;
import org.flowscape.operation.NtkSummary;
import org.flowscape.spec.Problem;
import org.flowscape.operation.AnalysisJson;

/**
 * The computation behind {@code flowscape analyze}: optionally polish θ, then at the final θ the loss, ‖∇L‖, the
 * extremal Hessian eigenvalues with true residuals (dense when P ≤ {@link Settings#denseMax}, else Lanczos on HVPs),
 * an SLQ spectral density, the NTK's smallest eigenvalue, and a verdict (classified from the dense spectrum and,
 * for P ≤ {@link Certifier#MAX_PARAMETERS}, certified by interval arithmetic; from Lanczos otherwise).
 *
 * @param problem  the problem, θ as loaded
 * @param settings what was asked
 * @param polish   the polish result, or null when not asked for
 * @param theta    the θ analyzed (the polished one when polishing)
 * @param value    L(θ)
 * @param gradNorm ‖∇L(θ)‖₂
 * @param hessian  the extremal eigenpairs
 * @param report   the dense classification, or null when P &gt; denseMax
 * @param density  the SLQ density
 * @param ntk      the NTK's extreme eigenvalues, or the reason they were skipped
 * @param verdict  minimum, saddle, … and how it was decided
 */
record AnalyzeRun(Problem problem, Settings settings, PolishResult polish, double[] theta, double value,
        double gradNorm, Extremes hessian, CriticalPointReport report, SpectralDensity density, NtkSummary ntk,
        Verdict verdict) {

    /**
     * The options of one run.
     *
     * @param polish        polish θ before analyzing
     * @param method        the polish method
     * @param gradientTol   ‖∇L‖ at or below this counts as critical, and is the polish target
     * @param maxIterations the polish limit
     * @param zeroTol       eigenvalues with |λ| ≤ zeroTol · spectral radius count as zero; also the relative
     *                      Lanczos residual tolerance
     * @param extremes      how many eigenvalues to report at each end
     * @param denseMax      the largest P analyzed with the dense Hessian
     * @param lanczosSteps  Lanczos steps at most
     * @param probes        SLQ probes
     * @param steps         SLQ steps per probe
     * @param grid          SLQ grid points
     * @param certify       attempt the interval certificate where P allows
     * @param ntkMax        the largest n·k for the NTK eigensolve
     * @param seed          root seed of every random probe
     */
    record Settings(boolean polish, PolishMethod method, double gradientTol, int maxIterations, double zeroTol,
            int extremes, int denseMax, int lanczosSteps, int probes, int steps, int grid, boolean certify,
            int ntkMax, long seed) {
    }

    /**
     * Extremal Hessian eigenvalues, ascending, with ‖Hv − λv‖ recomputed by HVPs.
     *
     * @param method    "dense" or "lanczos"
     * @param values    the eigenvalues reported, ascending (the smallest, then the largest)
     * @param residuals ‖Hv − λv‖₂ per value
     * @param converged per value: residual ≤ threshold (always true for dense)
     * @param threshold the absolute residual and zero threshold (zeroTol · spectral radius)
     * @param vectors   the unit eigenvectors as rows (values.length × P, row-major, θ's order)
     * @param lanczos   the Lanczos result, or null for dense
     */
    record Extremes(String method, double[] values, double[] residuals, boolean[] converged, double threshold,
            double[] vectors, LanczosResult lanczos) {
    }

    /**
     * The verdict.
     *
     * @param type        the classification (a {@link CriticalPointType} name, or {@code NO_NEGATIVE_CURVATURE_FOUND}
     *                    when Lanczos saw none)
     * @param certificate the interval certificate, or null when not attempted
     * @param basis       one line: how the verdict was reached
     */
    record Verdict(String type, Certificate certificate, String basis) {
    }

    /** Runs the analysis. Cost: dense O(P³) or Lanczos O(steps · HVP), SLQ O(probes · steps · HVP), NTK O((nk)³). */
    static AnalyzeRun run(Problem problem, Settings s) {
        ModelObjective f = problem.modelObjective();
        int p = f.dim();
        PolishResult polish = null;
        double[] theta = problem.theta();
        if (s.polish()) {
            polish = Polisher.polish(f, theta, new PolishConfig(s.method(), s.gradientTol(), s.maxIterations(), 1.0,
                    1e6));
            theta = polish.theta();
        }
        double[] g = new double[p];
        double value = f.valueAndGradient(theta, g);
        double gnorm = Vectors.norm2(g);
        Tolerance zero = new Tolerance(0, s.zeroTol());
        CriticalPointReport report = null;
        Extremes hessian;
        if (p <= s.denseMax()) {
            report = Classifier.classify(f, theta, s.gradientTol(), zero, SymmetryOrbit.DEFAULT_RANK);
            hessian = dense(f, theta, report.spectrum().eigen(), report.spectrum().inertia().threshold(),
                    s.extremes());
        } else {
            LanczosResult l = Lanczos.extremal(f, theta, new LanczosConfig(Math.min(s.extremes(), p),
                    Math.min(s.extremes(), p), s.lanczosSteps(), zero, s.seed()));
            hessian = new Extremes("lanczos", l.values(), l.residuals(), l.converged(), l.threshold(), l.vectors(),
                    l);
        }
        SpectralDensity density = StochasticLanczosQuadrature.estimate(f, theta, s.probes(), s.steps(), s.grid(),
                0.01, s.seed());
        NtkSummary ntk = NtkSummary.of(f, theta, s.ntkMax(), "--ntk-max");
        Verdict verdict = verdict(f, theta, gnorm, s, report, hessian, zero);
        return new AnalyzeRun(problem, s, polish, theta, value, gnorm, hessian, report, density, ntk, verdict);
    }

    /** The k smallest and k largest eigenpairs of a dense spectrum, with residuals by fresh HVPs. */
    private static Extremes dense(ModelObjective f, double[] theta, SymmetricEigen eigen, double threshold, int k) {
        int p = eigen.size();
        int[] pick = pick(p, k);
        double[] values = new double[pick.length];
        double[] residuals = new double[pick.length];
        boolean[] converged = new boolean[pick.length];
        double[] vectors = new double[pick.length * p];
        double[] hv = new double[p];
        for (int i = 0; i < pick.length; i++) {
            double[] v = eigen.vector(pick[i]);
            System.arraycopy(v, 0, vectors, i * p, p);
            values[i] = eigen.values()[pick[i]];
            f.hessianVectorProduct(theta, v, hv);
            for (int j = 0; j < p; j++) {
                hv[j] -= values[i] * v[j];
            }
            residuals[i] = Vectors.norm2(hv);
            converged[i] = true;
        }
        return new Extremes("dense", values, residuals, converged, threshold, vectors, null);
    }

    /** Indices 0..k−1 and p−k..p−1 without repeats, ascending. */
    private static int[] pick(int p, int k) {
        if (2 * k >= p) {
            return java.util.stream.IntStream.range(0, p).toArray();
        }
        return java.util.stream.IntStream.concat(java.util.stream.IntStream.range(0, k),
                java.util.stream.IntStream.range(p - k, p)).toArray();
    }

    private static Verdict verdict(ModelObjective f, double[] theta, double gnorm, Settings s,
            CriticalPointReport report, Extremes h, Tolerance zero) {
        if (report != null) {
            Certificate cert = null;
            if (s.certify() && report.type() != CriticalPointType.NOT_CRITICAL) {
                cert = Certification.certify(f, theta, zero);
            }
            return new Verdict(report.type().name(), cert, "dense Hessian inertia at |lambda| <= "
                    + AnalysisJson.num(report.spectrum().inertia().threshold()) + " counted as zero, |grad| <= "
                    + AnalysisJson.num(s.gradientTol()) + " counted as critical");
        }
        if (gnorm > s.gradientTol()) {
            return new Verdict(CriticalPointType.NOT_CRITICAL.name(), null, "|grad| " + AnalysisJson.num(gnorm)
                    + " > " + AnalysisJson.num(s.gradientTol()));
        }
        for (int i = 0; i < h.values().length; i++) {
            if (h.values()[i] + h.residuals()[i] < -h.threshold()) {
                return new Verdict("SADDLE", null, "Lanczos Ritz value " + AnalysisJson.num(h.values()[i])
                        + " with residual " + AnalysisJson.num(h.residuals()[i]) + " proves negative curvature");
            }
        }
        return new Verdict("NO_NEGATIVE_CURVATURE_FOUND", null, "P = " + f.dim() + " > --dense-max: Lanczos found "
                + "no negative eigenvalue below -" + AnalysisJson.num(h.threshold()) + " (not a proof of a minimum)");
    }
}
