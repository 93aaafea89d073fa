package org.flowscape.reproduce;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.flowscape.experiment.RecordSink;
import org.flowscape.experiment.RunContext;
import org.flowscape.report.Figure;
import org.flowscape.rng.Seeds;

/**
 * D2 (theory.md D.4 Theorems 2 and 4, [P]; the exact basin events and probabilities of D.5, [R, exact]): the
 * probability that a random initialization of a width-n two-layer ReLU network lies in a basin of value 0 rises with
 * n and stays above the theorems' bounds. Data where the basin value is decided by signs alone: singleton data (the
 * D.5 construction, d = 4: Bas = 0 iff every coordinate has neurons with v &gt; 0 on both signs of w_j; Theorem 2's
 * bound 1 − 2d(3/4)^n) and orthonormal data with positive targets (m = 5: Bas = 0 iff every point is activated by a
 * neuron with v &gt; 0; Theorem 4's bound 1 − m(3/4)^n). Monte Carlo under Assumption 1 (Gaussian W and v) against
 * the exact probability, with Wilson intervals. The basin-value QP (clustered and low-rank data) is not used here.
 */
final class ClaimD2 extends ComputedClaim {
    static final int[] WIDTHS = {2, 4, 8, 16, 32};
    static final int D = 4;
    static final int M = 5;

    @Override
    public String id() {
        return "D2";
    }

    @Override
    public String statement() {
        return "P(initial basin has value 0) rises with the width and respects the bounds of Theorems 2 (singleton "
                + "data) and 4 (full-rank data).";
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
        return Map.of("draws", scale.pick("4000", "40000", "200000"), "v_negative_prob", "0.5");
    }

    @Override
    public Map<String, Double> tolerances() {
        return Map.of("z_verdict", 3.29, "z_band", 1.96);
    }

    @Override
    void compute(RunContext c, RecordSink sink) {
        int draws = Integer.parseInt(c.param("draws", "4000"));
        double negative = Double.parseDouble(c.param("v_negative_prob", "0.5"));
        for (String data : List.of("singleton", "orthonormal")) {
            int dim = data.equals("singleton") ? D : M;
            double[] w = new double[WIDTHS.length];
            double[] hits = new double[WIDTHS.length];
            double[] exact = new double[WIDTHS.length];
            double[] bound = new double[WIDTHS.length];
            for (int k = 0; k < WIDTHS.length; k++) {
                int n = WIDTHS[k];
                SplittableRandom rng = c.stream(data, n);
                long good = 0;
                for (int t = 0; t < draws; t++) {
                    good += good(data, rng, n, dim, negative) ? 1 : 0;
                }
                w[k] = n;
                hits[k] = good;
                exact[k] = data.equals("singleton") ? exactSingleton(n, dim) : exactOrthonormal(n, dim);
                bound[k] = 1 - (data.equals("singleton") ? 2 * dim : dim) * Math.pow(0.75, n);
            }
            sink.metric("draws", draws);
            sink.series("hits/" + data, w, hits);
            sink.series("exact/" + data, w, exact);
            sink.series("bound/" + data, w, bound);
        }
    }

    /** One draw: W (n × dim) and v Gaussian (v negative with probability {@code negative}); is Bas = 0? */
    private static boolean good(String data, SplittableRandom rng, int n, int dim, double negative) {
        boolean[] pos = new boolean[dim];
        boolean[] neg = new boolean[dim];
        for (int i = 0; i < n; i++) {
            boolean vPositive = rng.nextDouble() >= negative;
            for (int j = 0; j < dim; j++) {
                double wij = Seeds.gaussian(rng);
                if (vPositive) {
                    pos[j] |= wij > 0;
                    neg[j] |= wij < 0;
                }
            }
        }
        for (int j = 0; j < dim; j++) {
            if (!pos[j] || data.equals("singleton") && !neg[j]) {
                return false;
            }
        }
        return true;
    }

    /** Pr[Bas = 0] = Σ_{p=2}^n C(n,p) 2^{−n} (1 − 2^{1−p})^d (singleton data, D.5). */
    static double exactSingleton(int n, int d) {
        double s = 0;
        for (int p = 2; p <= n; p++) {
            s += binomial(n, p) * Math.pow(2, -n) * Math.pow(1 - Math.pow(2, 1 - p), d);
        }
        return s;
    }

    /** Pr[Bas = 0] = Σ_{p=0}^n C(n,p) 2^{−n} (1 − 2^{−p})^m (orthonormal data, positive targets, D.5). */
    static double exactOrthonormal(int n, int m) {
        double s = 0;
        for (int p = 0; p <= n; p++) {
            s += binomial(n, p) * Math.pow(2, -n) * Math.pow(1 - Math.pow(2, -p), m);
        }
        return s;
    }

    private static double binomial(int n, int k) {
        double b = 1;
        for (int i = 1; i <= k; i++) {
            b = b * (n - k + i) / i;
        }
        return b;
    }

    @Override
    public Judgement judge(Records r, Map<String, Double> tol) {
        long draws = (long) r.metric("draws");
        List<String> details = new ArrayList<>();
        List<List<String>> table = new ArrayList<>();
        table.add(List.of("data", "width", "Monte Carlo", "99.9% Wilson band", "exact", "theorem bound"));
        boolean ok = true;
        int checked = 0;
        for (String data : List.of("singleton", "orthonormal")) {
            Records.Curve hits = r.series("hits/" + data);
            if (hits == null || draws <= 0) {
                continue;
            }
            double[] exact = r.series("exact/" + data).y();
            double[] bound = r.series("bound/" + data).y();
            double[] first = null;
            double[] last = null;
            for (int k = 0; k < hits.x().length; k++) {
                double[] band = Wilson.interval((long) hits.y()[k], draws, tol.get("z_verdict"));
                boolean fits = band[0] <= exact[k] && exact[k] <= band[1] && bound[k] <= band[1];
                ok &= fits;
                checked++;
                first = first == null ? band : first;
                last = band;
                table.add(List.of(data, String.valueOf((int) hits.x()[k]), Fmt.g(hits.y()[k] / draws),
                        "[" + Fmt.g(band[0]) + ", " + Fmt.g(band[1]) + "]", Fmt.g(exact[k]), Fmt.g(bound[k])));
                if (!fits) {
                    details.add(data + " width " + (int) hits.x()[k] + ": band " + Fmt.g(band[0]) + ".."
                            + Fmt.g(band[1]) + " against exact " + Fmt.g(exact[k]) + " and bound " + Fmt.g(bound[k]));
                }
            }
            boolean rises = last[0] > first[1];
            ok &= rises;
            details.add(data + ": probability rises from the smallest to the largest width: " + rises);
        }
        if (checked == 0) {
            return Judgement.of(Verdict.INCONCLUSIVE, "no draws recorded", details);
        }
        String deciding = Fmt.f("%d width/data cells: Monte Carlo bands (99.9%%, %d draws) contain the exact "
                + "probability and lie above the bound: %s; rising with width: %s", checked, draws,
                ok ? "all" : "not all",
                details.stream().allMatch(d -> !d.endsWith("false")));
        return Judgement.of(ok ? Verdict.HOLDS : Verdict.FAILS, deciding, details).withTable(table);
    }

    @Override
    public List<Figure> figures(Records r) {
        List<Figure.Curve> curves = new ArrayList<>();
        long draws = (long) r.metric("draws");
        for (String data : List.of("singleton", "orthonormal")) {
            Records.Curve hits = r.series("hits/" + data);
            if (hits == null) {
                continue;
            }
            int n = hits.x().length;
            double[] p = new double[n];
            double[] lo = new double[n];
            double[] hi = new double[n];
            for (int k = 0; k < n; k++) {
                double[] band = Wilson.interval((long) hits.y()[k], draws, 1.96);
                p[k] = hits.y()[k] / draws;
                lo[k] = band[0];
                hi[k] = band[1];
            }
            curves.add(new Figure.Curve(data + " Monte Carlo (95% Wilson)", hits.x(), p, lo, hi, Figure.Style.POINTS));
            curves.add(new Figure.Curve(data + " exact", hits.x(), r.series("exact/" + data).y(), null, null,
                    Figure.Style.LINE));
            curves.add(new Figure.Curve(data + " theorem bound", hits.x(), Plots.floor(r.series("bound/" + data).y(),
                    0), null, null, Figure.Style.DASHED));
        }
        return List.of(new Figure("fig-D2", "D2: probability of a zero-value initial basin against width", "width n",
                "P[Bas = 0]", Figure.Scale.LOG, Figure.Scale.LINEAR, Figure.Kind.LINES, curves, null, 0,
                "Singleton data (d = 4, Theorem 2) and orthonormal data (m = 5, Theorem 4); bounds below 0 drawn "
                + "at 0."));
    }
}
