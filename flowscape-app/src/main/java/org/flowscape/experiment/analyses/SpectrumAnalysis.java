package org.flowscape.experiment.analyses;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.flowscape.analysis.LanczosResult;
import org.flowscape.analysis.SpectralDensity;
import org.flowscape.analysis.SpectrumStatus;
import org.flowscape.analysis.TraceEstimate;
import org.flowscape.experiment.Analysis;
import org.flowscape.experiment.Outcome;
import org.flowscape.experiment.RecordSink;
import org.flowscape.experiment.RunContext;
import org.flowscape.experiment.RunSpec;
import org.flowscape.operation.RunSettings;
import org.flowscape.operation.spectrum.SpectrumRun;
import org.flowscape.rng.Seeds;
import org.flowscape.spec.Problem;

/**
 * {@code spectrum}: matrix-free Hessian spectra at the run's initial θ, as {@code flowscape spectrum} computes
 * them (via {@link SpectrumRun}); the probes' seed is derived from the run's seed.
 *
 * <p>Settings: {@code top} (5), {@code bottom} (5), {@code max-iterations} (300), {@code trace} (false),
 * {@code trace-probes} (100), {@code density} (false), {@code probes} (10), {@code steps} (80), {@code grid}
 * (200), {@code width} (0.01). Tolerances: {@code residual-tol} (1e-8, relative to the spectral radius). Records:
 * spectrum {@code lanczos} (the Ritz values, weight 1) and series {@code lanczos_residual} (x = Ritz value, y = its
 * true residual); metrics {@code lambda_min}, {@code lambda_max}, {@code lanczos_iterations},
 * {@code converged_pairs}, {@code spectral_radius}; with {@code trace}: {@code trace_hutchinson},
 * {@code trace_hutchinson_se}, {@code trace_hutchpp}, {@code trace_hutchpp_se}; with {@code density}: series
 * {@code density} and {@code density_se} on the grid and spectrum {@code slq_nodes} (finite Ritz nodes, weights
 * summing to 1). Outcome not_converged when a Ritz pair missed its residual tolerance.
 */
public final class SpectrumAnalysis implements Analysis {
    @Override
    public String name() {
        return "spectrum";
    }

    @Override
    public Map<String, String> settings() {
        Map<String, String> m = new TreeMap<>();
        m.put("top", SpectrumRun.TOP);
        m.put("bottom", SpectrumRun.BOTTOM);
        m.put("max-iterations", SpectrumRun.MAX_ITERATIONS);
        m.put("trace", "false");
        m.put("trace-probes", SpectrumRun.TRACE_PROBES);
        m.put("density", "false");
        m.put("probes", SpectrumRun.PROBES);
        m.put("steps", SpectrumRun.STEPS);
        m.put("grid", SpectrumRun.GRID);
        m.put("width", SpectrumRun.WIDTH);
        return m;
    }

    @Override
    public Map<String, Double> tolerances() {
        return Map.of("residual-tol", Double.parseDouble(SpectrumRun.RESIDUAL_TOL));
    }

    @Override
    public void validate(RunSpec spec) {
        settings(spec);
    }

    private SpectrumRun.Settings settings(RunSpec spec) {
        RunSettings s = RunSettings.of(spec, settings());
        return new SpectrumRun.Settings(s.smallInteger("top"), s.smallInteger("bottom"),
                s.smallInteger("max-iterations"),
                spec.tolerances().getOrDefault("residual-tol", Double.parseDouble(SpectrumRun.RESIDUAL_TOL)),
                s.flag("trace"), s.smallInteger("trace-probes"), s.flag("density"), s.smallInteger("probes"),
                s.smallInteger("steps"), s.smallInteger("grid"), s.real("width"),
                Seeds.derive(spec.seed(), "spectrum-probe", 0));
    }

    @Override
    public void run(RunContext context, RecordSink sink) throws Exception {
        SpectrumRun.Settings settings = settings(context.spec());
        Problem p = RunSettings.problem(context);
        SpectrumRun r = SpectrumRun.run(p.objective(), p.theta(), settings);
        LanczosResult l = r.lanczos();
        double[] ones = new double[l.count()];
        Arrays.fill(ones, 1.0);
        sink.spectrum("lanczos", l.values(), ones);
        sink.series("lanczos_residual", l.values(), l.residuals());
        sink.metric("lambda_min", l.min());
        sink.metric("lambda_max", l.max());
        sink.metric("lanczos_iterations", l.iterations());
        int converged = 0;
        for (boolean c : l.converged()) {
            converged += c ? 1 : 0;
        }
        sink.metric("converged_pairs", converged);
        sink.metric("spectral_radius", l.spectralRadius());
        traces(sink, r.hutchinson(), r.hutchPlusPlus());
        if (r.density() != null) {
            density(sink, r.density());
        }
        if (context.cancelled().getAsBoolean()) {
            sink.outcome(Outcome.TIMEOUT, "stopped at the time limit after " + l.iterations() + " Lanczos steps "
                    + "(the Ritz pairs so far are kept, " + converged + " of " + l.count() + " converged)");
        } else if (l.status() != SpectrumStatus.CONVERGED) {
            sink.outcome(Outcome.NOT_CONVERGED, (l.count() - converged) + " of " + l.count() + " Ritz pairs above "
                    + "the residual threshold " + l.threshold() + " after " + l.iterations() + " steps");
        }
    }

    private static void traces(RecordSink sink, TraceEstimate hutch, TraceEstimate hpp) {
        if (hutch == null) {
            return;
        }
        sink.metric("trace_hutchinson", hutch.estimate());
        sink.metric("trace_hutchinson_se", hutch.standardError());
        sink.metric("trace_hutchpp", hpp.estimate());
        sink.metric("trace_hutchpp_se", hpp.standardError());
    }

    private static void density(RecordSink sink, SpectralDensity d) {
        sink.series("density", d.grid(), d.density());
        sink.series("density_se", d.grid(), d.standardError());
        int n = 0;
        for (double v : d.nodes()) {
            n += Double.isFinite(v) ? 1 : 0;
        }
        double[] nodes = new double[n];
        double[] weights = new double[n];
        int k = 0;
        for (int i = 0; i < d.nodes().length; i++) {
            if (Double.isFinite(d.nodes()[i])) {
                nodes[k] = d.nodes()[i];
                weights[k++] = d.weights()[i] / d.probes();
            }
        }
        sink.spectrum("slq_nodes", nodes, weights);
    }
}
