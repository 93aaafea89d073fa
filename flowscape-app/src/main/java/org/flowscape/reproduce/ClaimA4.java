package org.flowscape.reproduce;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flowscape.dynamics.FlowResult;
import org.flowscape.dynamics.ProductModel;
import org.flowscape.dynamics.SampleGrid;
import org.flowscape.dynamics.StepObserver;
import org.flowscape.dynamics.StoppingRule;
import org.flowscape.experiment.RecordSink;
import org.flowscape.experiment.RunContext;
import org.flowscape.objective.EmpiricalRisk;
import org.flowscape.report.Figure;

/**
 * A4 (theory.md A.6, [P]; the closed form and "without bound" [R]): for f = ½(z − 3)², k = 1 and the same initial
 * product z0 = 0.25, the time for the product to reach z1 = 2.9 falls strictly as the imbalance c grows, and like
 * c^{-1/2}, i.e. without bound. Starts (w1, w2) with w1w2 = z0 and (w1² − w2²)² = c; flow time measured by DOP853's
 * located loss crossing L = ½(z1 − 3)² against {@link ProductModel#hittingTimeQuadratic}; the log-log slope over the
 * last decade of c.
 */
final class ClaimA4 extends ComputedClaim {
    static final double Z0 = 0.25;
    static final double Z1 = 2.9;

    @Override
    public String id() {
        return "A4";
    }

    @Override
    public String statement() {
        return "Convergence time falls strictly as the imbalance c grows, without bound (like c^-1/2), matching the "
                + "closed form for the quadratic cost.";
    }

    @Override
    public Basis basis() {
        return Basis.PAPER;
    }

    @Override
    public Evidence evidence() {
        return Evidence.CONSEQUENCE;
    }

    @Override
    public Map<String, String> sizes(Scale scale) {
        return Map.of("points", scale.pick("10", "24", "40"), "c_max", scale.pick("1e4", "1e6", "1e8"),
                "integrator", "dopri853");
    }

    @Override
    public Map<String, Double> tolerances() {
        return Map.of("time_rel", 1e-6, "slope", 0.05, "rtol", 1e-12, "atol", 1e-14);
    }

    @Override
    void compute(RunContext c, RecordSink sink) {
        int n = Integer.parseInt(c.param("points", "10"));
        double cMax = Double.parseDouble(c.param("c_max", "1e4"));
        Integrator integ = new Integrator(c.param("integrator", "dopri853"), c.tolerance("rtol", 1e-12),
                c.tolerance("atol", 1e-14));
        EmpiricalRisk f = Costs.risk("product:2", Costs.SCALAR_DATA, "frobenius");
        double target = 0.5 * (Z1 - Costs.TARGET) * (Z1 - Costs.TARGET);
        double[] cs = new double[n + 1];
        double[] measured = new double[n + 1];
        double[] closed = new double[n + 1];
        double[] grid = Plots.logspace(1e-2, cMax, n);
        for (int i = 0; i <= n; i++) {
            double ci = i == 0 ? 0 : grid[i - 1];
            double[] w = start(Z0, ci);
            FlowResult r = integ.run(f, w, StoppingRule.horizon(100).withLossTarget(target), SampleGrid.none(),
                    List.<StepObserver>of());
            cs[i] = ProductModel.imbalance(new double[] {w[0]}, new double[] {w[1]});
            measured[i] = r.loss() <= target * (1 + 1e-9) ? r.time() : Double.NaN;
            closed[i] = ProductModel.hittingTimeQuadratic(Costs.TARGET, cs[i], Z0, Z1);
        }
        sink.series("time_measured", cs, measured);
        sink.series("time_closed_form", cs, closed);
    }

    /** (w1, w2) with w1·w2 = z0 &gt; 0 and (w1² − w2²)² = c, w1 ≥ w2. */
    static double[] start(double z0, double c) {
        double a = (Math.sqrt(c) + Math.sqrt(c + 4 * z0 * z0)) / 2;
        double w1 = Math.sqrt(a);
        return new double[] {w1, z0 / w1};
    }

    @Override
    public Judgement judge(Records r, Map<String, Double> tol) {
        Records.Curve m = r.series("time_measured");
        Records.Curve cf = r.series("time_closed_form");
        if (m == null || cf == null || m.x().length < 3) {
            return Judgement.of(Verdict.INCONCLUSIVE, "too few imbalance values recorded", List.of());
        }
        double[] c = m.x();
        double worst = 0;
        int unreached = 0;
        boolean monotone = true;
        for (int i = 0; i < c.length; i++) {
            if (Double.isNaN(m.y()[i])) {
                unreached++;
                continue;
            }
            worst = Math.max(worst, Math.abs(m.y()[i] - cf.y()[i]) / cf.y()[i]);
            if (i > 0 && !(m.y()[i] < m.y()[i - 1])) {
                monotone = false;
            }
        }
        int last = c.length - 1;
        int first = last;
        while (first > 1 && c[first - 1] >= c[last] / 10) {
            first--;
        }
        first = Math.max(1, Math.min(first, last - 1));
        double slope = Math.log(m.y()[last] / m.y()[first]) / Math.log(c[last] / c[first]);
        List<String> details = List.of("max |T - T_closed|/T_closed = " + Fmt.g(worst),
                "strictly decreasing in c: " + monotone, "log-log slope over the last decade of c: " + Fmt.g(slope),
                "runs that did not reach z1: " + unreached);
        String deciding = Fmt.f("slope d ln T / d ln c = %s (expected -0.5 +/- %s); max rel. error vs closed form %s",
                Fmt.g(slope), Fmt.g(tol.get("slope")), Fmt.g(worst));
        if (unreached > 0) {
            return Judgement.of(Verdict.INCONCLUSIVE, deciding + "; " + unreached + " runs did not reach z1", details);
        }
        boolean ok = monotone && worst <= tol.get("time_rel") && Math.abs(slope + 0.5) <= tol.get("slope");
        return Judgement.of(ok ? Verdict.HOLDS : Verdict.FAILS, deciding, details);
    }

    @Override
    public List<Figure> figures(Records r) {
        Records.Curve m = r.series("time_measured");
        Records.Curve cf = r.series("time_closed_form");
        List<Figure.Curve> curves = new ArrayList<>();
        if (m != null && cf != null) {
            double[] cx = java.util.Arrays.copyOfRange(m.x(), 1, m.x().length);
            curves.add(new Figure.Curve("flow (DOP853)", cx, java.util.Arrays.copyOfRange(m.y(), 1, m.y().length),
                    null, null, Figure.Style.POINTS));
            curves.add(new Figure.Curve("closed form", cx, java.util.Arrays.copyOfRange(cf.y(), 1, cf.y().length),
                    null, null, Figure.Style.DASHED));
        }
        return List.of(new Figure("fig-A4", "A4: time to reach z = 2.9 from z = 0.25 against the imbalance c",
                "imbalance c = (w1^2 - w2^2)^2", "time T", Figure.Scale.LOG, Figure.Scale.LOG, Figure.Kind.LINES,
                curves, null, 0, "f = (z - 3)^2/2, k = 1. Points: the flow's located crossing; dashed: the closed form "
                + "T = [ln|Phi(z1)| - ln|Phi(z0)|]/R. The c = 0 start (T = 0.9609) is off the log axis."));
    }
}
