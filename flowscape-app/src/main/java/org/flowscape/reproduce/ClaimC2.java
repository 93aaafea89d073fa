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
 * C2 (theory.md C.1 "excellent agreement", [A]; the linearized prediction C.2/§0, [R]): gradient descent at practical
 * step sizes decays at the rate the flow predicts. A tanh network {@code mlp:3-W-1:tanh} with P ≥ n; the flow (RK4)
 * to its limit θ*, an interpolating minimum where H = s·JᵀJ has rank n, whose n largest Hessian eigenvalues λ_j (the
 * modes that carry the residual) give the descent's per-step factor
 * ρ(η) = max_j (1 − ηλ_j)², i.e. the rate −ln ρ/η per unit time against the flow's 2λ_min. Descent runs from the
 * same start with ηλ_max ∈ {0.01, 0.1, 0.5, 1, 1.9}; its rate per unit time (t = kη) over the loss window from
 * 0.1·L0 to the target, divided by the flow's over the same window, against that predicted ratio. The verdict uses
 * the practical steps ηλ_max ≤ 1; 1.9 (near the stability edge 2) is shown.
 */
final class ClaimC2 extends ComputedClaim {
    @Override
    public String id() {
        return "C2";
    }

    @Override
    public String statement() {
        return "Gradient descent at practical step sizes (eta lambda_max <= 1) decays at the rate the flow predicts, "
                + "-ln max_j(1 - eta lambda_j)^2 / eta per unit time.";
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
        return Map.of("samples", "8", "width", scale.pick("12", "16", "64"),
                "steps", scale.pick("0.1,0.5,1,1.9", "0.01,0.1,0.5,1,1.9", "0.01,0.1,0.5,1,1.9"),
                "decades", scale.pick("4", "6", "8"), "optimizer", "gd");
    }

    @Override
    public Map<String, Double> tolerances() {
        return Map.of("rate_rel", 0.1, "practical", 1.0, "zero_rel", 1e-8);
    }

    @Override
    void compute(RunContext c, RecordSink sink) {
        int n = Integer.parseInt(c.param("samples", "8"));
        int width = Integer.parseInt(c.param("width", "12"));
        double decades = Double.parseDouble(c.param("decades", "4"));
        String data = "gaussian:n=" + n + ",d=3,seed=" + Seeds.derive(c.spec().seed(), "data", 0);
        EmpiricalRisk f = Costs.risk("mlp:3-" + width + "-1:tanh", data, "mse");
        double[] theta0 = f.network().initialize(Seeds.derive(c.spec().seed(), "init", 0));
        double l0 = f.value(theta0);
        double s = 1.0 / n;
        double[] k0 = ClaimC1.ntkExtremes(f, theta0);
        StoppingRule stop = StoppingRule.horizon(1e7).withLossTarget(l0 * Math.pow(10, -decades)).withNormBound(1e6)
                .withMaxEvaluations(5_000_000);
        TraceMonitor flowTrace = new TraceMonitor(1);
        FlowResult flow = new Integrator("rk4:" + ClaimC1.STEP / (s * k0[1]), 0, 0).run(f, theta0, stop,
                SampleGrid.none(), List.<StepObserver>of(flowTrace));
        double[] levels = {l0 * 0.1, l0 * Math.pow(10, -decades)};
        double flowRate = windowRate(flowTrace, levels);
        sink.metric("flow_rate", flowRate);
        double[] all = DenseSpectrum.of(f, flow.theta(), new Tolerance(0, 1e-8)).values();
        double[] modes = Arrays.copyOfRange(all, all.length - n, all.length);
        sink.spectrum("hessian_at_flow_limit", modes, ones(modes.length));
        double lmax = modes[modes.length - 1];
        sink.metric("lambda_max", lmax);
        sink.metric("lambda_min_positive", modes[0]);
        for (String q : c.param("steps", "0.1").split(",")) {
            double eta = Double.parseDouble(q) / lmax;
            TraceMonitor trace = new TraceMonitor(Math.max(1, (int) (0.002 / (eta * modes[0]))));
            FlowResult r = Descent.run(f, theta0, optimizer(c.param("optimizer", "gd"), eta), stop,
                    SampleGrid.none(), List.<StepObserver>of(trace));
            double rate = windowRate(trace, levels);
            sink.metric("descent_rate/" + q, rate);
            sink.metric("measured_ratio/" + q, rate / flowRate);
            sink.metric("predicted_ratio/" + q, predictedRate(modes, eta) / (2 * modes[0]));
            sink.metric("reached/" + q, r.loss() <= levels[1] * (1 + 1e-9) ? 1 : 0);
        }
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

    @Override
    public Judgement judge(Records r, Map<String, Double> tol) {
        List<List<String>> table = new ArrayList<>();
        table.add(List.of("eta lambda_max", "descent rate", "descent/flow rate", "predicted ratio", "counts"));
        double worst = 0;
        int fails = 0;
        int open = 0;
        int counted = 0;
        for (var e : r.metricsWithPrefix("measured_ratio/").entrySet()) {
            String q = e.getKey().substring("measured_ratio/".length());
            double dev = e.getValue() / r.metric("predicted_ratio/" + q) - 1;
            boolean practical = Double.parseDouble(q) <= tol.get("practical");
            table.add(List.of(q, Fmt.g(r.metric("descent_rate/" + q)), Fmt.g(e.getValue()),
                    Fmt.g(r.metric("predicted_ratio/" + q)), practical ? "yes" : "shown"));
            if (!practical) {
                continue;
            }
            counted++;
            if (r.metric("reached/" + q) < 1 || Double.isNaN(dev)) {
                open++;
            } else {
                worst = Math.max(worst, Math.abs(dev));
                fails += Math.abs(dev) > tol.get("rate_rel") ? 1 : 0;
            }
        }
        if (counted == 0 || Double.isNaN(r.metric("flow_rate"))) {
            return Judgement.of(Verdict.INCONCLUSIVE, "no practical step size or no flow rate recorded", List.of())
                    .withTable(table);
        }
        String deciding = Fmt.f("max |(descent/flow rate) / predicted ratio - 1| = %s over %d practical steps "
                + "(tolerance %s)", Fmt.g(worst), counted, Fmt.g(tol.get("rate_rel")));
        Verdict v = fails > 0 ? Verdict.FAILS : open > 0 ? Verdict.INCONCLUSIVE : Verdict.HOLDS;
        return Judgement.of(v, deciding, List.of("flow rate over the window " + Fmt.g(r.metric("flow_rate"))
                + "; 2 lambda_min+ at its limit " + Fmt.g(2 * r.metric("lambda_min_positive")))).withTable(table);
    }

    @Override
    public List<Figure> figures(Records r) {
        List<Figure.Curve> curves = new ArrayList<>();
        Records.Curve spec = r.spectrum("hessian_at_flow_limit");
        if (spec != null) {
            double[] q = Plots.linspace(0.005, 1.99, 200);
            double[] y = new double[q.length];
            for (int i = 0; i < q.length; i++) {
                y[i] = predictedRate(spec.x(), q[i] / r.metric("lambda_max")) / (2 * r.metric("lambda_min_positive"));
            }
            curves.add(new Figure.Curve("linearized prediction", q, y, null, null, Figure.Style.DASHED));
        }
        var rates = r.metricsWithPrefix("measured_ratio/");
        double[] x = new double[rates.size()];
        double[] y = new double[rates.size()];
        int i = 0;
        for (var e : rates.entrySet()) {
            x[i] = Double.parseDouble(e.getKey().substring("measured_ratio/".length()));
            y[i++] = e.getValue();
        }
        curves.add(new Figure.Curve("gradient descent (fitted)", x, y, null, null, Figure.Style.POINTS));
        return List.of(new Figure("fig-C2", "C2: descent rate over the flow's rate against eta lambda_max",
                "eta lambda_max", "descent rate / flow rate (per unit time)", Figure.Scale.LINEAR, Figure.Scale.LINEAR,
                Figure.Kind.LINES, curves, null, 0, "Rates of L per unit time t = k eta over the same loss window "
                + "(0.1 L0 down to the target), descent over flow; dashed: the linearized prediction "
                + "-ln max_j (1 - eta lambda_j)^2 / (2 eta lambda_min+)."));
    }
}
