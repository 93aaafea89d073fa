package org.flowscape.reproduce;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flowscape.analysis.DenseSpectrum;
import org.flowscape.dynamics.FlowResult;
import org.flowscape.dynamics.OneNeuronInvariantMonitor;
import org.flowscape.dynamics.Sample;
import org.flowscape.dynamics.SampleGrid;
import org.flowscape.dynamics.StepObserver;
import org.flowscape.dynamics.StoppingRule;
import org.flowscape.experiment.RecordSink;
import org.flowscape.experiment.RunContext;
import org.flowscape.linalg.Tolerance;
import org.flowscape.objective.EmpiricalRisk;
import org.flowscape.report.Figure;
import org.flowscape.rng.Seeds;

/**
 * A5 (theory.md A.7, [P]): the sigmoidal example g(w1, w2) = (1 − w2σ(w1))², σ(z) = z/√(1 + z²). The invariant
 * C = w2² − ½(1 + w1²)² is conserved; the origin is a saddle with Hessian [[0, −2], [−2, 0]] (eigenvector (1, 1)
 * unstable, (1, −1) stable); a start on the stable branch w2 = −w1√((2 + w1²)/2) flows into the origin at rate 2; a
 * start near the origin on the unstable branch escapes to the target set (loss → 0).
 */
final class ClaimA5 extends ComputedClaim {
    static final String MODEL = "mlp:1-1-1:algebraic_sigmoid:nobias";
    static final String DATA = "identity:1,target=[[1]]";
    static final String LOSS = "cost-sum:(x-y)^2";

    @Override
    public String id() {
        return "A5";
    }

    @Override
    public String statement() {
        return "Sigmoid example: C = w2^2 - (1 + w1^2)^2/2 is conserved; the origin is a saddle (eigenvalues +/-2) "
                + "whose "
                + "stable branch w2 = -w1 sqrt((2 + w1^2)/2) flows into it at rate 2.";
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
        return Map.of("starts", scale.pick("6", "16", "40"), "grid", scale.pick("41", "81", "161"),
                "integrator", "dopri853");
    }

    @Override
    public Map<String, Double> tolerances() {
        return Map.of("drift_rel", 1e-8, "eigen", 1e-10, "rate", 0.05, "escape_loss", 1e-10, "rtol", 1e-12,
                "atol", 1e-14);
    }

    @Override
    void compute(RunContext c, RecordSink sink) {
        Integrator integ = new Integrator(c.param("integrator", "dopri853"), c.tolerance("rtol", 1e-12),
                c.tolerance("atol", 1e-14));
        EmpiricalRisk g = Costs.risk(MODEL, DATA, LOSS);
        int starts = Integer.parseInt(c.param("starts", "6"));
        for (int i = 0; i < starts; i++) {
            double[] w = Seeds.gaussian(c.stream("start", i), 1.5, new double[2]);
            trajectory(sink, "start/" + i, g, w, integ, 10);
        }
        DenseSpectrum h = DenseSpectrum.of(g, new double[2], new Tolerance(1e-300, 1e-12));
        sink.metric("hessian_min", h.values()[0]);
        sink.metric("hessian_max", h.values()[1]);
        double[] v = h.eigen().vector(0);
        sink.metric("unstable_direction_dev", Math.abs(v[0] - v[1]));
        double w1 = 0.6;
        double[] stable = {w1, -branch(w1)};
        double[] s = trajectory(sink, "stable", g, stable, integ, 6);
        sink.metric("stable_rate", -Math.log(s[1] / s[0]) / 3);
        double e = 1e-4;
        trajectory(sink, "unstable", g, new double[] {e, branch(e)}, integ, 30);
        portrait(c, sink, g);
    }

    /** w1·√((2 + w1²)/2): the separatrices are w2 = ±this. */
    static double branch(double w1) {
        return w1 * Math.sqrt((2 + w1 * w1) / 2);
    }

    /** Runs the flow, records drift, loss and the path; returns |w| at t = horizon/2 and t = horizon. */
    private static double[] trajectory(RecordSink sink, String label, EmpiricalRisk g, double[] w0, Integrator integ,
            double horizon) {
        OneNeuronInvariantMonitor m = new OneNeuronInvariantMonitor();
        FlowResult r = integ.run(g, w0, StoppingRule.horizon(horizon).withNormBound(1e6),
                SampleGrid.linear(horizon, 201), List.<StepObserver>of(m));
        sink.metric("drift/" + label, m.maxRelativeDrift());
        sink.metric("loss_end/" + label, r.loss());
        sink.metric("finished/" + label, r.diverged() ? 0 : 1);
        List<Sample> samples = r.samples();
        double[] x = new double[samples.size()];
        double[] y = new double[samples.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = samples.get(i).theta()[0];
            y[i] = samples.get(i).theta()[1];
        }
        sink.series("path/" + label, x, y);
        Sample mid = samples.get(samples.size() / 2);
        Sample end = samples.get(samples.size() - 1);
        return new double[] {Math.hypot(mid.theta()[0], mid.theta()[1]), Math.hypot(end.theta()[0], end.theta()[1])};
    }

    private static void portrait(RunContext c, RecordSink sink, EmpiricalRisk g) {
        int n = Integer.parseInt(c.param("grid", "41"));
        double[] xs = Plots.linspace(-3, 3, n);
        double[][] z = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                z[i][j] = Math.log10(g.value(new double[] {xs[i], xs[j]}) + 1e-6);
            }
        }
        sink.grid("log10_loss", xs, xs, z);
    }

    @Override
    public Judgement judge(Records r, Map<String, Double> tol) {
        double drift = 0;
        for (double d : r.metricsWithPrefix("drift/").values()) {
            drift = Double.isNaN(d) || d > drift ? (Double.isNaN(d) ? Double.POSITIVE_INFINITY : d) : drift;
        }
        double eig = Math.max(Math.abs(r.metric("hessian_min") + 2), Math.abs(r.metric("hessian_max") - 2));
        double rate = r.metric("stable_rate");
        double escape = r.metric("loss_end/unstable");
        List<String> details = List.of("max relative drift of C: " + Fmt.g(drift),
                "Hessian at 0: " + Fmt.g(r.metric("hessian_min")) + ", " + Fmt.g(r.metric("hessian_max"))
                        + " (unstable direction deviation from (1,1)/sqrt2: "
                        + Fmt.g(r.metric("unstable_direction_dev")) + ")",
                "decay rate of |w| on the stable branch: " + Fmt.g(rate) + " (expected 2)",
                "loss after escaping along the unstable branch: " + Fmt.g(escape));
        if (Double.isNaN(rate) || Double.isNaN(drift) || Double.isNaN(escape)) {
            return Judgement.of(Verdict.INCONCLUSIVE, "missing records", details);
        }
        boolean ok = drift <= tol.get("drift_rel") && eig <= tol.get("eigen")
                && r.metric("unstable_direction_dev") <= tol.get("eigen") && Math.abs(rate - 2) <= tol.get("rate")
                && escape <= tol.get("escape_loss");
        String deciding = Fmt.f("max relative drift of C %s (tol %s); stable-branch rate %s (2 +/- %s)", Fmt.g(drift),
                Fmt.g(tol.get("drift_rel")), Fmt.g(rate), Fmt.g(tol.get("rate")));
        return Judgement.of(ok ? Verdict.HOLDS : Verdict.FAILS, deciding, details);
    }

    @Override
    public List<Figure> figures(Records r) {
        List<Figure.Curve> curves = new ArrayList<>();
        double[] w = Plots.linspace(-3, 3, 121);
        double[] up = new double[w.length];
        double[] down = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            up[i] = branch(w[i]);
            down[i] = -branch(w[i]);
        }
        curves.add(new Figure.Curve("unstable manifold", w, up, null, null, Figure.Style.DASHED));
        curves.add(new Figure.Curve("stable manifold", w, down, null, null, Figure.Style.DASHED));
        r.allSeries().forEach((name, s) -> {
            if (name.startsWith("path/")) {
                curves.add(Figure.Curve.line(name.substring(5), s.x(), s.y()));
            }
        });
        Records.Grid grid = r.grid("log10_loss");
        Figure.HeatMap map = grid == null ? null : new Figure.HeatMap(grid.x(), grid.y(), grid.values(),
                "log10(g + 1e-6)", true);
        Figure.Kind kind = map == null ? Figure.Kind.LINES : Figure.Kind.HEATMAP;
        return List.of(A5Linear.portrait(grid == null ? Plots.linspace(-3, 3, 81) : grid.x()),
                new Figure("fig-A5", "A5: phase portrait of the sigmoidal example (paper's Figure 3, right)", "w1", "w2",
                Figure.Scale.LINEAR, Figure.Scale.LINEAR, kind, curves, map, 0,
                "g = (1 - w2 w1/sqrt(1 + w1^2))^2; dashed: the separatrices through the saddle at 0 (level C = -1/2); "
                + "lines: flow trajectories (DOP853)."));
    }
}
