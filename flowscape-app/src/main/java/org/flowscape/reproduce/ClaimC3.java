package org.flowscape.reproduce;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flowscape.data.Datasets;
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
import org.flowscape.loss.Losses;
import org.flowscape.model.Model;
import org.flowscape.model.layers.ModelSpecs;
import org.flowscape.objective.ModelObjective;
import org.flowscape.objective.Objectives;
import org.flowscape.report.Figure;
import org.flowscape.rng.Seeds;

/**
 * C3 (theory.md C.1, [A]; the NTK mechanism C.2, [R]): paper C's abstract names convolutional and residual networks
 * among those whose flow converges linearly in the overparameterized regime. A small CNN
 * ({@code layers:1x4x4/conv=C,3,1,1/tanh/avgpool=2/flatten/dense=1}, P = 14C + 1) and a small ResNet
 * ({@code layers:4/dense=W/tanh/res(dense=W/tanh)/dense=1}, P = W² + 7W + 1) on Gaussian data (n points), LeCun
 * initialization, MSE (½·mean, s = 1/n), adaptive Dormand–Prince 8(5,3) with the {@link NtkMonitor} on the layer
 * models' exact NTK. Per network, as C1: the bound L(t) ≤ L(0)exp(−2s∫λ_min(K)) at every observed point, inf_t
 * λ_min(K) &gt; 0, and the fitted late rate at least 2s·inf λ_min(K). Plus the boundary where K turns singular: for a
 * CNN of P parameters, λ_min(K(θ0))/λ_max over n = 2 … P + 3 samples; K = JJᵀ has rank ≤ P, so it must be singular
 * past n = P (an instrument check), and the largest n with a regular K is recorded.
 */
final class ClaimC3 extends ComputedClaim {
    static final double MAX_HORIZON = 1e5;
    static final double RTOL = 1e-9;
    static final double ATOL = 1e-12;
    /** The CNN of the boundary sweep: P = 10 (conv 1×1×2×2 + bias on 3×3 images, dense 4 → 1). */
    static final String BOUNDARY_MODEL = "layers:1x3x3/conv=1,2/tanh/flatten/dense=1";

    @Override
    public String id() {
        return "C3";
    }

    @Override
    public String statement() {
        return "For convolutional and residual networks with P >= n the flow's loss decays linearly, at a fitted rate "
                + "at least 2 s inf_t lambda_min(K); K = JJ^T turns singular once n exceeds rank J <= P.";
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
        return Map.of("samples", scale.pick("8", "12", "20"), "channels", scale.pick("4", "4", "8"),
                "width", scale.pick("6", "8", "12"), "seeds", scale.pick("1", "1", "2"),
                "decades", scale.pick("4", "6", "8"), "max_steps", scale.pick("20000", "100000", "400000"));
    }

    @Override
    public Map<String, Double> tolerances() {
        return Map.of("bound_rel", 1e-3, "rate_rel", 0.05, "kernel_rel", 1e-10);
    }

    /** The models run, by label; {@code model} (one spec) replaces them (the planted failure uses it). */
    static Map<String, String> models(RunContext c) {
        String one = c.param("model", "");
        if (!one.isEmpty()) {
            return Map.of("planted", one);
        }
        int ch = Integer.parseInt(c.param("channels", "4"));
        int w = Integer.parseInt(c.param("width", "8"));
        return Map.of("cnn", "layers:1x4x4/conv=" + ch + ",3,1,1/tanh/avgpool=2/flatten/dense=1",
                "resnet", "layers:4/dense=" + w + "/tanh/res(dense=" + w + "/tanh)/dense=1");
    }

    @Override
    void compute(RunContext c, RecordSink sink) {
        int n = Integer.parseInt(c.param("samples", "8"));
        int seeds = Integer.parseInt(c.param("seeds", "1"));
        double decades = Double.parseDouble(c.param("decades", "4"));
        double maxSteps = Double.parseDouble(c.param("max_steps", "20000"));
        for (Map.Entry<String, String> m : new java.util.TreeMap<>(models(c)).entrySet()) {
            Model model = ModelSpecs.parse(m.getValue());
            for (int s = 0; s < seeds; s++) {
                String data = "gaussian:n=" + n + ",d=" + model.inputDim() + ",seed="
                        + Seeds.derive(c.spec().seed(), "data", s);
                ModelObjective f = Objectives.of(model, Losses.parse("mse"), Datasets.parse(data));
                double[] theta = model.initialize(Seeds.derive(c.spec().seed(), "init/" + m.getKey(), s));
                run(sink, m.getKey() + "/" + s, f, theta, decades, maxSteps, s == 0);
            }
        }
        boundary(c, sink);
    }

    /** λ_min/λ_max of K(θ0) for {@link #BOUNDARY_MODEL} on n = 2 … P + 3 samples (one seed). */
    private static void boundary(RunContext c, RecordSink sink) {
        Model model = ModelSpecs.parse(BOUNDARY_MODEL);
        double[] theta = model.initialize(Seeds.derive(c.spec().seed(), "init/boundary", 0));
        int p = model.parameterCount();
        double[] ns = new double[p + 2];
        double[] ratio = new double[p + 2];
        for (int n = 2; n <= p + 3; n++) {
            String data = "gaussian:n=" + n + ",d=" + model.inputDim() + ",seed="
                    + Seeds.derive(c.spec().seed(), "boundary", n);
            ModelObjective f = Objectives.of(model, Losses.parse("mse"), Datasets.parse(data));
            double[] e = ntkExtremes(f, theta);
            ns[n - 2] = n;
            ratio[n - 2] = Math.max(e[0], 0) / e[1];
            sink.metric("boundary_ratio/" + n, ratio[n - 2]);
        }
        sink.metric("boundary_parameters", p);
        sink.series("boundary", ns, ratio);
    }

    /** The flow from θ with the NTK monitor and the loss trace, recorded under {@code label}; see the class comment. */
    private static void run(RecordSink sink, String label, ModelObjective f, double[] theta, double decades,
            double maxSteps, boolean keep) {
        NtkMonitor ntk = new NtkMonitor(1);
        TraceMonitor trace = new TraceMonitor(1);
        double l0 = f.value(theta);
        double[] k0 = ntkExtremes(f, theta);
        double s0 = 1.0 / f.data().size();
        double horizon = Math.min(MAX_HORIZON, 3 * decades * Math.log(10) / (2 * s0 * Math.max(k0[0], 1e-12)));
        FlowResult r = new Integrator("dopri853", RTOL, ATOL).run(f, theta, StoppingRule.horizon(horizon)
                .withLossTarget(l0 * Math.pow(10, -decades)).withNormBound(1e6)
                .withMaxEvaluations((long) (4 * maxSteps + 100)), SampleGrid.none(), List.<StepObserver>of(ntk, trace));
        Series loss = trace.loss();
        Series integral = ntk.integral();
        double s = ntk.lossScale();
        double violation = 0;
        double[] it = integral.times();
        double[] bound = new double[it.length];
        double[] lt = loss.times();
        double[] lv = loss.values();
        for (int i = 0; i < it.length; i++) {
            bound[i] = l0 * Math.exp(-2 * s * integral.values()[i]);
            int j = java.util.Arrays.binarySearch(lt, it[i]);
            if (j >= 0) {
                violation = Math.max(violation, lv[j] / bound[i] - 1);
            }
        }
        RateEstimate rate = RateFit.fit(lt, lv, 0, 3);
        sink.metric("steps/" + label, r.steps());
        sink.metric("loss0/" + label, l0);
        sink.metric("loss_end/" + label, r.loss());
        sink.metric("reached/" + label, r.loss() <= l0 * Math.pow(10, -decades) * (1 + 1e-9) ? 1 : 0);
        sink.metric("inf_lambda_min/" + label, ntk.infimum());
        sink.metric("lambda_max0/" + label, k0[1]);
        sink.metric("guaranteed/" + label, ntk.guaranteedRate());
        sink.metric("fitted/" + label, rate.rate());
        sink.metric("violation/" + label, violation);
        sink.metric("parameters/" + label, f.dim());
        sink.metric("outputs/" + label, f.data().size());
        if (keep) {
            sink.series("loss/" + label, lt, lv);
            sink.series("bound/" + label, it, bound);
        }
    }

    /** {λ_min, λ_max} of the NTK Gram matrix K = JJᵀ (n·k × n·k) at θ (read only). */
    static double[] ntkExtremes(ModelObjective f, double[] theta) {
        int m = f.outputCount();
        SymmetricEigen e = SymmetricEigen.values(new Matrix(m, m, f.ntk(theta, new double[m * m])));
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
        for (String key : r.metricsWithPrefix("fitted/").keySet()) {
            String label = key.substring("fitted/".length());
            String v = verdict(r, label, tol);
            fails += v.equals("fails") ? 1 : 0;
            open += v.equals("undecided") ? 1 : 0;
            table.add(List.of(label, String.valueOf((int) r.metric("parameters/" + label)),
                    String.valueOf((int) r.metric("outputs/" + label)), Fmt.g(r.metric("inf_lambda_min/" + label)),
                    Fmt.g(r.metric("guaranteed/" + label)), Fmt.g(r.metric("fitted/" + label)),
                    Fmt.g(r.metric("violation/" + label)), v));
        }
        if (table.size() == 1) {
            return Judgement.of(Verdict.INCONCLUSIVE, "no runs recorded", details);
        }
        fails += boundary(r, tol, details);
        String deciding = Fmt.f("%d/%d layer networks decay linearly with fitted rate >= 2 s inf lambda_min(K) and the "
                + "NTK bound holding; K singular past n = P in the boundary sweep", table.size() - 1 - fails - open,
                table.size() - 1);
        Verdict v = fails > 0 ? Verdict.FAILS : open > 0 ? Verdict.INCONCLUSIVE : Verdict.HOLDS;
        return Judgement.of(v, deciding, details).withTable(table);
    }

    /** As C1 for one network: fails on a vanished K with a stalled loss, a broken bound or a slow rate. */
    static String verdict(Records r, String label, Map<String, Double> tol) {
        double fitted = r.metric("fitted/" + label);
        double guaranteed = r.metric("guaranteed/" + label);
        boolean reached = r.metric("reached/" + label) > 0;
        boolean degenerate = !(r.metric("inf_lambda_min/" + label)
                > tol.get("kernel_rel") * r.metric("lambda_max0/" + label));
        if (r.metric("violation/" + label) > tol.get("bound_rel") || degenerate && !reached) {
            return "fails";
        }
        if (!reached || !(fitted > 0)) {
            return "undecided";
        }
        return fitted < guaranteed * (1 - tol.get("rate_rel")) ? "fails" : "holds";
    }

    /** Adds the boundary to {@code details}; returns 1 when K is regular past n = P (impossible: rank J ≤ P). */
    private static int boundary(Records r, Map<String, Double> tol, List<String> details) {
        Map<String, Double> ratios = r.metricsWithPrefix("boundary_ratio/");
        if (ratios.isEmpty()) {
            return 0;
        }
        int p = (int) r.metric("boundary_parameters");
        int lastRegular = 0;
        int bad = 0;
        for (Map.Entry<String, Double> e : ratios.entrySet()) {
            int n = Integer.parseInt(e.getKey().substring("boundary_ratio/".length()));
            boolean regular = e.getValue() > tol.get("kernel_rel");
            lastRegular = regular ? Math.max(lastRegular, n) : lastRegular;
            bad += regular && n > p ? 1 : 0;
        }
        details.add(Fmt.f("boundary: %s (P = %d): K(theta0) regular (lambda_min/lambda_max > %s) up to n = %d, "
                + "singular beyond%s", BOUNDARY_MODEL, p, Fmt.g(tol.get("kernel_rel")), lastRegular,
                bad > 0 ? "; REGULAR past n = P at " + bad + " sizes (rank J <= P makes that impossible)" : ""));
        return bad > 0 ? 1 : 0;
    }

    @Override
    public List<Figure> figures(Records r) {
        List<Figure.Curve> curves = new ArrayList<>();
        r.allSeries().forEach((name, s) -> {
            if (!name.equals("boundary")) {
                Figure.Style style = name.startsWith("loss/") ? Figure.Style.LINE : Figure.Style.DASHED;
                curves.add(new Figure.Curve(name, s.x(), Plots.floor(s.y(), 1e-30), null, null, style));
            }
        });
        return List.of(new Figure("fig-C3", "C3: loss of a CNN and a ResNet along the flow with the NTK bound",
                "time t", "L(t) (1/2 mean squared error)", Figure.Scale.LINEAR, Figure.Scale.LOG, Figure.Kind.LINES,
                curves, null, 0, "Solid: L(t) (adaptive Dormand-Prince 8(5,3), rtol 1e-9); dashed 'bound': "
                + "L(0) exp(-2 s int lambda_min(K)). One seed per network."));
    }
}
