package org.flowscape.reproduce;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flowscape.data.Dataset;
import org.flowscape.data.Datasets;
import org.flowscape.experiment.BasinRow;
import org.flowscape.experiment.Outcome;
import org.flowscape.experiment.RecordSink;
import org.flowscape.experiment.RunContext;
import org.flowscape.geometry.basins.BasinBounds;
import org.flowscape.geometry.basins.BasinMonteCarlo;
import org.flowscape.geometry.basins.BasinSolver;
import org.flowscape.geometry.basins.BasinStudyConfig;
import org.flowscape.geometry.basins.BoundEntry;
import org.flowscape.geometry.basins.WidthResult;
import org.flowscape.loss.SquaredError;
import org.flowscape.report.Figure;

/**
 * D3 (theory.md D.4 Theorems 3 and 5 against Theorem 4 and Proposition 2, [P]): a good initial basin is more likely
 * on clustered and low-intrinsic-dimension data than on unstructured Gaussian data of the same size. For each data
 * type (parameters {@code gaussian}, {@code clustered}, {@code lowdim}: data specs with equal m and d) and width k,
 * the basin values Bas(W, v) of {@code inits} Gaussian initializations of a width-k two-layer ReLU network, each an
 * exact convex program with a KKT certificate ({@link BasinMonteCarlo}); the same initializations for every data type
 * (common random numbers). The event is Bas ≤ α·L(0), L(0) the loss of the zero predictor, so that it does not
 * depend on the targets' scale. Records per data type D: metrics {@code zero_loss/D} and {@code threshold/D}; series
 * {@code hits/D} (certified values at most the threshold, against width), {@code uncertified/D} and
 * {@code uncertified_hits/D} (values without a certificate, and those of them at most the threshold), and for
 * every theorem that applies ({@link BasinBounds}) {@code bound/D/NAME} and {@code bound_hits/D/NAME}; one
 * {@link BasinRow} per (width, initialization). Verdict rule: {@link D3Verdict}.
 */
final class ClaimD3 extends ComputedClaim {
    static final List<String> DATA = List.of("gaussian", "clustered", "lowdim");

    @Override
    public String id() {
        return "D3";
    }

    @Override
    public String statement() {
        return "P(Bas <= alpha L(0)) rises faster with the width on clustered and on low-intrinsic-dimension data "
                + "than on Gaussian data of the same size; the estimates respect the bounds of Theorems 3 and 5 and "
                + "Proposition 2.";
    }

    @Override
    public Basis basis() {
        return Basis.PAPER;
    }

    @Override
    public Evidence evidence() {
        return Evidence.EMPIRICAL_TEST;
    }

    @Override
    public Map<String, String> sizes(Scale scale) {
        return Map.of("widths", scale.pick("1,2,4", "1,2,4,8", "1,2,4,8,16"),
                "inits", scale.pick("100", "200", "1000"), "alpha_rel", "0.05",
                "gaussian", "gaussian:n=12,d=4,seed=1",
                "clustered", "clustered:n=12,d=4,clusters=3,seed=1",
                "lowdim", "lowdim:n=12,d=4,rank=2,seed=1");
    }

    @Override
    public Map<String, Double> tolerances() {
        return Map.of("z_verdict", 2.576, "z_bound", 3.29, "z_band", 1.96, "kkt_tol", 1e-9);
    }

    @Override
    void compute(RunContext c, RecordSink sink) throws Exception {
        String[] parts = c.param("widths", "1,2,4").split(",");
        int[] widths = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            widths[i] = Integer.parseInt(parts[i].trim());
        }
        int inits = Integer.parseInt(c.param("inits", "100"));
        double alpha = Double.parseDouble(c.param("alpha_rel", "0.05"));
        BasinStudyConfig config = new BasinStudyConfig(widths, inits, alpha, c.spec().seed(), "none", 1, 1, 1,
                c.tolerance("kkt_tol", 1e-9), SquaredError.Normalization.HALF_MEAN);
        sink.metric("inits", inits);
        sink.metric("alpha_rel", alpha);
        int uncertified = 0;
        for (String type : DATA) {
            uncertified += one(type, c.param(type, null), config, sink);
        }
        if (uncertified > 0) {
            sink.outcome(Outcome.NOT_CONVERGED, uncertified + " basin value(s) without a KKT certificate; counted "
                    + "separately and against the claim");
        }
    }

    /**
     * Runs one data type at the threshold {@code config.alpha()}·L(0) (L(0) the loss of the zero predictor, so that
     * the event does not depend on the targets' scale); returns its number of uncertified values.
     */
    private static int one(String type, String spec, BasinStudyConfig config, RecordSink sink) throws Exception {
        Dataset data = Datasets.parse(spec);
        double scale = BasinSolver.scale(config.normalization(), data.size());
        List<WidthResult> results = BasinMonteCarlo.run(data, config);
        int n = results.size();
        double[] w = new double[n];
        double[] hits = new double[n];
        double[] unc = new double[n];
        double[] uncHits = new double[n];
        Map<String, double[][]> bounds = new java.util.LinkedHashMap<>();
        double threshold = config.alpha() * results.get(0).zeroLoss();
        sink.metric("zero_loss/" + type, results.get(0).zeroLoss());
        sink.metric("threshold/" + type, threshold);
        for (int k = 0; k < n; k++) {
            WidthResult r = results.get(k);
            w[k] = r.width();
            for (int i = 0; i < r.inits(); i++) {
                boolean below = r.basinValue()[i] <= threshold + BasinBounds.COUNT_SLACK;
                hits[k] += r.certified()[i] && below ? 1 : 0;
                unc[k] += r.certified()[i] ? 0 : 1;
                uncHits[k] += !r.certified()[i] && below ? 1 : 0;
                sink.basin(new BasinRow(i, r.width(), spec, r.basinValue()[i], r.kktGap()[i], Double.NaN));
            }
            for (BoundEntry b : BasinBounds.entries(data, scale, threshold, r)) {
                double[][] v = bounds.computeIfAbsent(b.name(), x -> new double[2][n]);
                v[0][k] = b.bound();
                v[1][k] = b.estimate().successes();
            }
        }
        sink.series("hits/" + type, w, hits);
        sink.series("uncertified/" + type, w, unc);
        sink.series("uncertified_hits/" + type, w, uncHits);
        bounds.forEach((name, v) -> {
            sink.series("bound/" + type + "/" + name, w, v[0]);
            sink.series("bound_hits/" + type + "/" + name, w, v[1]);
        });
        int total = 0;
        for (double u : unc) {
            total += (int) u;
        }
        return total;
    }

    @Override
    public Judgement judge(Records r, Map<String, Double> tol) {
        return D3Verdict.judge(r, tol);
    }

    @Override
    public List<Figure> figures(Records r) {
        long inits = (long) r.metric("inits");
        List<Figure.Curve> curves = new ArrayList<>();
        for (String type : DATA) {
            Records.Curve hits = r.series("hits/" + type);
            if (hits == null || inits <= 0) {
                continue;
            }
            int n = hits.x().length;
            double[] p = new double[n];
            double[] lo = new double[n];
            double[] hi = new double[n];
            for (int k = 0; k < n; k++) {
                double[] band = D3Verdict.band(r, type, k, 1.96);
                p[k] = hits.y()[k] / inits;
                lo[k] = band[0];
                hi[k] = band[1];
            }
            curves.add(new Figure.Curve(type + " (95% Wilson)", hits.x(), p, lo, hi, Figure.Style.LINE));
        }
        return List.of(new Figure("fig-D3", "D3: probability of a good initial basin against width, by data type",
                "width n", "P[Bas <= alpha L(0)]", Figure.Scale.LOG, Figure.Scale.LINEAR, Figure.Kind.LINES, curves,
                null, 0, "Certified basin values at most alpha L(0), alpha = " + Fmt.g(r.metric("alpha_rel"))
                + " and L(0) the loss of the zero predictor, among " + inits
                + " initializations per width (the same initializations for every data type); bands are 95% Wilson "
                + "intervals that count uncertified values as misses (lower end) and as hits (upper end). The "
                + "theorems' bounds are in the table."));
    }
}
