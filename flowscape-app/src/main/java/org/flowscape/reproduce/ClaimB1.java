package org.flowscape.reproduce;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flowscape.analysis.Certificate;
import org.flowscape.analysis.Census;
import org.flowscape.analysis.Redundancy;
import org.flowscape.analysis.RedundancyReport;
import org.flowscape.analysis.ShallowNetwork;
import org.flowscape.analysis.precise.Certification;
import org.flowscape.analysis.precise.PreciseCertificate;
import org.flowscape.analysis.precise.PreciseCertifier;
import org.flowscape.linalg.Matrix;
import org.flowscape.experiment.RecordSink;
import org.flowscape.experiment.RunContext;
import org.flowscape.linalg.Tolerance;
import org.flowscape.objective.EmpiricalRisk;
import org.flowscape.report.Figure;
import org.flowscape.rng.Seeds;

/**
 * B1 (theory.md B.3 claim 1, [A]; the experiment B.8 [R]): on random regression problems — a smooth random target
 * (random Fourier features of a Gaussian process, length scale 0.5) on m ≫ P inputs — every local minimum of a
 * shallow tanh network in the efficient domain is non-degenerate: λ_min(H) &gt; 0, certified or above
 * zero_rel·λ_max(H). Minima come from random starts (trust-region Newton, polished to ‖∇L‖ ≤ 1e-12); efficient when
 * neither {@link Redundancy}'s rules fire nor the realisation Jacobian is rank-deficient beyond the activation's
 * baseline (theory.md B.4's two tests). Minima are counted per orbit of the symmetries, and each efficient orbit's
 * index is proved by interval arithmetic, in double precision and, where that fails, in 50-digit arithmetic
 * ({@link Certification}).
 * Limits with a saturated neuron (ψ' &lt; {@value #SATURATED} on every input: weights running off to infinity) are
 * asymptotic critical points "degenerate at infinity" (B.7) and are reported, not counted as minima.
 */
final class ClaimB1 extends ComputedClaim {
    /** A neuron whose ψ' stays below this on every input is saturated. */
    static final double SATURATED = 1e-4;
    /** Minima whose canonical forms agree to this relative tolerance are copies of one minimum (one orbit). */
    static final double ORBIT_TOLERANCE = 1e-8;
    /** The certifier is asked to try every point whose Hessian is not singular to this relative level. */
    static final double CERTIFY_REFUSAL = 1e-15;

    @Override
    public String id() {
        return "B1";
    }

    @Override
    public String statement() {
        return "On random regression problems every local minimum in the efficient domain is Morse: lambda_min(H) > "
                + "0, proved by interval certification (double, then 50-digit) or above the stated tolerance "
                + "(histogram of lambda_min for efficient and redundant minima).";
    }

    @Override
    public Basis basis() {
        return Basis.ABSTRACT;
    }

    @Override
    public Evidence evidence() {
        return Evidence.EMPIRICAL_TEST;
    }

    @Override
    public Map<String, String> sizes(Scale scale) {
        return Map.of("problems", scale.pick("3", "30", "50"), "starts", scale.pick("8", "20", "50"),
                "hidden", scale.pick("3", "3", "4"), "samples", scale.pick("40", "60", "200"),
                "min_efficient", scale.pick("4", "20", "60"));
    }

    @Override
    public Map<String, Double> tolerances() {
        return Map.of("zero_rel", 1e-8, "null_rel", 1e-12, "grad", 1e-12);
    }

    @Override
    void compute(RunContext c, RecordSink sink) {
        int problems = Integer.parseInt(c.param("problems", "2"));
        int starts = Integer.parseInt(c.param("starts", "8"));
        int hidden = Integer.parseInt(c.param("hidden", "3"));
        int samples = Integer.parseInt(c.param("samples", "40"));
        double zeroRel = c.tolerance("zero_rel", 1e-8);
        double grad = c.tolerance("grad", 1e-12);
        sink.metric("min_efficient", Double.parseDouble(c.param("min_efficient", "4")));
        for (int p = 0; p < problems; p++) {
            long dataSeed = Seeds.derive(c.spec().seed(), "problem", p);
            String data = "smooth:n=" + samples + ",d=1,lengthscale=0.5,seed=" + dataSeed;
            EmpiricalRisk f = Costs.risk("mlp:1-" + hidden + "-1:tanh", data, "mse");
            List<Minimum> minima = new ArrayList<>();
            for (int i = 0; i < starts; i++) {
                double[] start = Seeds.gaussian(c.stream("start/" + p, i), 1, new double[f.dim()]);
                Minimum m = minimum(f, start, p + "/" + i, grad, zeroRel, sink);
                if (m != null) {
                    minima.add(m);
                }
            }
            certifyOrbits(f, minima, sink);
        }
    }

    /** A minimum found: its label "problem/start", θ and whether either of B.4's tests calls it redundant. */
    private record Minimum(String label, double[] theta, boolean redundant) {
    }

    /**
     * Searches from {@code start} and records the end; returns the minimum when it is one (not saturated), after
     * recording its spectrum and redundancy, else null.
     */
    private static Minimum minimum(EmpiricalRisk f, double[] start, String label, double grad, double zeroRel,
            RecordSink sink) {
        MinimumSearch.Found found = MinimumSearch.search(f, start, grad, zeroRel);
        if (!found.minimum()) {
            sink.metric((found.report() == null ? "unconverged/" : "saddle/") + label, 1);
            return null;
        }
        double[] theta = found.polish().theta();
        double sat = saturation(f, theta);
        sink.metric("saturation/" + label, sat);
        if (sat < SATURATED) {
            sink.metric("at_infinity/" + label, 1);
            return null;
        }
        RedundancyReport red = Redundancy.analyze(f, theta, Redundancy.DEFAULT_RULES, Redundancy.DEFAULT_RANK);
        double[] ev = found.report().spectrum().values();
        sink.metric("lambda_min/" + label, ev[0]);
        sink.metric("lambda_max/" + label, ev[ev.length - 1]);
        sink.metric("nullity/" + label, found.report().nullity());
        boolean rankDeficient = red.rankTestValid() && red.rankDeficit() > red.baselineDeficit();
        boolean redundant = red.redundant() || rankDeficient;
        sink.metric("redundant/" + label, redundant ? 1 : 0);
        sink.metric("rank_deficit/" + label, red.rankDeficit());
        sink.metric("distance/" + label, red.distanceToRedundantSet());
        sink.metric("loss/" + label, found.polish().value());
        return new Minimum(label, theta, redundant);
    }

    /**
     * Groups one problem's minima into orbits of the network's symmetries ({@link Census}: copies of one minimum
     * under neuron permutations and sign flips) and certifies each efficient orbit's first member, in double
     * precision and, where that fails, in {@value PreciseCertifier#DEFAULT_DIGITS}-digit interval arithmetic
     * ({@link Certification}). Records {@code orbit/LABEL} for every minimum and the certificate on the representative.
     */
    private static void certifyOrbits(EmpiricalRisk f, List<Minimum> minima, RecordSink sink) {
        List<Census.Orbit> orbits = Census.orbits(f.network(), minima.stream().map(Minimum::theta).toList(),
                ORBIT_TOLERANCE);
        for (int o = 0; o < orbits.size(); o++) {
            List<Integer> members = orbits.get(o).members();
            for (int m : members) {
                sink.metric("orbit/" + minima.get(m).label(), o);
            }
            Minimum rep = minima.get(members.get(0));
            String label = rep.label();
            if (rep.redundant()) {
                continue;
            }
            Certification.Attempts cert = Certification.attempts(f, rep.theta(), new Tolerance(0, CERTIFY_REFUSAL));
            sink.metric("certified/" + label, cert.certified() ? 1 : 0);
            PreciseCertificate precise = cert.precise();
            if (precise != null && precise.certified()) {
                sink.metric("certified_digits/" + label, precise.digits());
                sink.metric("lambda_lower/" + label, precise.lambdaMinLower());
                sink.metric("lambda_upper/" + label, precise.lambdaMinUpper());
            } else if (cert.quick().certified()) {
                sink.metric("certified_digits/" + label, Certificate.DOUBLE);
            }
        }
    }

    /**
     * min over hidden neurons of max over the data of ψ'(w_i·x_t + b_i): below {@link #SATURATED} some neuron is flat
     * on every input (its weights run off to infinity), the point is an asymptotic critical point "degenerate at
     * infinity" (theory.md B.7), not a minimum of the efficient domain.
     */
    static double saturation(EmpiricalRisk f, double[] theta) {
        ShallowNetwork s = ShallowNetwork.of(f.network(), theta);
        Matrix x = f.data().inputs();
        double worst = Double.POSITIVE_INFINITY;
        for (int i = 0; i < s.hidden(); i++) {
            double best = 0;
            for (int t = 0; t < x.rows(); t++) {
                best = Math.max(best, Math.abs(s.activation().derivative(s.preactivation(i, x, t))));
            }
            worst = Math.min(worst, best);
        }
        return worst;
    }

    /**
     * Judged per orbit (copies of one minimum under the network's symmetries count once; records without orbits count
     * every minimum). An efficient orbit is Morse when its representative's index 0 is interval-certified (in double
     * or extended precision) or λ_min/λ_max &gt; zero_rel; degenerate when uncertified with λ_min/λ_max ≤ null_rel (a
     * numerical zero); otherwise unresolved. Any degenerate efficient minimum fails the claim; unresolved ones (or
     * fewer efficient orbits than {@code min_efficient}) leave it inconclusive.
     */
    @Override
    public Judgement judge(Records r, Map<String, Double> tol) {
        double zeroRel = tol.get("zero_rel");
        double nullRel = tol.get("null_rel");
        Map<String, List<String>> orbits = orbits(r);
        int efficient = 0;
        int degenerate = 0;
        int unresolved = 0;
        int certified = 0;
        int precise = 0;
        int redundant = 0;
        double worst = Double.POSITIVE_INFINITY;
        List<String> details = new ArrayList<>();
        for (List<String> members : orbits.values()) {
            String label = representative(r, members);
            if (r.metric("redundant/" + label) > 0) {
                redundant++;
                continue;
            }
            efficient++;
            double ratio = r.metric("lambda_min/" + label) / r.metric("lambda_max/" + label);
            boolean proved = r.metric("certified/" + label) > 0;
            certified += proved ? 1 : 0;
            worst = Math.min(worst, ratio);
            String line = "efficient minimum " + label + " (" + members.size() + " cop" + (members.size() == 1 ? "y"
                    : "ies") + "): lambda_min/lambda_max = " + Fmt.g(ratio) + ", nullity at zero_rel "
                    + (int) r.metric("nullity/" + label);
            if (proved && r.hasMetric("lambda_lower/" + label)) {
                precise++;
                details.add(line + "; index 0 certified in " + (int) r.metric("certified_digits/" + label)
                        + "-digit interval arithmetic, lambda_min in " + Fmt.f("[%.7g, %.7g]", r.metric("lambda_lower/"
                        + label), r.metric("lambda_upper/" + label)));
            }
            if (proved || ratio > zeroRel) {
                continue;
            }
            if (!(ratio > nullRel)) {
                degenerate++;
                details.add("degenerate " + line + ", not certified");
            } else {
                unresolved++;
                details.add("unresolved " + line + ", not certified");
            }
        }
        details.add(Fmt.f("%d minima in %d orbits: %d efficient (%d certified, %d of them only in extended precision), "
                + "%d redundant; %d saddles, %d starts not converged, %d saturated (degenerate at infinity, excluded)",
                r.metricsWithPrefix("lambda_min/").size(), orbits.size(), efficient, certified, precise, redundant,
                r.metricsWithPrefix("saddle/").size(), r.metricsWithPrefix("unconverged/").size(),
                r.metricsWithPrefix("at_infinity/").size()));
        String deciding = Fmt.f("%d distinct efficient minima: %d certified, min lambda_min/lambda_max = %s (Morse "
                + "above %s or certified; degenerate at or below %s)", efficient, certified, Fmt.g(worst),
                Fmt.g(zeroRel), Fmt.g(nullRel));
        if (degenerate > 0) {
            return Judgement.of(Verdict.FAILS, deciding + "; " + degenerate + " degenerate", details);
        }
        double needed = r.hasMetric("min_efficient") ? r.metric("min_efficient") : 1;
        if (unresolved == 0 && efficient > 0) {
            deciding += Fmt.f("; all Morse, so the share of degenerate efficient minima is below %s at 95%% "
                    + "(rule of three)", Fmt.g(3.0 / efficient));
        }
        if (unresolved > 0 || efficient < needed) {
            return Judgement.of(Verdict.INCONCLUSIVE, deciding + "; " + unresolved + " unresolved, " + efficient
                    + " distinct efficient minima (" + (int) needed + " needed)", details);
        }
        return Judgement.of(Verdict.HOLDS, deciding, details);
    }

    /** Minima labels grouped by orbit ("problem#orbit"), in writing order; a minimum without an orbit is its own. */
    static Map<String, List<String>> orbits(Records r) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String name : r.metricsWithPrefix("lambda_min/").keySet()) {
            String label = name.substring("lambda_min/".length());
            String key = r.hasMetric("orbit/" + label)
                    ? label.substring(0, label.indexOf('/') + 1) + "#" + (long) r.metric("orbit/" + label) : label;
            out.computeIfAbsent(key, k -> new ArrayList<>()).add(label);
        }
        return out;
    }

    /** The member carrying the orbit's certificate, else the first. */
    private static String representative(Records r, List<String> members) {
        return members.stream().filter(m -> r.hasMetric("certified/" + m)).findFirst().orElse(members.get(0));
    }

    @Override
    public List<Figure> figures(Records r) {
        List<Double> eff = new ArrayList<>();
        List<Double> red = new ArrayList<>();
        for (List<String> members : orbits(r).values()) {
            String label = representative(r, members);
            double v = Math.log10(Math.max(r.metric("lambda_min/" + label) / r.metric("lambda_max/" + label), 1e-18));
            (r.metric("redundant/" + label) > 0 ? red : eff).add(v);
        }
        List<Figure.Curve> curves = new ArrayList<>();
        curves.add(histogramCurve("efficient minima", eff));
        curves.add(histogramCurve("redundant minima", red));
        return List.of(new Figure("fig-B1", "B1: smallest Hessian eigenvalue at the distinct minima found",
                "log10(lambda_min / lambda_max) (clipped at -18)", "distinct minima (orbits)", Figure.Scale.LINEAR,
                Figure.Scale.LINEAR,
                Figure.Kind.HISTOGRAM, curves, null, 20, "Shallow tanh networks on random smooth targets; minima "
                + "polished to |grad L| <= 1e-12, one per orbit of the symmetries. The zero tolerance is "
                + "log10(1e-8) = -8; efficient minima left of it are Morse only by their interval certificates (see "
                + "the details)."));
    }

    static Figure.Curve histogramCurve(String name, List<Double> values) {
        double[] y = values.stream().mapToDouble(Double::doubleValue).toArray();
        return Figure.Curve.line(name, new double[y.length], y);
    }
}
