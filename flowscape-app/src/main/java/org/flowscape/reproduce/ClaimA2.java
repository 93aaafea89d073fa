package org.flowscape.reproduce;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flowscape.dynamics.FlowResult;
import org.flowscape.dynamics.SampleGrid;
import org.flowscape.dynamics.StepObserver;
import org.flowscape.dynamics.StoppingRule;
import org.flowscape.experiment.RecordSink;
import org.flowscape.experiment.RunContext;
import org.flowscape.linalg.Vectors;
import org.flowscape.loss.ScalarCost;
import org.flowscape.objective.EmpiricalRisk;
import org.flowscape.report.Figure;
import org.flowscape.rng.Seeds;

/**
 * A2 (theory.md A.3–A.5, [P]; the predicted limit [R]): on the vector factorization g(w1, w2) = f(w2·w1), k = 3, the
 * flow from generic starts converges to a critical point of f — the minimizer z* that the plain 1-D flow of f
 * reaches from z(0), because the product's flow is a time change of it (A.6) — for four proper analytic costs
 * (quadratic, log-cosh, quartic, double well). The bad starts are exactly the predicted set {w1 = s·w2ᵀ},
 * s = sign f'(0): started there (RK4, which keeps the set exactly) the flow goes to the origin, where f' ≠ 0; a
 * 1e-6 perturbation off the set escapes to the minimizer the 1-D flow reaches from 0.
 */
final class ClaimA2 extends ComputedClaim {
    static final String MODEL = "linear:1x3x1";
    static final int K = 3;

    @Override
    public String id() {
        return "A2";
    }

    @Override
    public String statement() {
        return "Per cost: from generic starts the flow converges to the critical point of f the 1-D flow reaches "
                + "from z(0) (Proposition 5: quadratic, log-cosh, quartic, double well); starts on {w1 = s w2^T} "
                + "inside the origin's stable set go to the origin; Corollary 6 (f(z) -> f* iff d(w(0)) > 0) only "
                + "where PD-PL holds (not for the double well).";
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
        return Map.of("starts", scale.pick("3", "10", "30"), "costs", "quadratic,log-cosh,quartic,double-well");
    }

    @Override
    public Map<String, Double> tolerances() {
        return Map.of("critical", 1e-6, "limit_rel", 1e-5, "origin", 1e-6, "perturbation", 1e-6, "rtol", 1e-11,
                "atol", 1e-13);
    }

    @Override
    void compute(RunContext c, RecordSink sink) {
        int starts = Integer.parseInt(c.param("starts", "3"));
        Integrator flow = new Integrator("dopri853", c.tolerance("rtol", 1e-11), c.tolerance("atol", 1e-13));
        for (String name : c.param("costs", "quadratic").split(",")) {
            String loss = loss(name.trim());
            EmpiricalRisk f = Costs.risk(MODEL, Costs.SCALAR_DATA, loss);
            ScalarCost cost = ((org.flowscape.loss.EntrywiseCost) f.loss()).cost();
            double fp0 = cost.derivative(0, Costs.TARGET);
            double s = Math.signum(fp0);
            double rate = Math.abs(fp0);
            double horizon = 60 / rate + 100;
            double reach = stableReach(cost, s);
            sink.metric("stable_reach/" + name, reach);
            sink.metric("pdpl/" + name, criticalPoints(cost) == 1 ? 1 : 0);
            for (int i = 0; i < starts; i++) {
                double[] th = Seeds.gaussian(c.stream("generic/" + name, i), 1, new double[2 * K]);
                run(sink, "generic/" + name + "/" + i, f, cost, th, flow, horizon, limit(cost, product(th), false),
                        i == 0);
                double[] bad = Seeds.gaussian(c.stream("manifold/" + name, i), 1, new double[2 * K]);
                for (int j = 0; j < K; j++) {
                    bad[j] = s * bad[K + j];
                }
                intoStableSet(bad, reach, 0.1 + 0.8 * c.stream("reach/" + name, i).nextDouble());
                double onSet = limit(cost, product(bad), true);
                Integrator rk4 = new Integrator("rk4:" + rk4Step(cost, bad, rate), 0, 0);
                run(sink, "manifold/" + name + "/" + i, f, cost, bad, rk4, 25 / rate, onSet, i == 0);
                double[] off = bad.clone();
                double[] u = Seeds.gaussian(c.stream("perturb/" + name, i), 1, new double[K]);
                double un = Math.sqrt(u[0] * u[0] + u[1] * u[1] + u[2] * u[2]);
                for (int j = 0; j < K; j++) {
                    off[j] += c.tolerance("perturbation", 1e-6) * u[j] / un;
                }
                double escaped = onSet == 0 ? limit(cost, 0, false) : onSet;
                run(sink, "perturbed/" + name + "/" + i, f, cost, off, flow, horizon, escaped, i == 0);
            }
        }
    }

    /**
     * A stable RK4 step for a start: at most 1e-2, 0.05/|f'(0)| and 0.5 over the start's Hessian-norm bound
     * |f''(z)|·S + |f'(z)| (S = ‖w1‖² + ‖w2‖²); on the balanced set the product moves towards smaller curvature.
     */
    static double rk4Step(ScalarCost cost, double[] theta, double rate) {
        double z = product(theta);
        double s = 0;
        for (double v : theta) {
            s += v * v;
        }
        double stiff = Math.abs(cost.secondDerivative(z, Costs.TARGET)) * s
                + Math.abs(cost.derivative(z, Costs.TARGET));
        return Math.min(Math.min(1e-2, 0.05 / rate), 0.5 / stiff);
    }

    /**
     * How far the origin's stable set reaches along {w1 = s w2ᵀ}: on that set z = s|w2|² and z' = −2|z| f'(z), so a
     * start reaches the origin exactly when f' keeps the sign s of f'(0) on the segment from 0 to z(0); returns the
     * first zero of f' on the ray s·(0, 1e3], or +∞ when there is none.
     */
    static double stableReach(ScalarCost cost, double s) {
        double step = 1e-3;
        for (double t = step; t <= 1e3; t += step) {
            if (Math.signum(cost.derivative(s * t, Costs.TARGET)) != s) {
                return Math.abs(bisect(cost, s * (t - step), s * t, s));
            }
            step = Math.max(1e-3, 1e-3 * t);
        }
        return Double.POSITIVE_INFINITY;
    }

    /** Scales θ on {w1 = s w2ᵀ} (overwritten) so that |z| ≤ fraction·reach: inside the origin's stable set. */
    static void intoStableSet(double[] theta, double reach, double fraction) {
        double z = Math.abs(product(theta));
        if (z > fraction * reach) {
            double scale = Math.sqrt(fraction * reach / z);
            for (int j = 0; j < theta.length; j++) {
                theta[j] *= scale;
            }
        }
    }

    /**
     * The number of zeros of f' on [−50, 50] (sign changes on a 1e-3 grid). One zero (the minimiser) means f has the
     * PD-PL property of Corollary 6 there (|f'| &gt; 0 away from the minimiser, so a positive definite α exists); more
     * (a second local minimum, as for the double well) means it fails and only Proposition 5 applies.
     */
    static int criticalPoints(ScalarCost cost) {
        int n = 0;
        double prev = Math.signum(cost.derivative(-50, Costs.TARGET));
        for (int k = 1; k <= 100_000; k++) {
            double now = Math.signum(cost.derivative(-50 + k * 1e-3, Costs.TARGET));
            if (now != prev && now != 0) {
                n++;
                prev = now;
            }
        }
        return n;
    }

    /** The loss spec of a cost label, or {@code cost-sum:EXPR} for a label {@code expr:EXPR} (planted tests). */
    static String loss(String name) {
        if (name.startsWith("expr:")) {
            return "cost-sum:" + name.substring(5);
        }
        for (Costs k : Costs.values()) {
            if (k.label().equals(name)) {
                return k.loss();
            }
        }
        throw new IllegalArgumentException("unknown cost " + name);
    }

    private static double product(double[] th) {
        double z = 0;
        for (int j = 0; j < K; j++) {
            z += th[j] * th[K + j];
        }
        return z;
    }

    private static void run(RecordSink sink, String label, EmpiricalRisk f, ScalarCost cost, double[] theta0,
            Integrator integ, double horizon, double zStar, boolean trace) {
        ProductTrace t = new ProductTrace(th -> Math.abs(cost.derivative(product(th), Costs.TARGET)), horizon / 400);
        StoppingRule stop = StoppingRule.horizon(horizon).withGradientTarget(1e-12).withNormBound(1e6)
                .withMaxEvaluations(5_000_000);
        FlowResult r = integ.run(f, theta0, stop, SampleGrid.none(), List.<StepObserver>of(t));
        double z = product(r.theta());
        sink.metric("z_end/" + label, z);
        sink.metric("fprime_end/" + label, Math.abs(cost.derivative(z, Costs.TARGET)));
        sink.metric("theta_norm_end/" + label, Vectors.norm2(r.theta()));
        sink.metric("fprime_origin/" + label, Math.abs(cost.derivative(0, Costs.TARGET)));
        sink.metric("diverged/" + label, r.diverged() ? 1 : 0);
        sink.metric("z_star/" + label, zStar);
        if (trace) {
            sink.series("fprime/" + label, t.series().times(), t.series().values());
        }
    }


    /**
     * The limit of the 1-D flow z' = −f'(z) from z0: the first zero of f' met moving downhill (bracketed by steps of
     * 1e-3, growing to 1% of the distance travelled, then bisected to machine precision); NaN when none lies
     * within |z| ≤ 1e3 (f not proper on that side).
     * With {@code balanced} the flow is that of the balanced set c = 0, z' = −2|z| f'(z), which also stops at z = 0:
     * then 0 is returned when z = 0 is met first.
     */
    static double limit(ScalarCost cost, double z0, boolean balanced) {
        double d0 = cost.derivative(z0, Costs.TARGET);
        if (d0 == 0 || balanced && z0 == 0) {
            return z0;
        }
        double dir = -Math.signum(d0);
        double a = z0;
        for (int k = 1; k < 2_000_000; k++) {
            double b = a + dir * Math.max(1e-3, 0.01 * Math.abs(a - z0));
            if (Math.abs(b) > 1e3) {
                return Double.NaN;
            }
            if (balanced && Math.signum(b) != Math.signum(z0)) {
                boolean zeroFirst = Math.signum(cost.derivative(0, Costs.TARGET)) == Math.signum(d0);
                return zeroFirst ? 0 : bisect(cost, a, 0, d0);
            }
            boolean crossed = Math.signum(cost.derivative(b, Costs.TARGET)) != Math.signum(d0);
            if (crossed) {
                return bisect(cost, a, b, d0);
            }
            a = b;
        }
        return Double.NaN;
    }

    private static double bisect(ScalarCost cost, double a, double b, double signAtA) {
        for (int k = 0; k < 200; k++) {
            double m = 0.5 * (a + b);
            if (m == a || m == b) {
                break;
            }
            if (Math.signum(cost.derivative(m, Costs.TARGET)) == Math.signum(signAtA)) {
                a = m;
            } else {
                b = m;
            }
        }
        return 0.5 * (a + b);
    }

    @Override
    public Judgement judge(Records r, Map<String, Double> tol) {
        List<String> details = new ArrayList<>();
        int ok = 0;
        int failed = 0;
        int open = 0;
        double worst = 0;
        for (String key : r.metricsWithPrefix("z_end/").keySet()) {
            String run = key.substring("z_end/".length());
            int v = runVerdict(r, run, tol);
            if (v > 0) {
                ok++;
            } else if (v < 0) {
                failed++;
                details.add("fails: " + run + " " + describe(r, run));
            } else {
                open++;
                details.add("undecided: " + run + " " + describe(r, run));
            }
            if (!run.startsWith("manifold/")) {
                worst = Math.max(worst, Math.abs(r.metric("z_end/" + run) - r.metric("z_star/" + run))
                        / (1 + Math.abs(r.metric("z_star/" + run))));
            }
        }
        int total = ok + failed + open;
        if (total == 0) {
            return Judgement.of(Verdict.INCONCLUSIVE, "no runs recorded", details);
        }
        for (String key : r.metricsWithPrefix("pdpl/").keySet()) {
            String name = key.substring("pdpl/".length());
            details.add(name + (r.metric(key) > 0 ? ": PD-PL holds (f' has one zero), so Corollary 6 is tested: "
                    + "on-set starts end at the origin, perturbed ones at f's minimiser"
                    : ": PD-PL fails (f' has several zeros), so only Proposition 5 is tested: every off-set start "
                    + "ends at a critical point of f") + "; the origin's stable set reaches |z| < "
                    + Fmt.g(r.metric("stable_reach/" + name)) + " along the set, where the on-set starts lie");
        }
        String deciding = ok + "/" + total + " runs end where predicted (max |z - z*|/(1+|z*|) = " + Fmt.g(worst)
                + ", tolerance " + Fmt.g(tol.get("limit_rel")) + ")";
        Verdict v = failed > 0 ? Verdict.FAILS : open > 0 ? Verdict.INCONCLUSIVE : Verdict.HOLDS;
        return Judgement.of(v, deciding, details);
    }

    /** +1 as predicted, −1 contradicts the prediction, 0 undecided (ran out of time before converging). */
    private static int runVerdict(Records r, String run, Map<String, Double> tol) {
        if (run.startsWith("manifold/") && r.metric("z_star/" + run) == 0) {
            boolean atOrigin = r.metric("theta_norm_end/" + run) <= tol.get("origin");
            boolean notCritical = r.metric("fprime_end/" + run) >= 0.5 * r.metric("fprime_origin/" + run);
            return atOrigin && notCritical ? 1 : -1;
        }
        double zStar = r.metric("z_star/" + run);
        if (Double.isNaN(zStar) || r.metric("diverged/" + run) > 0) {
            return -1;
        }
        boolean critical = r.metric("fprime_end/" + run) <= tol.get("critical");
        boolean there = Math.abs(r.metric("z_end/" + run) - zStar) <= tol.get("limit_rel") * (1 + Math.abs(zStar));
        if (critical && there) {
            return 1;
        }
        return critical ? -1 : 0;
    }

    private static String describe(Records r, String run) {
        return "z_end=" + Fmt.g(r.metric("z_end/" + run)) + " z*=" + Fmt.g(r.metric("z_star/" + run)) + " |f'|="
                + Fmt.g(r.metric("fprime_end/" + run)) + " |theta|=" + Fmt.g(r.metric("theta_norm_end/" + run));
    }

    @Override
    public List<Figure> figures(Records r) {
        List<Figure.Curve> curves = new ArrayList<>();
        r.allSeries().forEach((name, s) -> curves.add(new Figure.Curve(name.substring(7), s.x(),
                Plots.floor(s.y(), 1e-16), null, null, name.contains("manifold") ? Figure.Style.DASHED
                : Figure.Style.LINE)));
        return List.of(new Figure("fig-A2", "A2: |f'(z(t))| along the flow, generic and bad starts", "time t",
                "|f'(w2 w1)|", Figure.Scale.LINEAR, Figure.Scale.LOG, Figure.Kind.LINES, curves, null, 0,
                "Generic and 1e-6-perturbed starts drive f' to 0; starts on {w1 = s w2^T} (dashed, RK4) stop at the "
                + "origin where |f'(0)| > 0. Floor 1e-16."));
    }
}
