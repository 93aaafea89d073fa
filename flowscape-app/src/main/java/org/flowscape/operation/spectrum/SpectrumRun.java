package org.flowscape.operation.spectrum;

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

    /** Default of {@code top}. */
    public static final String TOP = "5";
    /** Default of {@code bottom}. */
    public static final String BOTTOM = "5";
    /** Default of {@code max-iterations}. */
    public static final String MAX_ITERATIONS = "300";
    /** Default of {@code residual-tol} (relative to the spectral radius). */
    public static final String RESIDUAL_TOL = "1e-8";
    /** Default of {@code trace-probes}. */
    public static final String TRACE_PROBES = "100";
    /** Default of the SLQ {@code probes}. */
    public static final String PROBES = "10";
    /** Default of the SLQ {@code steps}. */
    public static final String STEPS = "80";
    /** Default of the SLQ {@code grid}. */
    public static final String GRID = "200";
    /** Default of the SLQ {@code width}. */
    public static final String WIDTH = "0.01";

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

    /** The study keys with their defaults (the flag without {@code --}). */
    public static java.util.Map<String, String> studyDefaults() {
        java.util.Map<String, String> m = new java.util.TreeMap<>();
        m.put("top", TOP);
        m.put("bottom", BOTTOM);
        m.put("max-iterations", MAX_ITERATIONS);
        m.put("trace", "false");
        m.put("trace-probes", TRACE_PROBES);
        m.put("density", "false");
        m.put("probes", PROBES);
        m.put("steps", STEPS);
        m.put("grid", GRID);
        m.put("width", WIDTH);
        return m;
    }

    /** The study tolerances with their defaults. */
    public static java.util.Map<String, Double> studyTolerances() {
        return java.util.Map.of("residual-tol", Double.parseDouble(RESIDUAL_TOL));
    }

    /** The settings of a study run: its keys and tolerances over {@link #studyDefaults()}; probes from its seed. */
    public static Settings of(org.flowscape.experiment.RunSpec spec) {
        org.flowscape.operation.RunSettings s = org.flowscape.operation.RunSettings.of(spec, studyDefaults());
        return new Settings(s.smallInteger("top"), s.smallInteger("bottom"),
                s.smallInteger("max-iterations"),
                spec.tolerances().getOrDefault("residual-tol", Double.parseDouble(RESIDUAL_TOL)),
                s.flag("trace"), s.smallInteger("trace-probes"), s.flag("density"), s.smallInteger("probes"),
                s.smallInteger("steps"), s.smallInteger("grid"), s.real("width"),
                org.flowscape.rng.Seeds.derive(spec.seed(), "spectrum-probe", 0));
    }
}
