package org.flowscape.reproduce;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.flowscape.analysis.DenseSpectrum;
import org.flowscape.dynamics.Descent;
import org.flowscape.dynamics.FlowResult;
import org.flowscape.dynamics.GradientDescent;
import org.flowscape.dynamics.HeavyBall;
import org.flowscape.dynamics.Optimizer;
import org.flowscape.dynamics.SampleGrid;
import org.flowscape.dynamics.Schedule;
import org.flowscape.dynamics.StepObserver;
import org.flowscape.dynamics.StoppingRule;
import org.flowscape.dynamics.TraceMonitor;
import org.flowscape.experiment.RecordSink;
import org.flowscape.experiment.RunContext;
import org.flowscape.linalg.Tolerance;
import org.flowscape.objective.EmpiricalRisk;
import org.flowscape.report.Figure;
import org.flowscape.rng.Seeds;

/**
 * C2 (theory.md C.1 "excellent agreement", [A]; the linearized prediction C.2/§0, [R]): gradient descent at
 * practical step sizes decays at the rate the flow predicts. Several problems, each a tanh network
 * {@code mlp:8-W-1:tanh} on n = 4 nearly orthogonal Gaussian inputs in d = 8 (its own data and initialization), so
 * that the n modes that carry the residual have a condition number of about 2–10 and descent visibly differs from
 * the flow (on the first edition's problem, condition ≈ 475, every predicted ratio was 1.000–1.002 and the claim could
 * not lose). The flow (RK4) runs to its limit θ*, an interpolating minimum where H = s·JᵀJ has rank n; its n largest
 * Hessian eigenvalues λ_j give the descent's per-step factor ρ(η) = max_j (1 − ηλ_j)², i.e. the rate −ln ρ/η per unit
 * time against the flow's 2λ_min. Descent runs from the same start with ηλ_max ∈ {0.25, 0.5, 1, 1.5, 1.9}; its rate per
 * unit time (t = kη) over the late loss window L0·10^−w .. L0·10^−decades (the linear regime) against that
 * prediction; steps ηλ_max ≤ 1 are judged, 1.5 and 1.9 shown with the linearization at descent's own limit beside
 * the flow's. Cost per problem: one flow and one descent per step of a few thousand gradients each, and a dense
 * Hessian (P × P, P = 10W + 1) at each limit (about 10 s at W = 128).
 */
final class ClaimC2 extends ComputedClaim {
    @Override
    public String id() {
        return "C2";
    }

    @Override
    public String statement() {
        return "Gradient descent with step eta decays at the rate the flow's linearization predicts, "
                + "-ln max_j(1 - eta lambda_j)^2 / eta per unit time, i.e. at the flow's rate 2 lambda_min times the "
                + "predicted ratio, on a well-conditioned problem where that ratio is far from 1.";
    }

    @Override
    public Basis basis() {
        return Basis.ABSTRACT;
    }

    @Override
    public Evidence evidence() {
        return Evidence.EMPIRICAL_TEST;
    }

    @Override
    public Map<String, String> sizes(Scale scale) {
        return Map.of("data", "gaussian:n=4,d=8", "width", scale.pick("64", "128", "128"),
                "problems", scale.pick("2", "4", "10"), "need", scale.pick("1", "2", "5"),
                "steps", "0.25,0.5,1,1.5,1.9", "decades", "14", "window", "7", "optimizer", "gd");
    }

    @Override
    public Map<String, Double> tolerances() {
        return Map.of("rate_rel", 0.05, "practical", 1.0, "zero_rel", 1e-8, "discriminate", 0.05);
    }

    @Override
    void compute(RunContext c, RecordSink sink) {
        int problems = Integer.parseInt(c.param("problems", "1"));
        sink.metric("need", Integer.parseInt(c.param("need", "1")));
        for (int i = 0; i < problems; i++) {
            problem(c, new Prefixed(sink, "p" + i + "/"), i);
        }
    }

    /** One problem (data and initialization from stream index {@code i}): its flow and descents, under a prefix. */
    private static void problem(RunContext c, RecordSink sink, int i) {
        int width = Integer.parseInt(c.param("width", "16"));
        double decades = Double.parseDouble(c.param("decades", "10"));
        double window = Double.parseDouble(c.param("window", "4"));
        String spec = c.param("data", "gaussian:n=4,d=8");
        int n = Integer.parseInt(field(spec, "n"));
        int d = Integer.parseInt(field(spec, "d"));
        String data = spec + ",seed=" + Seeds.derive(c.spec().seed(), "data", i);
        EmpiricalRisk f = Costs.risk("mlp:" + d + "-" + width + "-1:tanh", data, "mse");
        double[] theta0 = f.network().initialize(Seeds.derive(c.spec().seed(), "init", i));
        double l0 = f.value(theta0);
        double s = 1.0 / n;
        double[] k0 = ClaimC1.ntkExtremes(f, theta0);
        StoppingRule stop = StoppingRule.horizon(1e7).withLossTarget(l0 * Math.pow(10, -decades)).withNormBound(1e6)
                .withMaxEvaluations(5_000_000);
        TraceMonitor flowTrace = new TraceMonitor(1);
        FlowResult flow = new Integrator("rk4:" + ClaimC1.STEP / (s * k0[1]), 0, 0).run(f, theta0, stop,
                SampleGrid.none(), List.<StepObserver>of(flowTrace));
        double[] levels = {l0 * Math.pow(10, -window), l0 * Math.pow(10, -decades)};
        sink.metric("flow_rate", windowRate(flowTrace, levels));
        sink.metric("flow_reached", flow.loss() <= levels[1] * (1 + 1e-9) ? 1 : 0);
        record(sink, "flow_loss", flowTrace, 400);
        double[] modes = topModes(f, flow.theta(), n);
        sink.spectrum("hessian_at_flow_limit", modes, ones(modes.length));
        double lmax = modes[modes.length - 1];
        sink.metric("lambda_max", lmax);
        sink.metric("lambda_min_positive", modes[0]);
        sink.metric("condition", lmax / modes[0]);
        for (String q : c.param("steps", "0.5").split(",")) {
            double eta = Double.parseDouble(q) / lmax;
            TraceMonitor trace = new TraceMonitor(1);
            FlowResult r = Descent.run(f, theta0, optimizer(c.param("optimizer", "gd"), eta), stop,
                    SampleGrid.none(), List.<StepObserver>of(trace));
            sink.metric("descent_rate/" + q, windowRate(trace, levels));
            sink.metric("predicted_rate/" + q, predictedRate(modes, eta));
            sink.metric("reached/" + q, r.loss() <= levels[1] * (1 + 1e-9) ? 1 : 0);
            double[] own = topModes(f, r.theta(), n);
            sink.metric("lambda_max_at_descent_limit/" + q, own[n - 1]);
            sink.metric("predicted_rate_own/" + q, predictedRate(own, eta));
            record(sink, "descent_loss/" + q, trace, 400);
        }
    }

    /** The value of {@code key=} in a data spec such as {@code gaussian:n=4,d=8}. */
    private static String field(String spec, String key) {
        for (String part : spec.substring(spec.indexOf(':') + 1).split(",")) {
            if (part.startsWith(key + "=")) {
                return part.substring(key.length() + 1);
            }
        }
        throw new IllegalArgumentException("data spec " + spec + " has no " + key + "=");
    }

    /** The n largest Hessian eigenvalues at θ (ascending): the modes that carry the residual at a P ≥ n minimum. */
    private static double[] topModes(EmpiricalRisk f, double[] theta, int n) {
        double[] all = DenseSpectrum.of(f, theta, new Tolerance(0, 1e-8)).values();
        return Arrays.copyOfRange(all, all.length - n, all.length);
    }

    /** Stores L(t) thinned to at most about {@code points} points (first and last kept). */
    private static void record(RecordSink sink, String name, TraceMonitor trace, int points) {
        double[] t = trace.loss().times();
        double[] l = trace.loss().values();
        int every = Math.max(1, t.length / points);
        int m = (t.length - 1) / every + 1 + ((t.length - 1) % every == 0 ? 0 : 1);
        double[] x = new double[m];
        double[] y = new double[m];
        for (int i = 0, k = 0; k < m; k++, i = Math.min(t.length - 1, i + every)) {
            x[k] = t[i];
            y[k] = l[i];
        }
        sink.series(name, x, y);
    }

    /**
     * ln(L_a/L_b)/(t_b − t_a) with t_a, t_b the first recorded times at which L ≤ L_a and L ≤ L_b (log-linear
     * interpolation between records); NaN when L_b is never reached.
     */
    static double windowRate(TraceMonitor trace, double[] levels) {
        double[] t = trace.loss().times();
        double[] l = trace.loss().values();
        double ta = crossing(t, l, levels[0]);
        double tb = crossing(t, l, levels[1]);
        return Math.log(levels[0] / levels[1]) / (tb - ta);
    }

    private static double crossing(double[] t, double[] l, double level) {
        for (int i = 1; i < t.length; i++) {
            if (l[i] <= level) {
                double a = Math.log(l[i - 1]);
                double b = Math.log(l[i]);
                double w = a == b ? 1 : (a - Math.log(level)) / (a - b);
                return t[i - 1] + w * (t[i] - t[i - 1]);
            }
        }
        return Double.NaN;
    }

    static Optimizer optimizer(String name, double eta) {
        return switch (name) {
            case "gd" -> GradientDescent.constant(eta);
            case "momentum" -> new HeavyBall(Schedule.constant(eta), 0.9);
            default -> throw new IllegalArgumentException("unknown optimizer " + name + "; use gd or momentum");
        };
    }

    /** −ln max_j (1 − ηλ_j)² / η: the linearized descent's rate of L per unit time (λ read only, positive). */
    static double predictedRate(double[] lambdas, double eta) {
        double rho = 0;
        for (double l : lambdas) {
            rho = Math.max(rho, (1 - eta * l) * (1 - eta * l));
        }
        return -Math.log(rho) / eta;
    }

    private static double[] ones(int n) {
        double[] o = new double[n];
        Arrays.fill(o, 1);
        return o;
    }

    /**
     * Per problem, each step's measured descent rate (per unit time, over the late window) against the linearized
     * prediction −ln max_j (1 − ηλ_j)²/η: with the flow limit's λ_j for steps ηλ_max ≤ {@code practical}, with the
     * λ_j at descent's own limit above (near the stability edge descent ends at a flatter minimum, and the prediction
     * at ηλ = 1.9 moves by a third when λ_max moves by 1.5 %). A problem is <em>asymptotic</em> when the flow's own
     * window rate is within {@code rate_rel} of 2λ_min+ (otherwise the slowest mode carries too little of the
     * residual for any window rate to be the linear one; such problems are counted, not judged), and
     * <em>discriminating</em> when some judged prediction of descent's rate over the flow's differs from 1 by at
     * least {@code discriminate} (on an ill-conditioned problem it does not, and the wrong prediction "descent =
     * flow" would pass too). Fails on any judged deviation above {@code rate_rel}; inconclusive when a run did not
     * reach the window's end or fewer than {@code need} problems are asymptotic and discriminating; holds otherwise.
     */
    @Override
    public Judgement judge(Records r, Map<String, Double> tol) {
        List<List<String>> table = new ArrayList<>();
        table.add(List.of("problem", "eta lambda_max", "rate", "rate / flow's 2 lambda_min+",
                "predicted (flow's limit)", "predicted (descent's limit)", "lambda_max there / flow's",
                "deviation from flow's prediction", "judged"));
        List<String> details = new ArrayList<>();
        double worst = 0;
        int fails = 0;
        int open = 0;
        int informative = 0;
        int problems = 0;
        double edgeFlow = 0;
        double edgeOwn = 0;
        for (String p : problemPrefixes(r)) {
            problems++;
            double flowRate = 2 * r.metric(p + "lambda_min_positive");
            double flowDev = r.metric(p + "flow_rate") / flowRate - 1;
            boolean asymptotic = Math.abs(flowDev) <= tol.get("rate_rel");
            table.add(List.of(p, "0 (flow)", Fmt.g(r.metric(p + "flow_rate")), Fmt.g(1 + flowDev), "1", "1", "1",
                    Fmt.g(flowDev), asymptotic ? "asymptotic" : "not asymptotic"));
            if (r.metric(p + "flow_reached") < 1) {
                open++;
            }
            double spread = 0;
            for (var e : r.metricsWithPrefix(p + "descent_rate/").entrySet()) {
                String q = e.getKey().substring((p + "descent_rate/").length());
                boolean practical = Double.parseDouble(q) <= tol.get("practical");
                double predicted = r.metric(p + "predicted_rate/" + q);
                double dev = e.getValue() / predicted - 1;
                double own = e.getValue() / r.metric(p + "predicted_rate_own/" + q) - 1;
                if (practical) {
                    spread = Math.max(spread, Math.abs(predicted / flowRate - 1));
                } else {
                    edgeFlow = Math.max(edgeFlow, Math.abs(dev));
                    edgeOwn = Math.max(edgeOwn, Math.abs(own));
                }
                table.add(List.of(p, q, Fmt.g(e.getValue()), Fmt.g(e.getValue() / flowRate),
                        Fmt.g(predicted / flowRate), Fmt.g(r.metric(p + "predicted_rate_own/" + q) / flowRate),
                        Fmt.g(r.metric(p + "lambda_max_at_descent_limit/" + q) / r.metric(p + "lambda_max")),
                        Fmt.g(dev), !asymptotic ? "no (flow not asymptotic)" : practical ? "yes" : "shown"));
                if (!practical) {
                    continue;
                }
                if (r.metric(p + "reached/" + q) < 1 || Double.isNaN(dev)) {
                    open++;
                } else if (asymptotic) {
                    worst = Math.max(worst, Math.abs(dev));
                    fails += Math.abs(dev) > tol.get("rate_rel") ? 1 : 0;
                }
            }
            boolean discriminating = spread >= tol.get("discriminate");
            informative += asymptotic && discriminating ? 1 : 0;
            details.add(Fmt.f("%s condition number %s of the n residual modes at the flow's limit; flow's window rate "
                    + "/ 2 lambda_min+ = %s (%s); predicted descent/flow ratios reach %s from 1 (%s)", p,
                    Fmt.g(r.metric(p + "condition")), Fmt.g(1 + flowDev), asymptotic ? "asymptotic" : "not asymptotic, "
                    + "not judged", Fmt.g(spread), discriminating ? "discriminating" : "cannot tell descent from flow"));
        }
        details.add(Fmt.f("Steps eta lambda_max <= %s are judged against the linearization at the flow's limit. "
                + "Larger ones (towards the stability edge 2) are shown, not judged: there descent ends at a flatter "
                + "minimum than the flow (lambda_max lower, column 7), and the flow's prediction misses by up to %s, "
                + "while the linearization at descent's own limit misses by up to %s.", Fmt.g(tol.get("practical")),
                Fmt.g(edgeFlow), Fmt.g(edgeOwn)));
        int need = r.hasMetric("need") ? (int) r.metric("need") : 1;
        String deciding = Fmt.f("max |measured rate / predicted rate - 1| = %s (tolerance %s); %d of %d problems "
                + "asymptotic and discriminating (need %d)", Fmt.g(worst), Fmt.g(tol.get("rate_rel")), informative,
                problems, need);
        Verdict v = fails > 0 ? Verdict.FAILS : open > 0 || informative < need ? Verdict.INCONCLUSIVE : Verdict.HOLDS;
        if (open > 0) {
            deciding += "; " + open + " runs did not reach the window's end";
        }
        return new Judgement(v, deciding, details, table);
    }

    /** The problems' prefixes {@code p0/}, {@code p1/}, ... in the records. */
    private static List<String> problemPrefixes(Records r) {
        List<String> out = new ArrayList<>();
        for (int i = 0; r.hasMetric("p" + i + "/lambda_max"); i++) {
            out.add("p" + i + "/");
        }
        return out;
    }

    @Override
    public List<Figure> figures(Records r) {
        List<Figure> figs = new ArrayList<>();
        List<Figure.Curve> losses = new ArrayList<>();
        String p = "p0/";
        Records.Curve flow = r.series(p + "flow_loss");
        if (flow != null) {
            losses.add(new Figure.Curve("gradient flow", flow.x(), Plots.floor(flow.y(), 1e-300), null, null,
                    Figure.Style.LINE));
        }
        r.allSeries().forEach((name, c) -> {
            if (name.startsWith(p + "descent_loss/")) {
                losses.add(new Figure.Curve("descent, eta lambda_max = " + name.substring((p + "descent_loss/")
                        .length()), c.x(), Plots.floor(c.y(), 1e-300), null, null, Figure.Style.DASHED));
            }
        });
        figs.add(new Figure("fig-C2", "C2: descent's loss against t = k eta at several eta, over the flow's curve "
                + "(problem 0)", "t (flow time; k eta for descent)", "L", Figure.Scale.LINEAR, Figure.Scale.LOG,
                Figure.Kind.LINES, losses, null, 0, "Solid: the gradient flow; dashed: gradient descent at "
                + "eta lambda_max = 0.25 ... 1.9 plotted at t = k eta. Small steps follow the flow; near the stability "
                + "edge 2 descent is slower per unit time, by the predicted ratio "
                + "-ln max_j (1 - eta lambda_j)^2 / (2 eta lambda_min+)."));
        List<Figure.Curve> curves = new ArrayList<>();
        Records.Curve spec = r.spectrum(p + "hessian_at_flow_limit");
        if (spec != null) {
            double[] q = Plots.linspace(0.005, 1.99, 200);
            double[] y = new double[q.length];
            for (int i = 0; i < q.length; i++) {
                y[i] = predictedRate(spec.x(), q[i] / r.metric(p + "lambda_max"))
                        / (2 * r.metric(p + "lambda_min_positive"));
            }
            curves.add(new Figure.Curve("linearized prediction at the flow's limit (problem 0)", q, y, null, null,
                    Figure.Style.DASHED));
        }
        for (String pp : problemPrefixes(r)) {
            var rates = r.metricsWithPrefix(pp + "descent_rate/");
            double[] x = new double[rates.size()];
            double[] y = new double[rates.size()];
            int i = 0;
            for (var e : rates.entrySet()) {
                x[i] = Double.parseDouble(e.getKey().substring((pp + "descent_rate/").length()));
                y[i++] = e.getValue() / (2 * r.metric(pp + "lambda_min_positive"));
            }
            curves.add(new Figure.Curve("descent, measured (" + pp.substring(0, pp.length() - 1) + ")", x, y, null,
                    null, Figure.Style.POINTS));
        }
        figs.add(new Figure("fig-C2-ratio", "C2: descent rate over the flow's rate against eta lambda_max",
                "eta lambda_max", "descent rate / flow's rate 2 lambda_min+ (per unit time)", Figure.Scale.LINEAR,
                Figure.Scale.LINEAR, Figure.Kind.LINES, curves, null, 0, "Rates of L per unit time t = k eta over "
                + "the late loss window; dashed: the linearized prediction "
                + "-ln max_j (1 - eta lambda_j)^2 / (2 eta lambda_min+) at problem 0's flow limit."));
        return figs;
    }
}
