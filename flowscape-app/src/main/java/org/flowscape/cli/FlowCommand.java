package org.flowscape.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.flowscape.dynamics.ConservedQuantity;
import org.flowscape.dynamics.FlowResult;
import org.flowscape.dynamics.EdgeOfStabilityMonitor;
import org.flowscape.dynamics.InvariantMonitor;
import org.flowscape.dynamics.NtkMonitor;
import org.flowscape.dynamics.PlMonitor;
import org.flowscape.dynamics.RateEstimate;
import org.flowscape.dynamics.RateFit;
import org.flowscape.dynamics.Sample;
import org.flowscape.dynamics.SampleGrid;
import org.flowscape.dynamics.SharpnessMonitor;
import org.flowscape.dynamics.StepObserver;
import org.flowscape.dynamics.StoppingRule;
import org.flowscape.dynamics.TraceMonitor;
import org.flowscape.experiment.analyses.FlowPredictions;
import org.flowscape.experiment.analyses.FlowSetup;
import org.flowscape.objective.Objective;
import org.flowscape.spec.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code flowscape flow}: integrates the gradient flow (or runs a discrete optimizer) on one problem and prints the
 * outcome, cost, final loss and gradient, the drift of the requested invariants and the fitted rate beside its
 * predictions; optionally writes the sampled trajectory as CSV. Every outcome, divergence included, exits 0: it is
 * reported in {@code status}.
 */
@Command(name = "flow", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Integrate the gradient flow theta' = -grad L (or run gradient descent, momentum, Nesterov or "
                    + "Adam).",
            "Example: flowscape flow --model product:2 --data 'identity:1,target=[[3]]' --loss frobenius "
                    + "--params w.json --method dopri853 --rtol 1e-12 --atol 1e-14 --until-loss 1e-12"})
public final class FlowCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private ProblemOptions problem;

    @Option(names = "--method", paramLabel = "M", defaultValue = "auto",
            description = "auto, dopri853, dopri54, rk4, stiff (flows) or gd, momentum, nesterov, adam (descent); "
                    + "default ${DEFAULT-VALUE}.")
    private String method;

    @Option(names = "--rtol", paramLabel = "R", defaultValue = "1e-8", description = "Relative tolerance (default "
            + "${DEFAULT-VALUE}; down to 1e-14).")
    private double rtol;

    @Option(names = "--atol", paramLabel = "A", defaultValue = "1e-10", description = "Absolute tolerance (default "
            + "${DEFAULT-VALUE}).")
    private double atol;

    @Option(names = "--step", paramLabel = "ETA", description = "Fixed step: rk4 and descent (required there), stiff "
            + "(optional: fixed-step Rosenbrock).")
    private Double step;

    @Option(names = "--momentum", paramLabel = "BETA", defaultValue = "0.9",
            description = "Momentum for momentum/nesterov, beta1 for adam (default ${DEFAULT-VALUE}).")
    private double momentum;

    @Option(names = "--until-loss", paramLabel = "E", description = "Stop once L <= E.")
    private Double untilLoss;

    @Option(names = "--until-grad", paramLabel = "G", description = "Stop once ||grad L|| <= G.")
    private Double untilGrad;

    @Option(names = "--horizon", paramLabel = "T", description = "Final time (default 100, or 1e6 when a --until "
            + "target is given).")
    private Double horizon;

    @Option(names = "--max-evals", paramLabel = "N", defaultValue = "10000000",
            description = "Budget of gradient evaluations (default ${DEFAULT-VALUE}).")
    private long maxEvals;

    @Option(names = "--norm-bound", paramLabel = "B", defaultValue = "1e8",
            description = "Report divergence once ||theta|| > B (default ${DEFAULT-VALUE}).")
    private double normBound;

    @Option(names = "--monitor", paramLabel = "LIST", split = ",",
            description = "Monitors: imbalance (deep linear C_i), neurons (homogeneous units), sigmoid (one-neuron "
                    + "invariant), ntk, sharpness, eos (lambda_max by Lanczos against 2/eta every 10 iterates of "
                    + "--method gd: entries into and departures from the stability edge), pl.")
    private List<String> monitors = new ArrayList<>();

    @Option(names = "--optimum", paramLabel = "LSTAR", defaultValue = "0",
            description = "L* for the rate fit and the PL ratio (default ${DEFAULT-VALUE}).")
    private double optimum;

    @Option(names = "--samples", paramLabel = "N", defaultValue = "0",
            description = "Sample the trajectory at N times on [0, T] (dense output).")
    private int samples;

    @Option(names = "--log-grid", description = "Log-spaced sample times from T*1e-4 to T instead of linear.")
    private boolean logGrid;

    @Option(names = "--json", description = "Print one JSON document (fields in docs/cli.md) instead of text.")
    private boolean json;

    @Option(names = "--csv", paramLabel = "FILE", description = "Write the samples as CSV: t,loss,grad_norm,theta_*.")
    private Path csv;

    @Override
    public Integer call() throws IOException {
        Problem p = problem.load();
        Objective objective = p.objective();
        FlowSetup setup = setup();
        StoppingRule stop = setup.stoppingRule();
        SampleGrid grid = setup.grid(stop.horizon());
        TraceMonitor trace = new TraceMonitor();
        Map<String, StepObserver> chosen = setup.monitors(objective);
        List<StepObserver> observers = new ArrayList<>(chosen.values());
        observers.add(trace);
        long start = System.nanoTime();
        FlowResult result = setup.run(objective, p.theta(), stop, grid, observers);
        double seconds = (System.nanoTime() - start) / 1e9;
        RateEstimate rate = RateFit.fit(trace.loss().times(), trace.loss().values(), optimum, 3);
        Map<String, Double> predictions = FlowPredictions.of(objective, result, chosen, p.theta(), optimum);
        if (csv != null) {
            writeCsv(result);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            JsonOutput.print(out, json(p, result, rate, predictions, chosen, seconds));
        } else {
            text(out, p, result, rate, predictions, chosen, seconds);
        }
        return ExitCodes.OK;
    }

    /** The options as a {@link FlowSetup} (shared with the {@code flow} analysis of studies). */
    private FlowSetup setup() {
        return new FlowSetup(method, rtol, atol, step, momentum, untilLoss, untilGrad, horizon, maxEvals, normBound,
                monitors, optimum, samples, logGrid);
    }

    private void writeCsv(FlowResult r) throws IOException {
        StringBuilder b = new StringBuilder("t,loss,grad_norm");
        for (int i = 0; i < r.theta().length; i++) {
            b.append(",theta_").append(i);
        }
        b.append('\n');
        for (Sample s : r.samples()) {
            b.append(s.time()).append(',').append(s.loss()).append(',').append(s.gradientNorm());
            for (double v : s.theta()) {
                b.append(',').append(v);
            }
            b.append('\n');
        }
        try {
            Files.writeString(csv, b, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write --csv " + csv + " (" + e.getClass().getSimpleName()
                    + "); give a writable path");
        }
    }

    private static List<ConservedQuantity> invariants(Map<String, StepObserver> monitors) {
        List<ConservedQuantity> all = new ArrayList<>();
        for (StepObserver o : monitors.values()) {
            if (o instanceof InvariantMonitor im) {
                all.addAll(im.quantities());
            }
        }
        return all;
    }

    private static void text(PrintWriter out, Problem p, FlowResult r, RateEstimate rate,
            Map<String, Double> predictions, Map<String, StepObserver> monitors, double seconds) {
        out.printf(Locale.ROOT, "problem  %s on %s, loss %s%s, P = %d, theta from %s%n", p.modelSpec(),
                p.dataSpec(), p.lossSpec(), p.l2() > 0 ? " + l2 " + p.l2() : "", p.dim(), p.thetaSource());
        out.printf(Locale.ROOT, "method   %s (%s)%n", r.method(), r.choice());
        String rejected = r.rejectedSteps() == FlowResult.UNKNOWN ? "rejections not reported by Hipparchus"
                : r.rejectedSteps() + " rejected";
        out.printf(Locale.ROOT, "outcome  %s%s at t = %.10g after %d steps (%s)%n", r.status(),
                r.event().isEmpty() ? "" : " [" + r.event() + "]", r.time(), r.steps(), rejected);
        out.printf(Locale.ROOT, "cost     %d gradient evaluations (+%d auxiliary), %d Hessian evaluations, %.3f s%n",
                r.gradientEvaluations(), r.auxiliaryEvaluations(), r.hessianEvaluations(), seconds);
        out.printf(Locale.ROOT, "loss     %.6e -> %.6e, |grad| = %.3e%n", r.initialLoss(), r.loss(), r.gradientNorm());
        for (ConservedQuantity q : invariants(monitors)) {
            out.printf(Locale.ROOT, "drift    %s: %.3e (relative %.3e)%n", q.name(), q.drift(), q.relativeDrift());
        }
        if (monitors.get("ntk") instanceof NtkMonitor n) {
            out.printf(Locale.ROOT, "ntk      inf lambda_min(K) = %.6g, integral = %.6g%n", n.infimum(),
                    n.integral().last());
        }
        if (monitors.get("sharpness") instanceof SharpnessMonitor s) {
            out.printf(Locale.ROOT, "sharp    max lambda_max(H) = %.6g (2/eta = %.6g)%n", s.sharpness().max(),
                    s.threshold());
        }
        if (monitors.get("eos") instanceof EdgeOfStabilityMonitor e) {
            out.printf(Locale.ROOT, "eos      lambda_max %.6g .. %.6g against 2/eta = %.6g: %d of %d observations at "
                    + "the edge (>= %.0f%% of 2/eta), %s%n", e.sharpness().min(), e.sharpness().max(), e.threshold(),
                    e.observationsAtEdge(), e.sharpness().size(), 100 * (1 - e.margin()), crossings(e));
        }
        if (monitors.get("pl") instanceof PlMonitor pl) {
            out.printf(Locale.ROOT, "pl       inf |grad|^2/(2(L-L*)) = %.6g%n", pl.infimum());
        }
        if (rate.valid()) {
            out.printf(Locale.ROOT, "rate     %.6g per unit time (fit over t in [%.4g, %.4g], %.1f decades)%n",
                    rate.rate(), rate.start(), rate.end(), rate.decades());
        } else {
            out.println("rate     not fitted (fewer than 3 points above the round-off floor)");
        }
        predictions.forEach((k, v) -> out.printf(Locale.ROOT, "predict  %s = %.6g%n", k, v));
        if (!r.stiffnessWarning().isEmpty()) {
            out.println("warning  " + r.stiffnessWarning());
        }
    }

    private static ObjectNode json(Problem p, FlowResult r, RateEstimate rate, Map<String, Double> predictions,
            Map<String, StepObserver> monitors, double seconds) {
        ObjectNode doc = JsonOutput.document("flow");
        ObjectNode prob = doc.putObject("problem");
        prob.put("model", p.modelSpec());
        prob.put("data", p.dataSpec());
        prob.put("loss", p.lossSpec());
        prob.put("l2", p.l2());
        prob.put("parameters", p.dim());
        prob.put("theta_source", p.thetaSource());
        doc.put("method", r.method());
        doc.put("choice", r.choice());
        doc.put("status", r.status().name());
        doc.put("event", r.event());
        doc.put("time", r.time());
        doc.put("steps", r.steps());
        if (r.rejectedSteps() == FlowResult.UNKNOWN) {
            doc.putNull("rejected_steps");
        } else {
            doc.put("rejected_steps", r.rejectedSteps());
        }
        doc.put("gradient_evaluations", r.gradientEvaluations());
        doc.put("auxiliary_evaluations", r.auxiliaryEvaluations());
        doc.put("hessian_evaluations", r.hessianEvaluations());
        doc.put("seconds", seconds);
        doc.put("rtol", r.relativeTolerance());
        doc.put("atol", r.absoluteTolerance());
        doc.put("step", r.stepSize());
        doc.put("initial_loss", r.initialLoss());
        doc.put("loss", r.loss());
        doc.put("gradient_norm", r.gradientNorm());
        doc.set("theta", JsonOutput.array(r.theta()));
        ArrayNode inv = doc.putArray("invariants");
        for (ConservedQuantity q : invariants(monitors)) {
            ObjectNode o = inv.addObject();
            o.put("name", q.name());
            o.put("scale", q.initialScale());
            o.put("drift", q.drift());
            o.put("relative_drift", q.relativeDrift());
        }
        ObjectNode rateNode = doc.putObject("rate");
        rateNode.put("fitted", rate.rate());
        rateNode.put("window_start", rate.start());
        rateNode.put("window_end", rate.end());
        rateNode.put("decades", rate.decades());
        rateNode.put("floor", rate.floor());
        ObjectNode pred = rateNode.putObject("predictions");
        predictions.forEach(pred::put);
        monitorsJson(doc, monitors);
        doc.put("stiffness_warning", r.stiffnessWarning());
        ArrayNode samples = doc.putArray("samples");
        for (Sample s : r.samples()) {
            ObjectNode o = samples.addObject();
            o.put("t", s.time());
            o.put("loss", s.loss());
            o.put("gradient_norm", s.gradientNorm());
        }
        return doc;
    }

    private static void monitorsJson(ObjectNode doc, Map<String, StepObserver> monitors) {
        ObjectNode m = doc.putObject("monitors");
        if (monitors.get("ntk") instanceof NtkMonitor n) {
            ObjectNode o = m.putObject("ntk");
            o.put("inf_lambda_min", n.infimum());
            o.put("integral", n.integral().last());
            o.put("guaranteed_rate", n.guaranteedRate());
        }
        if (monitors.get("sharpness") instanceof SharpnessMonitor s) {
            ObjectNode o = m.putObject("sharpness");
            o.put("max", s.sharpness().max());
            o.put("threshold", s.threshold());
            o.put("points_above", s.pointsAboveThreshold());
        }
        if (monitors.get("eos") instanceof EdgeOfStabilityMonitor e) {
            ObjectNode o = m.putObject("eos");
            o.put("threshold", e.threshold());
            o.put("margin", e.margin());
            o.put("started_above", e.startedAbove());
            o.put("observations", e.sharpness().size());
            o.put("at_edge", e.observationsAtEdge());
            o.set("time", JsonOutput.array(e.sharpness().times()));
            o.set("lambda_max", JsonOutput.array(e.sharpness().values()));
            ArrayNode cs = o.putArray("crossings");
            for (EdgeOfStabilityMonitor.Crossing c : e.crossings()) {
                ObjectNode x = cs.addObject();
                x.put("step", c.step());
                x.put("time", c.time());
                x.put("lambda_max", c.lambdaMax());
                x.put("kind", c.entry() ? "entry" : "departure");
            }
        }
        if (monitors.get("pl") instanceof PlMonitor pl) {
            m.putObject("pl").put("infimum", pl.infimum());
        }
    }

    private static String crossings(EdgeOfStabilityMonitor e) {
        if (e.crossings().isEmpty()) {
            return Boolean.TRUE.equals(e.startedAbove()) ? "above the edge throughout" : "below the edge throughout";
        }
        StringBuilder b = new StringBuilder();
        List<EdgeOfStabilityMonitor.Crossing> all = e.crossings();
        for (EdgeOfStabilityMonitor.Crossing c : all.subList(0, Math.min(6, all.size()))) {
            b.append(b.length() == 0 ? "" : ", ").append(c.entry() ? "entry" : "departure").append(" at step ")
                    .append(c.step());
        }
        return all.size() > 6 ? b + ", ... (" + all.size() + " crossings in all; --json lists them)" : b.toString();
    }
}
