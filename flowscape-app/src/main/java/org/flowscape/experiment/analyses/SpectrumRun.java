package org.flowscape.experiment.analyses;

import org.flowscape.analysis.Lanczos;
import org.flowscape.analysis.LanczosConfig;
import org.flowscape.analysis.LanczosResult;
import org.flowscape.analysis.SpectralDensity;
import org.flowscape.analysis.StochasticLanczosQuadrature;
import org.flowscape.analysis.TraceEstimate;
import org.flowscape.analysis.TraceEstimators;
import org.flowscape.linalg.Tolerance;
import org.flowscape.objective.Objective;

/**
 * The computation behind {@code flowscape spectrum} and the {@code spectrum} analysis: extremal Ritz pairs by
 * Lanczos, optionally Hutchinson and Hutch++ traces and an SLQ density, all on Hessian-vector products at one θ.
 *
 * @param lanczos the extremal pairs
 * @param hutchinson the Hutchinson trace, or null when not asked for
 * @param hutchPlusPlus the Hutch++ trace, or null when not asked for
 * @param density the SLQ density, or null when not asked for
 */
public record SpectrumRun(LanczosResult lanczos, TraceEstimate hutchinson, TraceEstimate hutchPlusPlus,
        SpectralDensity density) {

    /**
     * What to compute.
     *
     * @param top largest pairs
     * @param bottom smallest pairs
     * @param maxIterations Lanczos steps at most
     * @param residualTol a pair converged when ‖Hv − λv‖ ≤ this × spectral radius
     * @param trace estimate tr H
     * @param traceProbes Hutchinson probes and Hutch++ products
     * @param density estimate the SLQ density
     * @param probes SLQ probes
     * @param steps SLQ steps per probe
     * @param grid SLQ grid points
     * @param width SLQ Gaussian width relative to the node span
     * @param probeSeed root seed of every random probe
     */
    public record Settings(int top, int bottom, int maxIterations, double residualTol, boolean trace,
            int traceProbes, boolean density, int probes, int steps, int grid, double width, long probeSeed) {
        public Settings {
            if (top < 0 || bottom < 0 || top + bottom < 1 || maxIterations < 1) {
                throw new IllegalArgumentException("--top and --bottom must be >= 0 with at least one pair, and "
                        + "--max-iterations >= 1");
            }
            if ((trace && traceProbes < 6) || (density && (probes < 2 || steps < 1 || grid < 2 || !(width > 0)))) {
                throw new IllegalArgumentException("--trace-probes must be >= 6; --probes >= 2, --steps >= 1, "
                        + "--grid >= 2 and --width > 0");
            }
        }
    }

    /**
     * Runs at {@code theta} (read only). Cost: about (maxIterations + top + bottom) HVPs for Lanczos, traceProbes
     * HVPs per trace estimator, probes × steps HVPs for the density.
     */
    public static SpectrumRun run(Objective f, double[] theta, Settings s) {
        LanczosResult lanczos = Lanczos.extremal(f, theta, new LanczosConfig(s.top(), s.bottom(), s.maxIterations(),
                new Tolerance(0, s.residualTol()), s.probeSeed()));
        TraceEstimate hutch = s.trace() ? TraceEstimators.hutchinson(f, theta, s.traceProbes(), s.probeSeed()) : null;
        TraceEstimate hpp = s.trace() ? TraceEstimators.hutchPlusPlus(f, theta, s.traceProbes(), s.probeSeed())
                : null;
        SpectralDensity slq = s.density() ? StochasticLanczosQuadrature.estimate(f, theta, s.probes(), s.steps(),
                s.grid(), s.width(), s.probeSeed()) : null;
        return new SpectrumRun(lanczos, hutch, hpp, slq);
    }
}
