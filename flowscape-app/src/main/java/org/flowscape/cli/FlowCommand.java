package org.flowscape.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
import org.flowscape.dynamics.Sample;
import org.flowscape.dynamics.SharpnessMonitor;
import org.flowscape.dynamics.StepObserver;
import org.flowscape.operation.flow.FlowOperation;
import org.flowscape.operation.flow.FlowRun;
import org.flowscape.operation.flow.FlowSettings;
import org.flowscape.spec.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import org.flowscape.operation.JsonOutput;

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

    @Option(names = "--method", paramLabel = "M", defaultValue = FlowSettings.METHOD,
            description = "auto, dopri853, dopri54, rk4, stiff (flows) or gd, momentum, nesterov, adam (descent); "
                    + "default ${DEFAULT-VALUE}.")
    private String method;

    @Option(names = "--rtol", paramLabel = "R", defaultValue = FlowSettings.RTOL,
            description = "Relative tolerance (default ${DEFAULT-VALUE}; down to 1e-14).")
    private double rtol;

    @Option(names = "--atol", paramLabel = "A", defaultValue = FlowSettings.ATOL,
            description = "Absolute tolerance (default ${DEFAULT-VALUE}).")
    private double atol;

    @Option(names = "--step", paramLabel = "ETA", description = "Fixed step: rk4 and descent (required there), stiff "
            + "(optional: fixed-step Rosenbrock).")
    private Double step;

    @Option(names = "--momentum", paramLabel = "BETA", defaultValue = FlowSettings.MOMENTUM,
            description = "Momentum for momentum/nesterov, beta1 for adam (default ${DEFAULT-VALUE}).")
    private double momentum;

    @Option(names = "--until-loss", paramLabel = "E", description = "Stop once L <= E.")
    private Double untilLoss;

    @Option(names = "--until-grad", paramLabel = "G", description = "Stop once ||grad L|| <= G.")
    private Double untilGrad;

    @Option(names = "--horizon", paramLabel = "T", description = "Final time (default 100, or 1e6 when a --until "
            + "target is given).")
    private Double horizon;

    @Option(names = "--max-evals", paramLabel = "N", defaultValue = FlowSettings.MAX_EVALS,
            description = "Budget of gradient evaluations (default ${DEFAULT-VALUE}).")
    private long maxEvals;

    @Option(names = "--norm-bound", paramLabel = "B", defaultValue = FlowSettings.NORM_BOUND,
            description = "Report divergence once ||theta|| > B (default ${DEFAULT-VALUE}).")
    private double normBound;

    @Option(names = "--monitor", paramLabel = "LIST", split = ",",
            description = "Monitors: imbalance (deep linear C_i), neurons (homogeneous units), sigmoid (one-neuron "
                    + "invariant), ntk, sharpness, eos (lambda_max by Lanczos against 2/eta every 10 iterates of "
                    + "--method gd: entries into and departures from the stability edge), pl.")
    private List<String> monitors = new ArrayList<>();

    @Option(names = "--optimum", paramLabel = "LSTAR", defaultValue = FlowSettings.OPTIMUM,
            description = "L* for the rate fit and the PL ratio (default ${DEFAULT-VALUE}).")
    private double optimum;

    @Option(names = "--samples", paramLabel = "N", defaultValue = FlowSettings.SAMPLES,
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
        FlowRun run = FlowOperation.run(p, settings(), FlowOperation.NEVER);
        if (csv != null) {
            writeCsv(run.result());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            JsonOutput.print(out, json(run));
        } else {
            text(out, run);
        }
        return ExitCodes.OK;
    }

    /** The options as the operation's {@link FlowSettings} (the {@code flow} study analysis reads the same record). */
    private FlowSettings settings() {
        return new FlowSettings(method, rtol, atol, step, momentum, untilLoss, untilGrad, horizon, maxEvals,
                normBound, monitors, optimum, samples, logGrid);
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
            throw new IllegalArgumentException("cannot write --csv " + csv + ": " + UserErrors.reason(e)
                    + "; give a writable file path");
        }
    }

    private static void text(PrintWriter out, FlowRun run) {
        Problem p = run.problem();
        FlowResult r = run.result();
        RateEstimate rate = run.rate();
        Map<String, StepObserver> monitors = run.monitors();
        out.printf(Locale.ROOT, "problem  %s on %s, loss %s%s, P = %d, theta from %s%n", p.modelSpec(),
                p.dataSpec(), p.lossSpec(), p.l2() > 0 ? " + l2 " + p.l2() : "", p.dim(), p.thetaSource());
        out.printf(Locale.ROOT, "method   %s (%s)%n", r.method(), r.choice());
        String rejected = r.rejectedSteps() == FlowResult.UNKNOWN ? "rejections not reported by Hipparchus"
                : r.rejectedSteps() + " rejected";
        out.printf(Locale.ROOT, "outcome  %s%s at t = %.10g after %d steps (%s)%n", r.status(),
                r.event().isEmpty() ? "" : " [" + r.event() + "]", r.time(), r.steps(), rejected);
        out.printf(Locale.ROOT, "cost     %d gradient evaluations (+%d auxiliary), %d Hessian evaluations, %.3f s%n",
                r.gradientEvaluations(), r.auxiliaryEvaluations(), r.hessianEvaluations(), run.seconds());
        out.printf(Locale.ROOT, "loss     %.6e -> %.6e, |grad| = %.3e%n", r.initialLoss(), r.loss(), r.gradientNorm());
        for (ConservedQuantity q : run.invariants()) {
            out.printf(Locale.ROOT, "drift    %s: %.3e (relative %.3e)%n", q.name(), q.drift(), q.relativeDrift());
        }
        signedValues(out, monitors);
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
        run.predictions().forEach((k, v) -> out.printf(Locale.ROOT, "predict  %s = %.6g%n", k, v));
        if (!r.stiffnessWarning().isEmpty()) {
            out.println("warning  " + r.stiffnessWarning());
        }
    }

    /** Each conserved quantity's signed entries at t = 0 and at the end. */
    private static void signedValues(PrintWriter out, Map<String, StepObserver> monitors) {
        for (StepObserver o : monitors.values()) {
            if (o instanceof InvariantMonitor im) {
                double[][] first = im.initialValues();
                double[][] last = im.latestValues();
                for (int q = 0; q < first.length; q++) {
                    out.printf(Locale.ROOT, "value    %s: %s -> %s%n", im.names().get(q), values(first[q]),
                            values(last[q]));
                }
            }
        }
    }

    private static String values(double[] v) {
        StringBuilder b = new StringBuilder(v.length == 1 ? "" : "[");
        for (int i = 0; i < v.length; i++) {
            b.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.10g", v[i]));
        }
        return b.append(v.length == 1 ? "" : "]").toString();
    }

    private static ObjectNode json(FlowRun run) {
        Problem p = run.problem();
        FlowResult r = run.result();
        RateEstimate rate = run.rate();
        Map<String, StepObserver> monitors = run.monitors();
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
        doc.put("seconds", run.seconds());
        doc.put("rtol", r.relativeTolerance());
        doc.put("atol", r.absoluteTolerance());
        doc.put("step", r.stepSize());
        doc.put("initial_loss", r.initialLoss());
        doc.put("loss", r.loss());
        doc.put("gradient_norm", r.gradientNorm());
        doc.set("theta", JsonOutput.array(r.theta()));
        invariantsJson(doc.putArray("invariants"), monitors);
        ObjectNode rateNode = doc.putObject("rate");
        rateNode.put("fitted", rate.rate());
        rateNode.put("window_start", rate.start());
        rateNode.put("window_end", rate.end());
        rateNode.put("decades", rate.decades());
        rateNode.put("floor", rate.floor());
        ObjectNode pred = rateNode.putObject("predictions");
        run.predictions().forEach(pred::put);
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

    /** One object per conserved quantity: scale, drift, and its signed entries at t = 0 and at the end. */
    private static void invariantsJson(ArrayNode inv, Map<String, StepObserver> monitors) {
        for (StepObserver m : monitors.values()) {
            if (m instanceof InvariantMonitor im) {
                List<ConservedQuantity> qs = im.quantities();
                double[][] first = im.initialValues();
                double[][] last = im.latestValues();
                for (int q = 0; q < qs.size(); q++) {
                    ObjectNode o = inv.addObject();
                    o.put("name", qs.get(q).name());
                    o.put("scale", qs.get(q).initialScale());
                    o.put("drift", qs.get(q).drift());
                    o.put("relative_drift", qs.get(q).relativeDrift());
                    o.set("initial", JsonOutput.array(first[q]));
                    o.set("final", JsonOutput.array(last[q]));
                }
            }
        }
    }

    private static void monitorsJson(ObjectNode doc, Map<String, StepObserver> monitors) {
        ObjectNode m = doc.putObject("monitors");
        if (monitors.get("ntk") instanceof NtkMonitor n) {
            ObjectNode o = m.putObject("ntk");
            o.put("inf_lambda_min", n.infimum());
            o.put("integral", n.integral().last());
            o.put("guaranteed_rate", n.guaranteedRate());
            o.set("integral_t", JsonOutput.array(n.integral().times()));
            o.set("integral_along", JsonOutput.array(n.integral().values()));
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
