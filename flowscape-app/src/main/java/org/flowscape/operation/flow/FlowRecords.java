package org.flowscape.operation.flow;

import java.util.Locale;
import org.flowscape.dynamics.ConservedQuantity;
import org.flowscape.dynamics.FlowResult;
import org.flowscape.dynamics.InvariantMonitor;
import org.flowscape.dynamics.EdgeOfStabilityMonitor;
import org.flowscape.dynamics.NtkMonitor;
import org.flowscape.dynamics.PlMonitor;
import org.flowscape.dynamics.SharpnessMonitor;
import org.flowscape.dynamics.Status;
import org.flowscape.dynamics.StepObserver;
import org.flowscape.experiment.Outcome;
import org.flowscape.experiment.RecordSink;

/**
 * Writes a {@link FlowRun} into a {@link RecordSink} (the store's rows of a {@code flow} run; names in
 * {@code docs/studies.md}): series {@code loss} and {@code grad_norm} against t at every accepted step, the first
 * invariant monitor's relative {@code drift}, and with the {@code ntk} monitor {@code ntk_lambda_min} and
 * {@code ntk_integral} (∫₀ᵗ λ_min(K) ds) at every sampled step; metrics {@code loss_star}, {@code initial_loss},
 * {@code final_loss}, {@code final_grad_norm}, {@code time}, {@code steps}, {@code gradient_evaluations},
 * {@code hessian_evaluations}, {@code rate_fit} and {@code rate_decades} (NaN when not fitted), {@code drift:NAME},
 * {@code relative_drift:NAME} per conserved quantity, monitor summaries, each prediction as {@code predict:NAME}
 * and {@code rate_predicted}; and the outcome.
 */
public final class FlowRecords {
    private FlowRecords() {
    }

    /** Records {@code run} into {@code sink}. */
    public static void record(FlowRun run, RecordSink sink) {
        sink.series("loss", run.trace().loss().times(), run.trace().loss().values());
        sink.series("grad_norm", run.trace().gradientNorm().times(), run.trace().gradientNorm().values());
        metrics(sink, run);
        monitors(sink, run);
        run.predictions().forEach((k, v) -> sink.metric("predict:" + k, v));
        sink.metric("rate_predicted", FlowPredictions.headline(run.predictions()));
        outcome(sink, run);
    }

    private static void metrics(RecordSink sink, FlowRun run) {
        FlowResult r = run.result();
        sink.metric("loss_star", run.settings().optimum());
        sink.metric("initial_loss", r.initialLoss());
        sink.metric("final_loss", r.loss());
        sink.metric("final_grad_norm", r.gradientNorm());
        sink.metric("time", r.time());
        sink.metric("steps", r.steps());
        sink.metric("gradient_evaluations", r.gradientEvaluations());
        sink.metric("hessian_evaluations", r.hessianEvaluations());
        sink.metric("rate_fit", run.rateValid() ? run.rate().rate() : Double.NaN);
        sink.metric("rate_decades", run.rateValid() ? run.rate().decades() : Double.NaN);
    }

    private static void monitors(RecordSink sink, FlowRun run) {
        boolean driftSeries = false;
        for (StepObserver o : run.monitors().values()) {
            if (o instanceof InvariantMonitor im) {
                if (!driftSeries) { // the report's drift plot: the first invariant monitor's relative drift
                    sink.series("drift", im.relativeDrift().times(), im.relativeDrift().values());
                    driftSeries = true;
                }
                for (ConservedQuantity q : im.quantities()) {
                    sink.metric("drift:" + q.name(), q.drift());
                    sink.metric("relative_drift:" + q.name(), q.relativeDrift());
                }
            }
        }
        if (run.monitors().get("ntk") instanceof NtkMonitor n) {
            sink.metric("ntk_inf_lambda_min", n.infimum());
            sink.metric("ntk_guaranteed_rate", n.guaranteedRate());
            sink.series("ntk_lambda_min", n.lambdaMin().times(), n.lambdaMin().values());
            sink.series("ntk_integral", n.integral().times(), n.integral().values());
        }
        if (run.monitors().get("eos") instanceof EdgeOfStabilityMonitor e) {
            sink.metric("eos_threshold", e.threshold());
            sink.metric("eos_at_edge", e.observationsAtEdge());
            sink.metric("eos_crossings", e.crossings().size());
            sink.series("eos_lambda_max", e.sharpness().times(), e.sharpness().values());
        }
        if (run.monitors().get("sharpness") instanceof SharpnessMonitor s) {
            sink.metric("sharpness_max", s.sharpness().max());
        }
        if (run.monitors().get("pl") instanceof PlMonitor pl) {
            sink.metric("pl_infimum", pl.infimum());
        }
    }

    private static void outcome(RecordSink sink, FlowRun run) {
        FlowResult r = run.result();
        String what = r.status().name().toLowerCase(Locale.ROOT)
                + (r.event().isEmpty() ? "" : " [" + r.event() + "]") + " at t = " + r.time();
        FlowSettings s = run.settings();
        boolean target = s.untilLoss() != null || s.untilGrad() != null;
        if (run.cancelled()) {
            sink.outcome(Outcome.TIMEOUT, "stopped at the time limit: " + what);
        } else if (r.diverged()) {
            sink.outcome(Outcome.DIVERGED, what);
        } else if (r.status() == Status.EVALUATION_LIMIT || r.status() == Status.STEP_TOO_SMALL
                || (target && r.status() == Status.HORIZON_REACHED)) {
            sink.outcome(Outcome.NOT_CONVERGED, what);
        } else {
            sink.outcome(Outcome.OK, what);
        }
    }
}
