package org.flowscape.reproduce;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flowscape.dynamics.BalanceMonitor;
import org.flowscape.dynamics.FlowResult;
import org.flowscape.dynamics.SampleGrid;
import org.flowscape.dynamics.Series;
import org.flowscape.dynamics.StepObserver;
import org.flowscape.dynamics.StoppingRule;
import org.flowscape.experiment.RunContext;
import org.flowscape.objective.EmpiricalRisk;
import org.flowscape.report.Figure;
import org.flowscape.rng.Seeds;

/**
 * A1 (theory.md A.2, [P]): the matrices C_i = W_iW_iᵀ − W_{i+1}ᵀW_{i+1} are constant along the flow for every cost
 * and depth. Deep linear networks {@code linear:2x3x2} and {@code linear:2x3x3x2} on the factorization problem with
 * A = [[2,1],[0,1]], three costs (quadratic Frobenius, log-cosh, quartic), N(0, 0.5²) starts; DOP853 at rtol 1e-12 to
 * the horizon; the drift max_t max_entries |C_i(t) − C_i(0)| / max|C_i(0)| ({@link BalanceMonitor}) against a
 * tolerance at the integrator's error level.
 */
final class ClaimA1 extends ComputedClaim {
    static final String[] DEPTHS = {"linear:2x3x2", "linear:2x3x3x2"};
    static final String DATA = "identity:2,target=[[2,1],[0,1]]";
    static final String[][] COSTS = {{"quadratic", "frobenius"}, {"log-cosh", "cost-sum:log(cosh(x-y))"},
        {"quartic", "cost-sum:0.25*(x-y)^4+0.5*(x-y)^2"}};

    @Override
    public String id() {
        return "A1";
    }

    @Override
    public String statement() {
        return "C_i = W_i W_i^T - W_{i+1}^T W_{i+1} is conserved along the gradient flow, for several costs and "
                + "depths.";
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
        return Map.of("starts", scale.pick("2", "6", "20"), "horizon", scale.pick("10", "20", "20"),
                "integrator", "dopri853");
    }

    @Override
    public Map<String, Double> tolerances() {
        return Map.of("drift_rel", 1e-8, "rtol", 1e-12, "atol", 1e-14);
    }

    @Override
    void compute(RunContext c, org.flowscape.experiment.RecordSink sink) {
        int starts = Integer.parseInt(c.param("starts", "2"));
        double horizon = Double.parseDouble(c.param("horizon", "10"));
        Integrator integ = new Integrator(c.param("integrator", "dopri853"), c.tolerance("rtol", 1e-12),
                c.tolerance("atol", 1e-14));
        for (String model : DEPTHS) {
            for (String[] cost : COSTS) {
                EmpiricalRisk f = Costs.risk(model, DATA, cost[1]);
                for (int i = 0; i < starts; i++) {
                    String label = cost[0] + "/N=" + (model.split("x").length - 1) + "/" + i;
                    double[] theta = Seeds.gaussian(c.stream(label, i), 0.5, new double[f.dim()]);
                    BalanceMonitor m = new BalanceMonitor();
                    FlowResult r = integ.run(f, theta, StoppingRule.horizon(horizon).withNormBound(1e6),
                            SampleGrid.none(), List.<StepObserver>of(m));
                    sink.metric("drift/" + label, m.maxRelativeDrift());
                    sink.metric("finished/" + label, r.diverged() ? 0 : 1);
                    sink.metric("loss/" + label, r.loss());
                    if (i == 0) {
                        Series s = m.relativeDrift();
                        sink.series("drift/" + label, s.times(), s.values());
                    }
                }
            }
        }
    }

    @Override
    public Judgement judge(Records r, Map<String, Double> tol) {
        double limit = tol.get("drift_rel");
        Map<String, Double> drifts = r.metricsWithPrefix("drift/");
        if (drifts.isEmpty()) {
            return Judgement.of(Verdict.INCONCLUSIVE, "no runs recorded", List.of());
        }
        double max = 0;
        String worst = "";
        int unfinished = 0;
        for (var e : drifts.entrySet()) {
            String label = e.getKey().substring("drift/".length());
            if (r.metric("finished/" + label) < 1) {
                unfinished++;
            }
            double d = e.getValue();
            if (!(d <= max)) {
                max = Double.isNaN(d) ? Double.POSITIVE_INFINITY : d;
                worst = label;
            }
        }
        String deciding = "max relative drift " + Fmt.g(max) + (max <= limit ? " <= " : " > ") + Fmt.g(limit)
                + " (" + worst + ", " + drifts.size() + " runs)";
        List<String> details = List.of(unfinished + " runs did not reach the horizon");
        if (max > limit) {
            return Judgement.of(Verdict.FAILS, deciding, details);
        }
        if (unfinished > 0) {
            return Judgement.of(Verdict.INCONCLUSIVE, deciding + "; " + unfinished + " runs unfinished", details);
        }
        return Judgement.of(Verdict.HOLDS, deciding, details);
    }

    @Override
    public List<Figure> figures(Records r) {
        List<Figure.Curve> curves = new ArrayList<>();
        r.allSeries().forEach((name, s) -> curves.add(Figure.Curve.line(name.substring(6), s.x(),
                Plots.floor(s.y(), 1e-17))));
        return List.of(new Figure("fig-A1", "A1: drift of the conserved C_i along the flow", "time t",
                "max_i max|C_i(t) - C_i(0)| / max|C_i(0)|", Figure.Scale.LINEAR, Figure.Scale.LOG,
                Figure.Kind.LINES, curves, null, 0, "Relative drift of C_i for the first start of each cost and "
                + "depth (DOP853, rtol 1e-12); values below 1e-17 drawn at 1e-17."));
    }
}
