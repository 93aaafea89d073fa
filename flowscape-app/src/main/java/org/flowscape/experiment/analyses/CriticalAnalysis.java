package org.flowscape.experiment.analyses;

import java.util.Map;
import java.util.TreeMap;
import org.flowscape.analysis.Certificate;
import org.flowscape.analysis.CriticalPointReport;
import org.flowscape.experiment.Analysis;
import org.flowscape.experiment.CriticalPointRow;
import org.flowscape.experiment.Outcome;
import org.flowscape.experiment.RecordSink;
import org.flowscape.experiment.RunContext;
import org.flowscape.experiment.RunSpec;
import org.flowscape.loss.Losses;
import org.flowscape.operation.RunSettings;
import org.flowscape.operation.Tolerances;
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
        Map<String, String> m = new TreeMap<>();
        m.put("starts", "8");
        m.put("polish", CriticalRun.POLISH);
        m.put("certify", "false");
        m.put("max-iterations", CriticalRun.MAX_ITERATIONS);
        m.put("warm-iterations", CriticalRun.WARM_ITERATIONS);
        return m;
    }

    @Override
    public Map<String, Double> tolerances() {
        return Map.of("grad-tol", Tolerances.GRAD_TOL_VALUE, "zero-tol", Tolerances.ZERO_TOL_VALUE);
    }

    @Override
    public void validate(RunSpec spec) {
        CriticalRun.Settings s = settings(spec);
        String loss = spec.params().getOrDefault("loss", ProblemSpec.DEFAULT_LOSS);
        CriticalRun.checkMethod(s.method(), Losses.parse(loss));
    }

    private CriticalRun.Settings settings(RunSpec spec) {
        RunSettings s = RunSettings.of(spec, settings());
        return new CriticalRun.Settings(CriticalRun.polishMethod(s.text("polish")),
                spec.tolerances().getOrDefault("grad-tol", Tolerances.GRAD_TOL_VALUE), s.smallInteger("max-iterations"),
                s.smallInteger("warm-iterations"),
                spec.tolerances().getOrDefault("zero-tol", Tolerances.ZERO_TOL_VALUE),
                s.flag("certify"), s.smallInteger("starts"), spec.seed());
    }

    @Override
    public void run(RunContext context, RecordSink sink) throws Exception {
        CriticalRun.Settings settings = settings(context.spec());
        Problem p = RunSettings.problem(context);
        CriticalRun.checkSize(p.dim());
        CriticalRun run = CriticalRun.run(p, settings, context.cancelled());
        for (CriticalRun.Point pt : run.points()) {
            if (pt.polish().converged()) {
                sink.criticalPoint(row(pt));
            }
        }
        int wanted = run.wanted();
        sink.metric("starts", run.points().size());
        sink.metric("converged", run.convergedCount());
        sink.metric("orbits", run.orbits().size());
        if (run.stopped()) {
            sink.outcome(Outcome.TIMEOUT, "stopped at the time limit after " + run.points().size() + " of "
                    + wanted + " starts (" + run.convergedCount() + " converged, kept)");
        } else if (run.convergedCount() == 0) {
            sink.outcome(Outcome.NOT_CONVERGED, "no start polished to |grad| <= " + settings.gradientTol());
        } else {
            sink.outcome(Outcome.OK, run.convergedCount() + " of " + wanted + " starts converged, "
                    + run.orbits().size() + " distinct");
        }
    }

    private static CriticalPointRow row(CriticalRun.Point pt) {
        CriticalPointReport r = pt.report();
        Certificate c = pt.certificate();
        boolean certified = c != null && c.certified();
        boolean efficient = pt.redundancy() != null && !pt.redundancy().redundant();
        return new CriticalPointRow(Math.max(0, pt.start()), r.value(), r.gradientNorm(), r.index(), r.nullity(),
                r.orbitDimension(), efficient, certified, certified ? c.radius() : Double.NaN,
                r.spectrum().eigen().min(), r.spectrum().eigen().max());
    }
}
