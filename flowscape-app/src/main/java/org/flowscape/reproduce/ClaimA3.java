package org.flowscape.reproduce;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flowscape.analysis.Classifier;
import org.flowscape.analysis.CriticalPointReport;
import org.flowscape.analysis.DenseSpectrum;
import org.flowscape.analysis.PolishConfig;
import org.flowscape.analysis.PolishMethod;
import org.flowscape.analysis.PolishResult;
import org.flowscape.analysis.Polisher;
import org.flowscape.experiment.RecordSink;
import org.flowscape.experiment.RunContext;
import org.flowscape.linalg.Tolerance;
import org.flowscape.linalg.Vectors;
import org.flowscape.loss.EntrywiseCost;
import org.flowscape.loss.ScalarCost;
import org.flowscape.objective.EmpiricalRisk;
import org.flowscape.report.Figure;
import org.flowscape.rng.Seeds;

/**
 * A3 (theory.md A.5, [P]; the Hessian's closed form [R]): on the vector factorization g = f(w2·w1), k = 3, the only
 * saddle is the origin, for every admissible cost (f'(0) ≠ 0), and its Hessian is f'(0)[[0, I],[I, 0]]: inertia
 * (k negative, 0 zero, k positive), every |λ| = |f'(0)|, negative-curvature eigenvectors of the form (a, −s·a),
 * s = sign f'(0). Computed: the exact dense Hessian at 0 for each cost, and Levenberg–Marquardt from random starts
 * near the origin, which finds critical points of any index; each saddle of g that is not a critical point of f
 * (|f'(z)| above the gradient tolerance) must be the origin. (Saddles of g on {f'(z) = 0}, e.g. over the double
 * well's local maximum, are critical points of f and not the overparameterization's.)
 */
final class ClaimA3 extends ComputedClaim {
    static final int K = ClaimA2.K;

    @Override
    public String id() {
        return "A3";
    }

    @Override
    public String statement() {
        return "Saddle locations and the Hessian inertia at them are the same for every admissible cost: the origin,"
                + " with eigenvalues +/-|f'(0)| (k each) and unstable directions (a, -s a).";
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
        return Map.of("starts", scale.pick("6", "20", "60"), "costs", "quadratic,log-cosh,quartic,double-well");
    }

    @Override
    public Map<String, Double> tolerances() {
        return Map.of("eigen_rel", 1e-10, "zero_rel", 1e-8, "origin", 1e-8, "grad", 1e-10);
    }

    @Override
    void compute(RunContext c, RecordSink sink) {
        int starts = Integer.parseInt(c.param("starts", "6"));
        double zeroRel = c.tolerance("zero_rel", 1e-8);
        String[] names = c.param("costs", "quadratic").split(",");
        for (int ci = 0; ci < names.length; ci++) {
            String name = names[ci].trim();
            EmpiricalRisk f = Costs.risk(ClaimA2.MODEL, Costs.SCALAR_DATA, ClaimA2.loss(name));
            ScalarCost cost = ((EntrywiseCost) f.loss()).cost();
            double fp0 = cost.derivative(0, Costs.TARGET);
            double[] origin = new double[2 * K];
            double[] g = new double[2 * K];
            f.valueAndGradient(origin, g);
            DenseSpectrum spec = DenseSpectrum.of(f, origin, new Tolerance(1e-300, zeroRel));
            sink.metric("grad_origin/" + name, Vectors.norm2(g));
            sink.metric("fprime0/" + name, fp0);
            sink.metric("negative/" + name, spec.index());
            sink.metric("zero/" + name, spec.nullity());
            sink.metric("positive/" + name, 2 * K - spec.index() - spec.nullity());
            sink.metric("eigen_dev/" + name, eigenDeviation(spec.values(), fp0));
            sink.metric("direction_dev/" + name, directionDeviation(spec, Math.signum(fp0)));
            double[] scaled = spec.values().clone();
            double[] xs = new double[scaled.length];
            for (int j = 0; j < scaled.length; j++) {
                scaled[j] = fp0 == 0 ? scaled[j] : scaled[j] / Math.abs(fp0);
                xs[j] = ci + 1;
            }
            sink.series("eigen/" + name, xs, scaled);
            saddleSearch(c, sink, f, name, starts, zeroRel);
        }
    }

    private static void saddleSearch(RunContext c, RecordSink sink, EmpiricalRisk f, String name, int starts,
            double zeroRel) {
        for (int i = 0; i < starts; i++) {
            double[] start = Seeds.gaussian(c.stream("lm/" + name, i), 0.3, new double[2 * K]);
            PolishResult p = Polisher.polish(f, start, PolishConfig.defaults(PolishMethod.LEVENBERG_MARQUARDT));
            if (!p.converged()) {
                sink.metric("search_unconverged/" + name + "/" + i, 1);
                continue;
            }
            CriticalPointReport rep = Classifier.classify(f, p.theta(), p.config().gradientTolerance());
            sink.metric("found_index/" + name + "/" + i, rep.index());
            sink.metric("found_norm/" + name + "/" + i, Vectors.norm2(p.theta()));
            double z = 0;
            for (int j = 0; j < K; j++) {
                z += p.theta()[j] * p.theta()[K + j];
            }
            ScalarCost cost = ((EntrywiseCost) f.loss()).cost();
            sink.metric("found_fprime/" + name + "/" + i, Math.abs(cost.derivative(z, Costs.TARGET)));
        }
    }

    /** max_j ||λ_j| − |f'(0)|| / |f'(0)| (+∞ when f'(0) = 0). */
    static double eigenDeviation(double[] values, double fp0) {
        if (fp0 == 0) {
            return Double.POSITIVE_INFINITY;
        }
        double d = 0;
        for (double v : values) {
            d = Math.max(d, Math.abs(Math.abs(v) - Math.abs(fp0)) / Math.abs(fp0));
        }
        return d;
    }

    /** max over negative eigenvectors (v1, v2) of ‖v2 + s·v1‖: 0 when each has the form (a, −s·a). */
    static double directionDeviation(DenseSpectrum spec, double s) {
        double d = 0;
        for (int j = 0; j < spec.index(); j++) {
            double[] v = spec.eigen().vector(j);
            double r = 0;
            for (int i = 0; i < K; i++) {
                double e = v[K + i] + s * v[i];
                r += e * e;
            }
            d = Math.max(d, Math.sqrt(r));
        }
        return spec.index() == 0 ? Double.POSITIVE_INFINITY : d;
    }


    @Override
    public Judgement judge(Records r, Map<String, Double> tol) {
        List<String> details = new ArrayList<>();
        boolean fails = false;
        double worstEigen = 0;
        var costs = r.metricsWithPrefix("fprime0/").keySet();
        for (String key : costs) {
            String name = key.substring("fprime0/".length());
            int neg = (int) r.metric("negative/" + name);
            int zero = (int) r.metric("zero/" + name);
            double ev = r.metric("eigen_dev/" + name);
            double dv = r.metric("direction_dev/" + name);
            worstEigen = Math.max(worstEigen, ev);
            boolean ok = r.metric("grad_origin/" + name) <= tol.get("grad") && neg == K && zero == 0
                    && ev <= tol.get("eigen_rel") && dv <= tol.get("eigen_rel");
            details.add(Fmt.f("%s: f'(0)=%s inertia (%d,%d,%d) max||lambda|-|f'(0)||/|f'(0)|=%s direction dev %s%s",
                    name, Fmt.g(r.metric("fprime0/" + name)), neg, zero, (int) r.metric("positive/" + name),
                    Fmt.g(ev), Fmt.g(dv), ok ? "" : "  <- differs"));
            fails |= !ok;
        }
        int saddles = 0;
        int elsewhere = 0;
        for (var e : r.metricsWithPrefix("found_index/").entrySet()) {
            String run = e.getKey().substring("found_index/".length());
            if (e.getValue() > 0 && r.metric("found_fprime/" + run) > tol.get("grad")) {
                saddles++;
                if (r.metric("found_norm/" + run) > tol.get("origin")) {
                    elsewhere++;
                    details.add("saddle not critical for f away from the origin: " + run);
                }
            }
        }
        fails |= elsewhere > 0;
        if (costs.isEmpty()) {
            return Judgement.of(Verdict.INCONCLUSIVE, "no costs recorded", details);
        }
        String deciding = Fmt.f("inertia (%d,0,%d) and |lambda| = |f'(0)| (max rel. dev. %s) for %s; %d saddles found "
                + "by LM that are not critical for f, %d away from 0", K, K, Fmt.g(worstEigen),
                fails ? "not every cost" : "every cost",
                saddles, elsewhere);
        return Judgement.of(fails ? Verdict.FAILS : Verdict.HOLDS, deciding, details);
    }

    @Override
    public List<Figure> figures(Records r) {
        List<Figure.Curve> curves = new ArrayList<>();
        r.allSeries().forEach((name, s) -> curves.add(new Figure.Curve(name.substring(6), s.x(), s.y(), null, null,
                Figure.Style.POINTS)));
        return List.of(new Figure("fig-A3", "A3: Hessian eigenvalues at the origin, scaled by |f'(0)|",
                "cost (1 quadratic, 2 log-cosh, 3 quartic, 4 double well)", "lambda / |f'(0)|", Figure.Scale.LINEAR,
                Figure.Scale.LINEAR, Figure.Kind.SCATTER, curves, null, 0,
                "Every admissible cost gives eigenvalues -1 (k times) and +1 (k times) after scaling: the same "
                + "strict saddle."));
    }
}
