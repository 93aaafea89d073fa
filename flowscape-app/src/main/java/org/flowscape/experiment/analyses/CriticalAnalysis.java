package org.flowscape.experiment.analyses;

import java.util.Map;
import org.flowscape.experiment.Analysis;
import org.flowscape.experiment.Outcome;
import org.flowscape.experiment.RecordSink;
import org.flowscape.experiment.RunContext;
import org.flowscape.experiment.RunSpec;
import org.flowscape.loss.Losses;
import org.flowscape.operation.RunSettings;
import org.flowscape.operation.critical.CriticalRecords;
import org.flowscape.operation.critical.CriticalRun;
import org.flowscape.spec.Problem;
import org.flowscape.spec.ProblemSpec;

/**
 * {@code critical}: critical points from seeded random starts (or the run's initial θ with {@code starts: 0}),
 * polished, classified, optionally certified and counted modulo symmetries, as {@code flowscape critical} does
 * (via {@link CriticalRun}); the starts are drawn from the run's seed, so they depend on (study seed, run key)
 * only. A cancelled run keeps the points found so far and ends {@link Outcome#TIMEOUT}.
 *
 * <p>Settings: {@code starts} (8), {@code polish} (newton | lm | gn; gn only with a squared-error loss), {@code
 * certify} (false), {@code max-iterations} (200), {@code warm-iterations} (200). Tolerances: {@code grad-tol} (1e-12),
 * {@code zero-tol} (1e-8). Records: one {@code critical_points} row per converged start ({@code idx} = the start's
 * index); metrics {@code starts}, {@code converged}, {@code orbits} (distinct points modulo permutations and sign
 * flips). Outcome not_converged when no start converged. Cost: dense Hessians, O(P³) per polishing iteration; P ≤
 * {@value CriticalRun#MAX_PARAMETERS}.
 */
public final class CriticalAnalysis implements Analysis {
    @Override
    public String name() {
        return "critical";
    }

    @Override
    public Map<String, String> settings() {
        return CriticalRun.studyDefaults();
    }

    @Override
    public Map<String, Double> tolerances() {
        return CriticalRun.studyTolerances();
    }

    @Override
    public void validate(RunSpec spec) {
        CriticalRun.Settings s = CriticalRun.of(spec);
        String loss = spec.params().getOrDefault("loss", ProblemSpec.DEFAULT_LOSS);
        CriticalRun.checkMethod(s.method(), Losses.parse(loss));
    }

    @Override
    public void run(RunContext context, RecordSink sink) throws Exception {
        CriticalRun.Settings settings = CriticalRun.of(context.spec());
        Problem p = RunSettings.problem(context);
        CriticalRun.checkSize(p.dim());
        CriticalRecords.record(CriticalRun.run(p, settings, context.cancelled()), sink);
    }
}
