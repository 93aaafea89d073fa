package org.flowscape.reproduce;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flowscape.dynamics.Descent;
import org.flowscape.dynamics.FlowResult;
import org.flowscape.dynamics.GradientDescent;
import org.flowscape.dynamics.StoppingRule;
import org.flowscape.experiment.RecordSink;
import org.flowscape.experiment.RunContext;
import org.flowscape.geometry.MonotonePath;
import org.flowscape.geometry.MonotonePathConfig;
import org.flowscape.geometry.MonotonePathResult;
import org.flowscape.geometry.MonotonePathStatus;
import org.flowscape.geometry.SafranShamirExample;
import org.flowscape.linalg.Tolerance;
import org.flowscape.loss.Losses;
import org.flowscape.model.Models;
import org.flowscape.objective.EmpiricalRisk;
import org.flowscape.report.Figure;
import org.flowscape.rng.Seeds;

/**
 * D1 (theory.md D.2, Theorem 1 and Propositions 1–2, [P]): from a random initialization W⁰ of a ReLU network with
 * L(P(W⁰)) &gt; L(0) there is a strictly decreasing path to the loss of any lower point W¹; {@link MonotonePath}
 * builds it by rescaling the last layer and certifies the decrease on a grid. Random two-layer bias-free ReLU
 * networks on Gaussian data, W¹ = 300 descent steps from W⁰; plus the explicit 1-D example of Figures 2–3 (D.5),
 * where the straight path from the bad basin (w = 2) to w = −0.5 is not monotone. Also: the fraction of
 * initializations with L(P(W⁰)) &gt; L(0) against Proposition 2's bound ½(1 − 2^{−n}).
 */
final class ClaimD1 extends ComputedClaim {
    /** The width on the figure's x axis given to the final rescaling segment, after λ ∈ [0, 1]. */
    static final double FINAL_SPAN = 0.25;

    @Override
    public String id() {
        return "D1";
    }

    @Override
    public String statement() {
        return "From random initialization (with L(P(W0)) > L(0)) a strictly decreasing path to the loss of a lower "
                + "point exists: the last-layer-rescaling construction succeeds, even where the straight path does not "
                + "descend monotonically.";
    }

    @Override
    public Basis basis() {
        return Basis.PAPER;
    }

    @Override
    public Evidence evidence() {
        return Evidence.INSTRUMENT_CHECK;
    }

    @Override
    public Map<String, String> sizes(Scale scale) {
        return Map.of("trials", scale.pick("12", "60", "200"), "width", scale.pick("8", "32", "128"),
                "samples", scale.pick("20", "40", "100"), "loss", "mse-mean", "root_accuracy", "1e-13");
    }

    @Override
    public Map<String, Double> tolerances() {
        return Map.of("residual_rel", 1e-9);
    }

    @Override
    void compute(RunContext c, RecordSink sink) {
        int trials = Integer.parseInt(c.param("trials", "12"));
        int width = Integer.parseInt(c.param("width", "8"));
        int samples = Integer.parseInt(c.param("samples", "20"));
        MonotonePathConfig config = new MonotonePathConfig(101, 26, Double.parseDouble(c.param("root_accuracy",
                "1e-13")), new Tolerance(1e-12, c.tolerance("residual_rel", 1e-9)), 1e8, 200);
        String loss = c.param("loss", "mse-mean");
        int above = 0;
        for (int i = 0; i < trials; i++) {
            String data = "gaussian:n=" + samples + ",d=5,seed=" + Seeds.derive(c.spec().seed(), "data", i);
            EmpiricalRisk f = Costs.risk("mlp:5-" + width + "-1:relu:nobias", data, loss);
            double[] w0 = f.network().initialize(Seeds.derive(c.spec().seed(), "init", i));
            double zero = f.value(new double[f.dim()]);
            if (f.value(w0) > zero) {
                above++;
            } else {
                flipLastLayer(f, w0);
            }
            FlowResult gd = Descent.run(f, w0, GradientDescent.constant(0.05), StoppingRule.horizon(15));
            MonotonePathResult r = MonotonePath.straight(f, w0, gd.theta(), config);
            record(sink, "random/" + i, r, i == 0);
        }
        sink.metric("init_above_zero_fraction", above / (double) trials);
        sink.metric("init_above_zero_bound", 0.5 * (1 - Math.pow(2, -width)));
        example(sink, config);
    }

    /** Negates the last layer (θ overwritten): Proposition 2's sign flip, which preserves the distribution. */
    private static void flipLastLayer(EmpiricalRisk f, double[] theta) {
        int start = f.network().offset(f.network().depth() - 1);
        for (int k = start; k < theta.length; k++) {
            theta[k] = -theta[k];
        }
    }

    /** The 1-D example: ReLU neuron w with output weight v, from (w, v) = (2, 1) to (−0.5, 1). */
    private static void example(RecordSink sink, MonotonePathConfig config) {
        SafranShamirExample ex = new SafranShamirExample(0.1);
        EmpiricalRisk f = new EmpiricalRisk(Models.parse("mlp:1-1-1:relu:nobias"), Losses.parse("mse-mean"),
                ex.dataset(1));
        MonotonePathResult r = MonotonePath.straight(f, new double[] {2, 1}, new double[] {-0.5, 1}, config);
        record(sink, "example", r, true);
        double[][] fig2 = ex.figure2(-2, 2.5, 181);
        sink.series("figure2", fig2[0], fig2[1]);
        double[] axis = Plots.linspace(-2, 2.5, 61);
        sink.grid("figure3", axis, axis, ex.figure3(-2, 2.5, 61));
    }

    private static void record(RecordSink sink, String label, MonotonePathResult r, boolean curves) {
        sink.metric("status/" + label, r.status().ordinal());
        sink.metric("certified/" + label, r.status() == MonotonePathStatus.CERTIFIED ? 1 : 0);
        sink.metric("applicable/" + label, r.status() == MonotonePathStatus.INIT_NOT_ABOVE_ZERO_PREDICTOR
                || r.status() == MonotonePathStatus.TARGET_NOT_LOWER ? 0 : 1);
        sink.metric("largest_increment/" + label, r.largestIncrement());
        sink.metric("straight_monotone/" + label, r.straight() != null && r.straight().monotone() ? 1 : 0);
        sink.metric("start_loss/" + label, r.startLoss());
        sink.metric("target_loss/" + label, r.targetLoss());
        if (curves && r.status() == MonotonePathStatus.CERTIFIED) {
            double[][] path = constructed(r);
            sink.series("constructed/" + label, path[0], path[1]);
            sink.series("straight/" + label, r.straight().lambdas(), r.straight().losses());
        }
    }

    /**
     * The whole constructed path as (x, L): the main grid at x = λ ∈ [0, 1], then the final rescaling segment
     * c̃(1) → c' at W¹ drawn on x ∈ (1, 1 + {@value #FINAL_SPAN}], ending at L(P(W¹)), the lower point's loss. (The
     * first edition stored the main grid only, so its curve stopped at v(1) = max{L(0), L(P(W¹))}.)
     */
    static double[][] constructed(MonotonePathResult r) {
        double[] lam = r.lambdas();
        double[] fl = r.finalLosses();
        double[] x = new double[lam.length + fl.length];
        double[] y = new double[x.length];
        System.arraycopy(lam, 0, x, 0, lam.length);
        System.arraycopy(r.losses(), 0, y, 0, lam.length);
        for (int k = 0; k < fl.length; k++) {
            x[lam.length + k] = 1 + FINAL_SPAN * (k + 1) / fl.length;
            y[lam.length + k] = fl[k];
        }
        return new double[][] {x, y};
    }

    @Override
    public Judgement judge(Records r, Map<String, Double> tol) {
        int applicable = 0;
        int certified = 0;
        int straightMonotone = 0;
        double worst = Double.NEGATIVE_INFINITY;
        List<String> details = new ArrayList<>();
        for (var e : r.metricsWithPrefix("applicable/").entrySet()) {
            String label = e.getKey().substring("applicable/".length());
            if (e.getValue() < 1) {
                details.add(label + ": construction not applicable (status " + (int) r.metric("status/" + label)
                        + ")");
                continue;
            }
            applicable++;
            boolean ok = r.metric("certified/" + label) > 0;
            certified += ok ? 1 : 0;
            straightMonotone += r.metric("straight_monotone/" + label) > 0 ? 1 : 0;
            worst = Math.max(worst, r.metric("largest_increment/" + label));
            if (!ok) {
                details.add(label + ": construction not certified, largest increment "
                        + Fmt.g(r.metric("largest_increment/" + label)));
            }
        }
        details.add(Fmt.f("straight path monotone in %d of %d; 1-D example straight path monotone: %s",
                straightMonotone, applicable, r.metric("straight_monotone/example") > 0));
        details.add(Fmt.f("fraction of inits with L(P(W0)) > L(0): %s (Proposition 2 bound %s)",
                Fmt.g(r.metric("init_above_zero_fraction")), Fmt.g(r.metric("init_above_zero_bound"))));
        String deciding = Fmt.f("construction certified strictly decreasing in %d/%d (largest step increment %s); "
                + "straight path monotone in %d/%d", certified, applicable, Fmt.g(worst), straightMonotone, applicable);
        if (applicable == 0) {
            return Judgement.of(Verdict.INCONCLUSIVE, "no applicable trial", details);
        }
        return Judgement.of(certified == applicable ? Verdict.HOLDS : Verdict.FAILS, deciding, details);
    }

    @Override
    public List<Figure> figures(Records r) {
        List<Figure> figs = new ArrayList<>();
        List<Figure.Curve> paths = new ArrayList<>();
        r.allSeries().forEach((name, s) -> {
            if (name.startsWith("constructed/") || name.startsWith("straight/")) {
                paths.add(new Figure.Curve(name, s.x(), s.y(), null, null, name.startsWith("straight/")
                        ? Figure.Style.DASHED : Figure.Style.LINE));
            }
        });
        figs.add(new Figure("fig-D1", "D1: loss along the straight path and along the Theorem 1 construction",
                "path parameter (lambda on [0, 1]; the final rescaling segment on (1, 1.25])",
                "L (mean squared error, paper D's 1/m convention)", Figure.Scale.LINEAR, Figure.Scale.LINEAR,
                Figure.Kind.LINES, paths, null, 0, "Dashed: the straight path W0 -> W1 (lambda on [0, 1]); solid: "
                + "the rescaled path, strictly decreasing, then its final rescaling segment at W1 (drawn on "
                + "(1, 1.25]) down to the lower point's loss L(P(W1)). 'example' is the 1-D construction of "
                + "Figures 2-3."));
        Records.Curve f2 = r.series("figure2");
        if (f2 != null) {
            figs.add(new Figure("fig-D1-figure2", "D.5 Figure 2: L_S(w) of the 1-D example, eps = 0.1", "w",
                    "L_S(w)", Figure.Scale.LINEAR, Figure.Scale.LINEAR, Figure.Kind.LINES,
                    List.of(Figure.Curve.line("L_S", f2.x(), f2.y())), null, 0,
                    "Global minimum 0.1 at w = -1, bad minimum 0.5 at w = 0.894; L_S(0) = 0.6."));
        }
        Records.Grid f3 = r.grid("figure3");
        if (f3 != null) {
            figs.add(new Figure("fig-D1-figure3", "D.5 Figure 3: the example in two dimensions", "w1", "w2",
                    Figure.Scale.LINEAR, Figure.Scale.LINEAR, Figure.Kind.HEATMAP, List.of(),
                    new Figure.HeatMap(f3.x(), f3.y(), f3.values(), "L_S(w1, w2)", true), 0,
                    "Minima: 0.1 (optimal), 0.5 (bad) and two mixed minima of 0.3."));
        }
        return figs;
    }
}
