package org.flowscape.reproduce;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flowscape.analysis.DenseSpectrum;
import org.flowscape.analysis.Redundancy;
import org.flowscape.analysis.RedundancyFinding;
import org.flowscape.analysis.RedundancyReport;
import org.flowscape.analysis.ShallowNetwork;
import org.flowscape.experiment.RecordSink;
import org.flowscape.experiment.RunContext;
import org.flowscape.linalg.Tolerance;
import org.flowscape.linalg.Vectors;
import org.flowscape.objective.EmpiricalRisk;
import org.flowscape.report.Figure;
import org.flowscape.rng.Seeds;

/**
 * B2 (theory.md B.3 claim 2, [A]; the curves of B.5–B.6, [R]): critical points in the redundant domain are not
 * isolated. Efficient minima of a 2-neuron tanh network on a random regression problem are embedded into 3 neurons by
 * the Fukumizu–Amari split with ratios λ (a line of critical points with the same loss); at each embedded point the
 * Hessian's nullity must be at least the number of independent flat directions {@link Redundancy} predicts, each
 * predicted direction must be a null vector (‖Hv‖ ≤ null_rel·λ_max‖v‖), and the loss must stay constant along the
 * split curve. The embedded points that are minima (index 0) are the redundant minima.
 */
final class ClaimB2 extends ComputedClaim {
    static final double[] RATIOS = {0.5, 1.5, 0, 0.25};

    @Override
    public String id() {
        return "B2";
    }

    @Override
    public String statement() {
        return "Critical points (minima included) in the redundant domain are not isolated: Hessian nullity >= the "
                + "predicted count, with the null directions along the predicted function-preserving curves.";
    }

    @Override
    public Basis basis() {
        return Basis.ABSTRACT;
    }

    @Override
    public Evidence evidence() {
        return Evidence.INSTRUMENT_CHECK;
    }

    @Override
    public Map<String, String> sizes(Scale scale) {
        return Map.of("problems", scale.pick("2", "6", "20"), "starts", scale.pick("6", "10", "20"),
                "samples", scale.pick("40", "60", "200"));
    }

    @Override
    public Map<String, Double> tolerances() {
        return Map.of("zero_rel", 1e-8, "null_rel", 1e-8, "curve_rel", 1e-12, "grad", 1e-9);
    }

    @Override
    void compute(RunContext c, RecordSink sink) {
        int problems = Integer.parseInt(c.param("problems", "2"));
        int starts = Integer.parseInt(c.param("starts", "6"));
        int samples = Integer.parseInt(c.param("samples", "40"));
        double zeroRel = c.tolerance("zero_rel", 1e-8);
        for (int p = 0; p < problems; p++) {
            String data = "smooth:n=" + samples + ",d=1,lengthscale=0.5,seed=" + Seeds.derive(c.spec().seed(),
                    "problem", p);
            EmpiricalRisk small = Costs.risk("mlp:1-2-1:tanh", data, "mse");
            double[] best = null;
            double bestLoss = Double.POSITIVE_INFINITY;
            for (int i = 0; i < starts; i++) {
                double[] start = Seeds.gaussian(c.stream("start/" + p, i), 1, new double[small.dim()]);
                MinimumSearch.Found f = MinimumSearch.search(small, start, 1e-12, zeroRel);
                if (f.minimum() && f.report().nullity() == 0 && f.polish().value() < bestLoss
                        && ClaimB1.saturation(small, f.polish().theta()) >= ClaimB1.SATURATED) {
                    best = f.polish().theta();
                    bestLoss = f.polish().value();
                }
            }
            if (best == null) {
                sink.metric("no_minimum/" + p, 1);
                continue;
            }
            EmpiricalRisk big = Costs.risk("mlp:1-3-1:tanh", data, "mse");
            ShallowNetwork base = ShallowNetwork.of(small.network(), best);
            for (double lambda : RATIOS) {
                embedded(sink, p + "/lambda=" + lambda, big, base, lambda, zeroRel);
            }
        }
    }

    private static void embedded(RecordSink sink, String label, EmpiricalRisk f, ShallowNetwork base, double lambda,
            double zeroRel) {
        ShallowNetwork s = Redundancy.split(base, 0, lambda);
        double[] theta = s.theta();
        double[] g = new double[f.dim()];
        double loss = f.valueAndGradient(theta, g);
        DenseSpectrum spec = DenseSpectrum.of(f, theta, new Tolerance(0, zeroRel));
        RedundancyReport red = Redundancy.analyze(f, theta, Redundancy.DEFAULT_RULES, Redundancy.DEFAULT_RANK);
        List<double[]> flat = new ArrayList<>();
        for (RedundancyFinding finding : red.findings()) {
            flat.addAll(Redundancy.flatDirections(s, finding));
        }
        double lmax = Math.abs(spec.values()[spec.values().length - 1]);
        double residual = 0;
        double[] hv = new double[f.dim()];
        for (double[] v : flat) {
            f.hessianVectorProduct(theta, v, hv);
            residual = Math.max(residual, Vectors.norm2(hv) / (Vectors.norm2(v) * lmax));
        }
        double curve = 0;
        for (double mu : Plots.linspace(-1, 2, 13)) {
            double l = f.value(Redundancy.split(base, 0, mu).theta());
            curve = Math.max(curve, Math.abs(l - loss) / (1 + Math.abs(loss)));
        }
        sink.metric("grad/" + label, Vectors.norm2(g));
        sink.metric("nullity/" + label, spec.nullity());
        sink.metric("index/" + label, spec.index());
        sink.metric("predicted/" + label, rank(flat, f.dim()));
        sink.metric("residual/" + label, flat.isEmpty() ? Double.NaN : residual);
        sink.metric("curve/" + label, curve);
        sink.metric("findings/" + label, red.findings().size());
    }

    /** The rank of the vectors (Gram–Schmidt, relative tolerance 1e-10). */
    static int rank(List<double[]> vectors, int dim) {
        List<double[]> basis = new ArrayList<>();
        for (double[] v : vectors) {
            double[] u = v.clone();
            double n0 = Vectors.norm2(u);
            for (double[] b : basis) {
                double d = 0;
                for (int i = 0; i < dim; i++) {
                    d += u[i] * b[i];
                }
                for (int i = 0; i < dim; i++) {
                    u[i] -= d * b[i];
                }
            }
            double n = Vectors.norm2(u);
            if (n > 1e-10 * n0) {
                for (int i = 0; i < dim; i++) {
                    u[i] /= n;
                }
                basis.add(u);
            }
        }
        return basis.size();
    }


    @Override
    public Judgement judge(Records r, Map<String, Double> tol) {
        List<List<String>> table = new ArrayList<>();
        table.add(List.of("point", "index", "nullity", "predicted", "max |Hv|/(lambda_max |v|)", "loss change on curve",
                "verdict"));
        List<String> details = new ArrayList<>();
        int points = 0;
        int bad = 0;
        int minima = 0;
        double worstResidual = 0;
        for (var e : r.metricsWithPrefix("nullity/").entrySet()) {
            String label = e.getKey().substring("nullity/".length());
            points++;
            int nullity = (int) (double) e.getValue();
            int predicted = (int) r.metric("predicted/" + label);
            double residual = r.metric("residual/" + label);
            double curve = r.metric("curve/" + label);
            boolean ok = predicted >= 1 && nullity >= predicted && residual <= tol.get("null_rel")
                    && curve <= tol.get("curve_rel") && r.metric("grad/" + label) <= tol.get("grad");
            bad += ok ? 0 : 1;
            minima += r.metric("index/" + label) == 0 ? 1 : 0;
            worstResidual = Math.max(worstResidual, Double.isNaN(residual) ? Double.POSITIVE_INFINITY : residual);
            table.add(List.of(label, String.valueOf((int) r.metric("index/" + label)), String.valueOf(nullity),
                    String.valueOf(predicted), Fmt.g(residual), Fmt.g(curve), ok ? "ok" : "differs"));
        }
        if (points == 0) {
            return Judgement.of(Verdict.INCONCLUSIVE, "no efficient minimum found to embed", details).withTable(table);
        }
        String deciding = Fmt.f("%d/%d redundant critical points (%d minima) with nullity >= predicted, null "
                + "directions confirmed (max |Hv|/(lambda_max|v|) = %s <= %s)", points - bad, points, minima,
                Fmt.g(worstResidual), Fmt.g(tol.get("null_rel")));
        return Judgement.of(bad > 0 ? Verdict.FAILS : Verdict.HOLDS, deciding, details).withTable(table);
    }

    @Override
    public List<Figure> figures(Records r) {
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (var e : r.metricsWithPrefix("nullity/").entrySet()) {
            String label = e.getKey().substring("nullity/".length());
            xs.add(r.metric("predicted/" + label));
            ys.add(e.getValue());
        }
        double[] x = xs.stream().mapToDouble(Double::doubleValue).toArray();
        double[] y = ys.stream().mapToDouble(Double::doubleValue).toArray();
        List<Figure.Curve> curves = List.of(new Figure.Curve("embedded points", x, y, null, null, Figure.Style.POINTS),
                new Figure.Curve("nullity = predicted", new double[] {0, 4}, new double[] {0, 4}, null, null,
                        Figure.Style.DASHED));
        return List.of(new Figure("fig-B2", "B2: Hessian nullity against the predicted count of flat directions",
                "predicted flat directions (rank)", "nullity at 1e-8 relative", Figure.Scale.LINEAR,
                Figure.Scale.LINEAR, Figure.Kind.SCATTER, curves, null, 0, "Fukumizu-Amari splits of efficient "
                + "2-neuron minima into 3 neurons (ratios 0.5, 1.5, 0, 0.25); points on or above the line hold."));
    }
}
