package org.flowscape.experiment.analyses;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.flowscape.dynamics.ConservedQuantity;
import org.flowscape.dynamics.FlowEvent;
import org.flowscape.dynamics.FlowResult;
import org.flowscape.dynamics.InvariantMonitor;
import org.flowscape.dynamics.NtkMonitor;
import org.flowscape.dynamics.PlMonitor;
import org.flowscape.dynamics.RateEstimate;
import org.flowscape.dynamics.RateFit;
import org.flowscape.dynamics.EdgeOfStabilityMonitor;
import org.flowscape.dynamics.SharpnessMonitor;
import org.flowscape.dynamics.Status;
import org.flowscape.dynamics.StepObserver;
import org.flowscape.dynamics.StoppingRule;
import org.flowscape.dynamics.TraceMonitor;
import org.flowscape.experiment.Analysis;
import org.flowscape.experiment.Outcome;
import org.flowscape.experiment.RecordSink;
import org.flowscape.experiment.RunContext;
import org.flowscape.experiment.RunSpec;
import org.flowscape.objective.Objective;
import org.flowscape.spec.Problem;

/**
 * {@code flow}: the gradient flow (or a descent method) from the run's initial θ, as {@code flowscape flow} runs
 * it (via {@link FlowSetup}), stopping early when the run is cancelled (then {@link Outcome#TIMEOUT}, with the
 * trajectory so far).
 *
 * <p>Settings (as the flags of {@code flowscape flow}): {@code method} (auto), {@code step}, {@code momentum}
 * (0.9), {@code until-loss}, {@code until-grad}, {@code horizon}, {@code max-evals} (1e7), {@code norm-bound}
 * (1e8), {@code monitor} (comma-separated), {@code optimum} (0), {@code samples} (0), {@code log-grid} (false).
 * Tolerances: {@code rtol} (1e-8), {@code atol} (1e-10). Records: series {@code loss} and {@code grad_norm}
 * against t at every accepted step; metrics {@code initial_loss}, {@code final_loss}, {@code final_grad_norm},
 * {@code time}, {@code steps}, {@code gradient_evaluations}, {@code hessian_evaluations}, {@code rate_fit} and
 * {@code rate_decades} (NaN when not fitted), {@code drift:NAME} and {@code relative_drift:NAME} per invariant,
 * monitor summaries, and each prediction as {@code predict:NAME} (a run stopped at its time limit skips the fit and
 * the predictions: NaN). Outcome: diverged (non-finite or norm bound),
 * not_converged (a target was set and not reached), timeout, else ok.
 */
public final class FlowAnalysis implements Analysis {
    private static final String CANCELLED = "cancelled";

    @Override
    public String name() {
        return "flow";
    }

    @Override
    public Map<String, String> settings() {
        Map<String, String> m = new TreeMap<>();
        m.put("method", "auto");
        m.put("step", "");
        m.put("momentum", "0.9");
        m.put("until-loss", "");
        m.put("until-grad", "");
        m.put("horizon", "");
        m.put("max-evals", "10000000");
        m.put("norm-bound", "1e8");
        m.put("monitor", "");
        m.put("optimum", "0");
        m.put("samples", "0");
        m.put("log-grid", "false");
        return m;
    }

    @Override
    public Map<String, Double> tolerances() {
        return Map.of("rtol", 1e-8, "atol", 1e-10);
    }

    @Override
    public void validate(RunSpec spec) {
        FlowSetup setup = setup(spec);
        setup.stoppingRule();
        setup.grid(1);
        setup.check();
    }

    private FlowSetup setup(RunSpec spec) {
        RunSettings s = RunSettings.of(spec, settings());
        double rtol = spec.tolerances().getOrDefault("rtol", 1e-8);
        double atol = spec.tolerances().getOrDefault("atol", 1e-10);
        return new FlowSetup(s.text("method"), rtol, atol, s.optionalReal("step"), s.real("momentum"),
                s.optionalReal("until-loss"), s.optionalReal("until-grad"), s.optionalReal("horizon"),
                s.integer("max-evals"), s.real("norm-bound"), s.list("monitor"), s.real("optimum"),
                s.smallInteger("samples"), s.flag("log-grid"));
    }

    @Override
    public void run(RunContext context, RecordSink sink) throws Exception {
        FlowSetup setup = setup(context.spec());
        Problem p = RunSettings.problem(context);
        Objective objective = p.objective();
        StoppingRule stop = setup.stoppingRule()
                .withEvent(FlowEvent.of(CANCELLED, q -> context.cancelled().getAsBoolean() ? -1 : 1));
        TraceMonitor trace = new TraceMonitor();
        Map<String, StepObserver> monitors = setup.monitors(objective);
        List<StepObserver> observers = new ArrayList<>(monitors.values());
        observers.add(trace);
        FlowResult r = setup.run(objective, p.theta(), stop, setup.grid(stop.horizon()), observers);
        sink.series("loss", trace.loss().times(), trace.loss().values());
        sink.series("grad_norm", trace.gradientNorm().times(), trace.gradientNorm().values());
        boolean cancelled = r.status() == Status.EVENT && CANCELLED.equals(r.event());
        metrics(sink, r, trace, setup.optimum(), cancelled);
        monitorMetrics(sink, monitors);
        Map<String, Double> predictions = cancelled ? Map.of() // the predictions can take long
                : FlowPredictions.of(objective, r, monitors, p.theta(), setup.optimum());
        predictions.forEach((k, v) -> sink.metric("predict:" + k, v));
        sink.metric("rate_predicted", FlowPredictions.headline(predictions));
        outcome(sink, r, setup);
    }

    private static void metrics(RecordSink sink, FlowResult r, TraceMonitor trace, double optimum,
            boolean cancelled) {
        sink.metric("loss_star", optimum);
        sink.metric("initial_loss", r.initialLoss());
        sink.metric("final_loss", r.loss());
        sink.metric("final_grad_norm", r.gradientNorm());
        sink.metric("time", r.time());
        sink.metric("steps", r.steps());
        sink.metric("gradient_evaluations", r.gradientEvaluations());
        sink.metric("hessian_evaluations", r.hessianEvaluations());
        RateEstimate rate = cancelled ? null : RateFit.fit(trace.loss().times(), trace.loss().values(), optimum, 3);
        boolean valid = rate != null && rate.valid();
        sink.metric("rate_fit", valid ? rate.rate() : Double.NaN);
        sink.metric("rate_decades", valid ? rate.decades() : Double.NaN);
    }

    private static void monitorMetrics(RecordSink sink, Map<String, StepObserver> monitors) {
        boolean driftSeries = false;
        for (StepObserver o : monitors.values()) {
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
        if (monitors.get("ntk") instanceof NtkMonitor n) {
            sink.metric("ntk_inf_lambda_min", n.infimum());
            sink.metric("ntk_guaranteed_rate", n.guaranteedRate());
        }
        if (monitors.get("eos") instanceof EdgeOfStabilityMonitor e) {
            sink.metric("eos_threshold", e.threshold());
            sink.metric("eos_at_edge", e.observationsAtEdge());
            sink.metric("eos_crossings", e.crossings().size());
            sink.series("eos_lambda_max", e.sharpness().times(), e.sharpness().values());
        }
        if (monitors.get("sharpness") instanceof SharpnessMonitor s) {
            sink.metric("sharpness_max", s.sharpness().max());
        }
        if (monitors.get("pl") instanceof PlMonitor pl) {
            sink.metric("pl_infimum", pl.infimum());
        }
    }

    private static void outcome(RecordSink sink, FlowResult r, FlowSetup setup) {
        String what = r.status().name().toLowerCase(java.util.Locale.ROOT)
                + (r.event().isEmpty() ? "" : " [" + r.event() + "]") + " at t = " + r.time();
        boolean target = setup.untilLoss() != null || setup.untilGrad() != null;
        if (r.status() == Status.EVENT && CANCELLED.equals(r.event())) {
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
