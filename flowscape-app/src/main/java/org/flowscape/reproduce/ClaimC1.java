package org.flowscape.reproduce;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flowscape.analysis.ShallowNetwork;
import org.flowscape.dynamics.FlowResult;
import org.flowscape.dynamics.NtkMonitor;
import org.flowscape.dynamics.RateEstimate;
import org.flowscape.dynamics.RateFit;
import org.flowscape.dynamics.SampleGrid;
import org.flowscape.dynamics.Series;
import org.flowscape.dynamics.StepObserver;
import org.flowscape.dynamics.StoppingRule;
import org.flowscape.dynamics.TraceMonitor;
import org.flowscape.experiment.RecordSink;
import org.flowscape.experiment.RunContext;
import org.flowscape.linalg.Matrix;
import org.flowscape.linalg.SymmetricEigen;
import org.flowscape.objective.EmpiricalRisk;
import org.flowscape.report.Figure;
import org.flowscape.rng.Seeds;

/**
 * C1 (theory.md C.1, [A]; the NTK mechanism C.2, [R]): in the overparameterized regime (P ≥ n) the flow's loss
 * decays linearly for ReLU, leaky-ReLU, sigmoid, tanh and polynomial networks. One-hidden-layer networks
 * {@code mlp:3-W-1:ACT} on Gaussian data (n points in ℝ³), LeCun initialization, MSE (½·mean, so s = 1/n); RK4
 * (ReLU types) or adaptive Dormand–Prince (analytic activations) with the {@link NtkMonitor}. Per network: the bound
 * L(t) ≤ L(0)exp(−2s∫λ_min(K)) at every observed point (enforced for analytic activations; for ReLU types a flow
 * sliding along kinks is not bound by the one-sided K, so an excess is reported with the kink count), inf_t
 * λ_min(K) &gt; 0, and the fitted late rate of L at least the guaranteed 2s·inf λ_min(K).
 */
final class ClaimC1 extends ComputedClaim {
    static final double STEP = 0.125;
    /** A preactivation this close to 0 sits on a ReLU kink. */
    static final double KINK = 1e-6;
    static final double MAX_HORIZON = 1e5;
    /** Relative tolerance of the adaptive integrator (analytic activations). */
    static final double RTOL = 1e-9;
    /** Absolute tolerance of the adaptive integrator (analytic activations). */
    static final double ATOL = 1e-12;
    static final String[] ACTIVATIONS = {"relu", "leaky_relu(0.1)", "sigmoid", "tanh", "poly(0,1,0.5,0.2)"};

    @Override
    public String id() {
        return "C1";
    }

    @Override
    public String statement() {
        return "For ReLU, leaky ReLU, sigmoid, tanh and polynomial networks with P >= n the flow's loss decays "
                + "linearly, at a fitted rate at least 2 s inf_t lambda_min(K).";
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
        return Map.of("samples", scale.pick("8", "12", "20"), "width", scale.pick("12", "24", "80"),
                "seeds", scale.pick("1", "2", "3"), "decades", scale.pick("6", "8", "10"),
                "max_steps", scale.pick("100000", "500000", "1000000"));
    }

    @Override
    public Map<String, Double> tolerances() {
        return Map.of("bound_rel", 1e-3, "rate_rel", 0.05, "kernel_rel", 1e-10);
    }

    @Override
    void compute(RunContext c, RecordSink sink) {
        int n = Integer.parseInt(c.param("samples", "8"));
        int width = Integer.parseInt(c.param("width", "12"));
        int seeds = Integer.parseInt(c.param("seeds", "1"));
        double decades = Double.parseDouble(c.param("decades", "8"));
        double maxSteps = Double.parseDouble(c.param("max_steps", "100000"));
        for (String act : c.param("activations", String.join(";", ACTIVATIONS)).split(";")) {
            for (int s = 0; s < seeds; s++) {
                String data = "gaussian:n=" + n + ",d=3,seed=" + Seeds.derive(c.spec().seed(), "data", s);
                EmpiricalRisk f = Costs.risk("mlp:3-" + width + "-1:" + act, data, "mse");
                double[] theta = f.network().initialize(Seeds.derive(c.spec().seed(), "init/" + act, s));
                run(sink, act + "/" + s, f, theta, decades, maxSteps, s == 0);
            }
        }
    }

    /**
     * ReLU-type activations: fixed-step RK4 with h = {@value #STEP}/(s·λ_max(K(θ0))): their vector fields are only
     * Lipschitz at the kinks, where an adaptive embedded method crawls; the step resolves the fastest mode 8-fold;
     * every 5th step is observed. Analytic activations: Dormand–Prince 8(5,3), adaptive at rtol {@value #RTOL}, atol
     * {@value #ATOL}, every step observed (a fixed step sized by λ_max(K(θ0)) needed 10⁶ steps for sigmoid and
     * polynomial networks at full scale and still fell short). Horizon: three times the time the guaranteed rate at θ0
     * needs for the requested decades, at most {@value #MAX_HORIZON}; at most 4·{@code max_steps} gradients.
     */
    private static void run(RecordSink sink, String label, EmpiricalRisk f, double[] theta, double decades,
            double maxSteps, boolean keep) {
        boolean analytic = f.network().layers().get(0).activation().traits().analytic();
        NtkMonitor ntk = new NtkMonitor(analytic ? 1 : 5);
        TraceMonitor trace = new TraceMonitor(analytic ? 1 : 5);
        double l0 = f.value(theta);
        double[] k0 = ntkExtremes(f, theta);
        double s0 = 1.0 / f.data().size();
        double h = STEP / (s0 * k0[1]);
        double horizon = Math.min(analytic ? MAX_HORIZON : Math.min(MAX_HORIZON, maxSteps * h),
                3 * decades * Math.log(10) / (2 * s0 * Math.max(k0[0], 1e-12)));
        Integrator integ = analytic ? new Integrator("dopri853", RTOL, ATOL) : new Integrator("rk4:" + h, 0, 0);
        FlowResult r = integ.run(f, theta, StoppingRule.horizon(horizon).withLossTarget(l0 * Math.pow(10, -decades))
                .withNormBound(1e6).withMaxEvaluations((long) (4 * maxSteps + 100)), SampleGrid.none(),
                List.<StepObserver>of(ntk, trace));
        if (!analytic) {
            sink.metric("step/" + label, h);
        }
        sink.metric("steps/" + label, r.steps());
        Series loss = trace.loss();
        Series integral = ntk.integral();
        double s = ntk.lossScale();
        double violation = 0;
        double[] bound = new double[integral.size()];
        double[] it = integral.times();
        double[] iv = integral.values();
        double[] lt = loss.times();
        double[] lv = loss.values();
        for (int i = 0; i < it.length; i++) {
            bound[i] = l0 * Math.exp(-2 * s * iv[i]);
            int j = java.util.Arrays.binarySearch(lt, it[i]);
            if (j >= 0) {
                violation = Math.max(violation, lv[j] / bound[i] - 1);
            }
        }
        RateEstimate rate = RateFit.fit(lt, lv, 0, 3);
        sink.metric("loss0/" + label, l0);
        sink.metric("loss_end/" + label, r.loss());
        sink.metric("reached/" + label, r.loss() <= l0 * Math.pow(10, -decades) * (1 + 1e-9) ? 1 : 0);
        sink.metric("inf_lambda_min/" + label, ntk.infimum());
        sink.metric("lambda_max0/" + label, k0[1]);
        sink.metric("guaranteed/" + label, ntk.guaranteedRate());
        sink.metric("fitted/" + label, rate.rate());
        sink.metric("violation/" + label, violation);
        sink.metric("parameters/" + label, f.dim());
        sink.metric("analytic/" + label, f.network().layers().get(0).activation().traits().analytic() ? 1 : 0);
        sink.metric("kinks/" + label, kinks(f, r.theta()));
        sink.metric("outputs/" + label, f.data().size());
        if (keep) {
            sink.series("loss/" + label, lt, lv);
            sink.series("bound/" + label, it, bound);
            sink.series("fit/" + label, new double[] {rate.start(), rate.end()}, new double[] {
                Math.exp(rate.intercept() - rate.rate() * rate.start()),
                Math.exp(rate.intercept() - rate.rate() * rate.end())});
        }
    }

    /**
     * How many (neuron, sample) preactivations wᵢ·xₜ + bᵢ lie within {@value #KINK} of 0 at θ (read only): where a
     * ReLU-type flow has come to rest on a kink (a Filippov sliding mode), the one-sided NTK K = JJᵀ does not govern
     * the decay, and the bound L(0)exp(−2s∫λ_min) need not hold.
     */
    static int kinks(EmpiricalRisk f, double[] theta) {
        ShallowNetwork net = ShallowNetwork.of(f.network(), theta);
        Matrix x = f.data().inputs();
        int count = 0;
        for (int i = 0; i < net.hidden(); i++) {
            for (int t = 0; t < x.rows(); t++) {
                count += Math.abs(net.preactivation(i, x, t)) <= KINK ? 1 : 0;
            }
        }
        return count;
    }

    /** {λ_min, λ_max} of the NTK Gram matrix K = JJᵀ (n·k × n·k) at θ (read only). */
    static double[] ntkExtremes(EmpiricalRisk f, double[] theta) {
        int m = f.outputCount();
        double[] k = f.ntk(theta, new double[m * m]);
        SymmetricEigen e = SymmetricEigen.values(new Matrix(m, m, k));
        return new double[] {e.min(), e.max()};
    }

    @Override
    public Judgement judge(Records r, Map<String, Double> tol) {
        List<List<String>> table = new ArrayList<>();
        table.add(List.of("network", "P", "n", "inf lambda_min(K)", "guaranteed 2s inf lambda_min", "fitted rate",
                "max bound violation", "verdict"));
        List<String> details = new ArrayList<>();
        int fails = 0;
        int open = 0;
        double worstRatio = Double.POSITIVE_INFINITY;
        for (String key : r.metricsWithPrefix("fitted/").keySet()) {
            String label = key.substring("fitted/".length());
            double fitted = r.metric("fitted/" + label);
            double guaranteed = r.metric("guaranteed/" + label);
            double inf = r.metric("inf_lambda_min/" + label);
            double violation = r.metric("violation/" + label);
            boolean reached = r.metric("reached/" + label) > 0;
            boolean degenerate = !(inf > tol.get("kernel_rel") * r.metric("lambda_max0/" + label));
            boolean smooth = !(r.metric("analytic/" + label) == 0);
            boolean boundFails = violation > tol.get("bound_rel") && smooth;
            if (violation > tol.get("bound_rel") && !smooth) {
                details.add(label + ": the NTK bound is exceeded by a factor " + Fmt.g(1 + violation) + " with "
                        + (int) r.metric("kinks/" + label) + " preactivations within " + Fmt.g(KINK) + " of the kink at "
                        + "the end: the flow slides along kinks, where the one-sided K does not bound the decay (not "
                        + "counted against the claim, which is about the rate)");
            }
            String v;
            if (boundFails || degenerate && !reached) {
                v = "fails";
                fails++;
            } else if (!reached || !(fitted > 0)) {
                v = "undecided";
                open++;
            } else if (fitted < guaranteed * (1 - tol.get("rate_rel"))) {
                v = "fails";
                fails++;
            } else {
                v = "holds";
                worstRatio = Math.min(worstRatio, fitted / guaranteed);
            }
            table.add(List.of(label, String.valueOf((int) r.metric("parameters/" + label)),
                    String.valueOf((int) r.metric("outputs/" + label)), Fmt.g(inf), Fmt.g(guaranteed), Fmt.g(fitted),
                    Fmt.g(violation), v));
        }
        if (table.size() == 1) {
            return Judgement.of(Verdict.INCONCLUSIVE, "no runs recorded", details);
        }
        String deciding = Fmt.f("%d/%d networks decay linearly with fitted rate >= guaranteed (min fitted/guaranteed "
                + "%s) and the NTK bound holding where the activation is smooth", table.size() - 1 - fails - open, table.size() - 1,
                Fmt.g(worstRatio));
        Verdict v = fails > 0 ? Verdict.FAILS : open > 0 ? Verdict.INCONCLUSIVE : Verdict.HOLDS;
        return Judgement.of(v, deciding, details).withTable(table);
    }

    @Override
    public List<Figure> figures(Records r) {
        List<Figure.Curve> curves = new ArrayList<>();
        r.allSeries().forEach((name, s) -> {
            Figure.Style style = name.startsWith("loss/") ? Figure.Style.LINE : Figure.Style.DASHED;
            curves.add(new Figure.Curve(name, s.x(), Plots.floor(s.y(), 1e-30), null, null, style));
        });
        return List.of(new Figure("fig-C1", "C1: loss along the flow with fitted rate and NTK bound", "time t",
                "L(t) (1/2 mean squared error)", Figure.Scale.LINEAR, Figure.Scale.LOG, Figure.Kind.LINES, curves,
                null, 0, "Solid: L(t) (ReLU types: RK4, h = 0.125/(s lambda_max(K0)); analytic: adaptive "
                + "Dormand-Prince 8(5,3), rtol 1e-9); dashed 'bound': "
                + "L(0) exp(-2 s int lambda_min(K)); dashed 'fit': the "
                + "Theil-Sen fit over the last decades. One seed per network."));
    }
}
