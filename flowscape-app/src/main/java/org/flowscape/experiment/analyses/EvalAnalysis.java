package org.flowscape.experiment.analyses;

import java.util.Arrays;
import java.util.Map;
import org.flowscape.experiment.Analysis;
import org.flowscape.experiment.RecordSink;
import org.flowscape.experiment.RunContext;
import org.flowscape.experiment.RunSpec;
import org.flowscape.operation.RunSettings;
import org.flowscape.spec.Problem;

/**
 * {@code eval}: L, ‖∇L‖ and optionally the dense Hessian's full spectrum and the NTK's extremes at the run's
 * initial θ (what {@code flowscape eval} prints, via {@link Evaluation}).
 *
 * <p>Settings: {@code hessian} (false). Tolerances: {@code zero-tol} (relative zero threshold of the inertia).
 * Records: metrics {@code loss}, {@code grad_norm}, {@code grad_max}, {@code parameters}; with the Hessian also
 * {@code lambda_min}, {@code lambda_max}, {@code index}, {@code nullity}, {@code positive}, {@code asymmetry},
 * {@code ntk_lambda_min}, {@code ntk_lambda_max} (NaN when the NTK is too large) and the spectrum
 * {@code hessian} (all P eigenvalues, ascending, weight 1). Cost: one gradient; with the Hessian O(P³).
 */
public final class EvalAnalysis implements Analysis {
    @Override
    public String name() {
        return "eval";
    }

    @Override
    public Map<String, String> settings() {
        return Map.of("hessian", "false");
    }

    @Override
    public Map<String, Double> tolerances() {
        return Map.of("zero-tol", Evaluation.DEFAULT_ZERO_TOL);
    }

    @Override
    public void validate(RunSpec spec) {
        RunSettings.of(spec, settings()).flag("hessian");
    }

    @Override
    public void run(RunContext context, RecordSink sink) throws Exception {
        boolean hessian = RunSettings.of(context.spec(), settings()).flag("hessian");
        Problem p = RunSettings.problem(context);
        Evaluation e = Evaluation.run(p, hessian, context.tolerance("zero-tol", Evaluation.DEFAULT_ZERO_TOL), 0);
        sink.metric("loss", e.loss());
        sink.metric("grad_norm", e.gradientNorm());
        sink.metric("grad_max", e.gradientMax());
        sink.metric("parameters", p.dim());
        if (e.hessian() != null) {
            Evaluation.HessianSpectrum h = e.hessian();
            sink.metric("lambda_min", h.min());
            sink.metric("lambda_max", h.max());
            sink.metric("index", h.inertia().negative());
            sink.metric("nullity", h.inertia().zero());
            sink.metric("positive", h.inertia().positive());
            sink.metric("asymmetry", h.asymmetry());
            sink.metric("ntk_lambda_min", e.ntk().min());
            sink.metric("ntk_lambda_max", e.ntk().max());
            double[] ones = new double[h.eigenvalues().length];
            Arrays.fill(ones, 1.0);
            sink.spectrum("hessian", h.eigenvalues(), ones);
        }
        if (!Double.isFinite(e.loss())) {
            sink.outcome(org.flowscape.experiment.Outcome.DIVERGED, "the loss is not finite at the initial theta");
        }
    }
}
