package org.flowscape.experiment.analyses;

import java.util.Map;
import org.flowscape.experiment.Analysis;
import org.flowscape.experiment.RecordSink;
import org.flowscape.experiment.RunContext;
import org.flowscape.experiment.RunSpec;
import org.flowscape.operation.RunSettings;
import org.flowscape.operation.spectrum.SpectrumRecords;
import org.flowscape.operation.spectrum.SpectrumRun;
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
        return SpectrumRun.studyDefaults();
    }

    @Override
    public Map<String, Double> tolerances() {
        return SpectrumRun.studyTolerances();
    }

    @Override
    public void validate(RunSpec spec) {
        SpectrumRun.of(spec);
    }

    @Override
    public void run(RunContext context, RecordSink sink) throws Exception {
        SpectrumRun.Settings settings = SpectrumRun.of(context.spec());
        Problem p = RunSettings.problem(context);
        SpectrumRun r = SpectrumRun.run(p.objective(), p.theta(), settings);
        SpectrumRecords.record(r, context.cancelled().getAsBoolean(), sink);
    }
}
