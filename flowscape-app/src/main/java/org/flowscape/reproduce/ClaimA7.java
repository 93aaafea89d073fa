package org.flowscape.reproduce;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.flowscape.analysis.DenseSpectrum;
import org.flowscape.dynamics.FlowResult;
import org.flowscape.dynamics.Sample;
import org.flowscape.dynamics.SampleGrid;
import org.flowscape.dynamics.StepObserver;
import org.flowscape.dynamics.StoppingRule;
import org.flowscape.experiment.RecordSink;
import org.flowscape.experiment.RunContext;
import org.flowscape.linalg.Tolerance;
import org.flowscape.loss.ScalarCost;
import org.flowscape.objective.EmpiricalRisk;
import org.flowscape.report.Figure;
import org.flowscape.rng.Seeds;

/**
 * A7 (theory.md A.6, Proposition 7 [P]; the local rate [R]): on the vector factorization {@code linear:1x3x1} (k = 3)
 * with the non-quadratic costs log-cosh and quartic, starts with the same product z(0) = {@value #Z0} and growing
 * imbalance c = S² − 4z² give losses ordered in c at every sampled time, strictly at the first; and at the limit the
 * Hessian's only nonzero eigenvalue and the late decay rate of g are λ = f''(z*)·√(c + 4z*²) and 2λ. Starts: per
 * frame, a random orthonormal frame (e, f, h) and w1 = s(a e + b f), w2 = z0/(s a)·e + s d·h, with s on a log grid:
 * w2·w1 = z0 exactly, c grows with s. Cost: two adaptive flows of 6 parameters per start.
 */
final class ClaimA7 extends ComputedClaim {
    static final double Z0 = 0.25;
    static final int K = 3;
    static final String[] COSTS = {"log-cosh", "quartic"};

    @Override
    public String id() {
        return "A7";
    }

    @Override
    public String statement() {
        return "Proposition 7: for starts with the same product z(0), a larger imbalance c gives g(w(t)) <= "
                + "g(w~(t)) at every t > 0 (strictly when f'(z(0)) != 0), for non-quadratic f and k = 3; near the "
                + "minimiser the rate is lambda = f''(z*) sqrt(c + 4 z*^2), the Hessian's only nonzero eigenvalue.";
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
        return Map.of("levels", scale.pick("3", "5", "8"), "frames", scale.pick("1", "2", "4"), "samples", "200",
                "horizon", "6");
    }

    @Override
    public Map<String, Double> tolerances() {
        return Map.of("order_abs", 1e-12, "rate_rel", 2e-2, "hessian_rel", 1e-6, "rtol", 1e-12, "atol", 1e-15);
    }

    @Override
    void compute(RunContext c, RecordSink sink) {
        int levels = Integer.parseInt(c.param("levels", "3"));
        int frames = Integer.parseInt(c.param("frames", "1"));
        double horizon = Double.parseDouble(c.param("horizon", "6"));
        SampleGrid grid = SampleGrid.linear(horizon, Integer.parseInt(c.param("samples", "200")));
        Integrator flow = new Integrator("dopri853", c.tolerance("rtol", 1e-12), c.tolerance("atol", 1e-15));
        for (String name : COSTS) {
            EmpiricalRisk f = Costs.risk(ClaimA2.MODEL, Costs.SCALAR_DATA, ClaimA2.loss(name));
            ScalarCost cost = ((org.flowscape.loss.EntrywiseCost) f.loss()).cost();
            for (int fr = 0; fr < frames; fr++) {
                SplittableRandom r = c.stream("frame/" + name, fr);
                double[][] frame = frame(r);
                double a = 0.5 + r.nextDouble();
                double b = 0.5 + r.nextDouble();
                double d = 0.5 + r.nextDouble();
                for (int j = 0; j < levels; j++) {
                    double s = 0.4 * Math.pow(4, j / (double) Math.max(1, levels - 1));
                    double[] th = start(frame, s, a, b, d);
                    String label = name + "/" + fr + "/" + j;
                    FlowResult on = flow.run(f, th, StoppingRule.horizon(horizon), grid, List.<StepObserver>of());
                    double[] times = new double[on.samples().size()];
                    double[] loss = new double[times.length];
                    for (int t = 0; t < times.length; t++) {
                        Sample p = on.samples().get(t);
                        times[t] = p.time();
                        loss[t] = p.loss();
                    }
                    sink.series("loss/" + label, times, loss);
                    double imbalance = imbalance(th);
                    sink.metric("c/" + label, imbalance);
                    rate(f, cost, th, imbalance, label, flow, sink);
                }
            }
        }
    }

    /** The local rate checks of one start: Hessian's largest eigenvalue at the limit and the fitted decay rate. */
    private static void rate(EmpiricalRisk f, ScalarCost cost, double[] th, double imbalance, String label,
            Integrator flow, RecordSink sink) {
        double zStar = Costs.TARGET;
        double lambda = cost.secondDerivative(zStar, Costs.TARGET) * Math.sqrt(imbalance + 4 * zStar * zStar);
        double horizon = 30 / lambda + 5;
        FlowResult r = flow.run(f, th, StoppingRule.horizon(horizon), SampleGrid.linear(horizon, 400),
                List.<StepObserver>of());
        double[] ev = DenseSpectrum.of(f, r.theta(), new Tolerance(1e-300, 1e-10)).values();
        sink.metric("lambda_pred/" + label, lambda);
        sink.metric("hessian_max/" + label, ev[ev.length - 1]);
        sink.metric("hessian_next/" + label, Math.max(Math.abs(ev[0]), Math.abs(ev[ev.length - 2])));
        sink.metric("rate_fit/" + label, fitRate(r.samples(), 1e-12, 1e-6));
    }

    /** Least-squares slope of −ln g(t) over samples with g in [lo, hi]; NaN with fewer than 3 such samples. */
    static double fitRate(List<Sample> samples, double lo, double hi) {
        double n = 0;
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        for (Sample s : samples) {
            if (s.loss() >= lo && s.loss() <= hi) {
                double y = -Math.log(s.loss());
                n++;
                sx += s.time();
                sy += y;
                sxx += s.time() * s.time();
                sxy += s.time() * y;
            }
        }
        return n < 3 ? Double.NaN : (n * sxy - sx * sy) / (n * sxx - sx * sx);
    }

    /** A random orthonormal frame of R³ (Gram–Schmidt of three Gaussian vectors). */
    private static double[][] frame(SplittableRandom r) {
        double[][] e = new double[3][K];
        for (int i = 0; i < 3; i++) {
            Seeds.gaussian(r, 1, e[i]);
            for (int j = 0; j < i; j++) {
                double p = 0;
                for (int q = 0; q < K; q++) {
                    p += e[i][q] * e[j][q];
                }
                for (int q = 0; q < K; q++) {
                    e[i][q] -= p * e[j][q];
                }
            }
            double n = 0;
            for (double v : e[i]) {
                n += v * v;
            }
            for (int q = 0; q < K; q++) {
                e[i][q] /= Math.sqrt(n);
            }
        }
        return e;
    }

    /** θ = (w1, w2) with w1 = s(a e + b f), w2 = z0/(s a)·e + s d·h: w2·w1 = z0. */
    static double[] start(double[][] frame, double s, double a, double b, double d) {
        double[] th = new double[2 * K];
        for (int q = 0; q < K; q++) {
            th[q] = s * (a * frame[0][q] + b * frame[1][q]);
            th[K + q] = Z0 / (s * a) * frame[0][q] + s * d * frame[2][q];
        }
        return th;
    }

    /** c = S² − 4z² with S = |w1|² + |w2|², z = w2·w1 (theory.md A.2). */
    static double imbalance(double[] th) {
        double s = 0;
        double z = 0;
        for (int q = 0; q < K; q++) {
            s += th[q] * th[q] + th[K + q] * th[K + q];
            z += th[q] * th[K + q];
        }
        return s * s - 4 * z * z;
    }

    @Override
    public Judgement judge(Records r, Map<String, Double> tol) {
        List<String> details = new ArrayList<>();
        int pairs = 0;
        int violations = 0;
        int notStrict = 0;
        double worst = Double.NEGATIVE_INFINITY;
        List<String> labels = r.metricsWithPrefix("c/").keySet().stream().map(k -> k.substring(2)).toList();
        for (int i = 0; i + 1 < labels.size(); i++) {
            String lo = labels.get(i);
            String hi = labels.get(i + 1);
            if (!group(lo).equals(group(hi))) {
                continue;
            }
            pairs++;
            double[] gLo = r.series("loss/" + lo).y();
            double[] gHi = r.series("loss/" + hi).y();
            boolean cOrdered = r.metric("c/" + hi) > r.metric("c/" + lo);
            double excess = Double.NEGATIVE_INFINITY;
            for (int t = 1; t < Math.min(gLo.length, gHi.length); t++) {
                double e = cOrdered ? gHi[t] - gLo[t] : gLo[t] - gHi[t];
                excess = Math.max(excess, e);
            }
            worst = Math.max(worst, excess);
            if (excess > tol.get("order_abs")) {
                violations++;
                details.add(Fmt.f("%s vs %s: larger c has the larger loss by %s  <- violates the order", hi, lo,
                        Fmt.g(excess)));
            }
            if (gLo.length > 1 && !(cOrdered ? gHi[1] < gLo[1] : gLo[1] < gHi[1])) {
                notStrict++;
            }
        }
        int rates = 0;
        int rateBad = 0;
        double worstRate = 0;
        double worstHess = 0;
        for (String label : labels) {
            double lambda = r.metric("lambda_pred/" + label);
            double hess = Math.abs(r.metric("hessian_max/" + label) / lambda - 1);
            double fit = Math.abs(r.metric("rate_fit/" + label) / (2 * lambda) - 1);
            rates++;
            worstRate = Math.max(worstRate, fit);
            worstHess = Math.max(worstHess, hess);
            if (!(hess <= tol.get("hessian_rel")) || !(fit <= tol.get("rate_rel"))) {
                rateBad++;
                details.add(Fmt.f("%s: c = %s, lambda predicted %s, Hessian %s, fitted rate/2 %s  <- differs", label,
                        Fmt.g(r.metric("c/" + label)), Fmt.g(lambda), Fmt.g(r.metric("hessian_max/" + label)),
                        Fmt.g(r.metric("rate_fit/" + label) / 2)));
            }
        }
        String deciding = Fmt.f("%d pairs ordered in c at every t (worst excess %s <= %s), %d not strict at the first "
                + "sample; local rate: max rel. dev. Hessian %s (<= %s), fitted 2 lambda %s (<= %s) over %d starts",
                pairs - violations, Fmt.g(worst), Fmt.g(tol.get("order_abs")), notStrict, Fmt.g(worstHess),
                Fmt.g(tol.get("hessian_rel")), Fmt.g(worstRate), Fmt.g(tol.get("rate_rel")), rates);
        if (pairs == 0) {
            return Judgement.of(Verdict.INCONCLUSIVE, "no pairs of starts recorded", details);
        }
        boolean holds = violations == 0 && notStrict == 0 && rateBad == 0;
        return Judgement.of(holds ? Verdict.HOLDS : Verdict.FAILS, deciding, details);
    }

    /** "cost/frame" of a label "cost/frame/level". */
    private static String group(String label) {
        return label.substring(0, label.lastIndexOf('/'));
    }

    @Override
    public List<Figure> figures(Records r) {
        List<Figure.Curve> curves = new ArrayList<>();
        r.allSeries().forEach((name, s) -> {
            String label = name.substring("loss/".length());
            if (label.startsWith(COSTS[1] + "/0/")) {
                curves.add(Figure.Curve.line("c = " + Fmt.g(r.metric("c/" + label)), s.x(),
                        Plots.floor(s.y(), 1e-16)));
            }
        });
        return List.of(new Figure("fig-A7", "A7: loss against time for one product z(0) = 0.25 and growing imbalance "
                + "(quartic cost, k = 3)", "time t", "g(w(t))", Figure.Scale.LINEAR, Figure.Scale.LOG,
                Figure.Kind.LINES, curves, null, 0, "Proposition 7: at every t the curves are ordered by c, larger "
                + "c lower; the late slopes are -2 f''(z*) sqrt(c + 4 z*^2)."));
    }
}
