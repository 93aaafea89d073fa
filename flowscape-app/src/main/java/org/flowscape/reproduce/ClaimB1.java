package org.flowscape.reproduce;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flowscape.analysis.Certificate;
import org.flowscape.analysis.Census;
import org.flowscape.analysis.ShallowNetwork;
import org.flowscape.analysis.precise.Certification;
import org.flowscape.analysis.precise.PreciseCertificate;
import org.flowscape.analysis.precise.PreciseCertifier;
import org.flowscape.data.Dataset;
import org.flowscape.experiment.RecordSink;
import org.flowscape.experiment.RunContext;
import org.flowscape.linalg.Matrix;
import org.flowscape.linalg.Tolerance;
import org.flowscape.loss.Losses;
import org.flowscape.model.Models;
import org.flowscape.objective.EmpiricalRisk;
import org.flowscape.report.Figure;
import org.flowscape.rng.Seeds;

/**
 * B1 (theory.md B.3 claim 1, [A]; the experiment B.8 [R]): on random regression problems every local minimum of a
 * shallow tanh network in the efficient domain is non-degenerate. The problems are population losses by quadrature
 * ({@link QuadratureData}: m midpoints of [−2, 2], a random smooth target of length scale 0.5), where minima are
 * well defined and no neuron can hide between samples. From N(0, 1) starts {@link B1Search} runs trust-region Newton
 * and sorts every end: diverged, unconverged after the 50-digit polish, saddle, or a minimum that is efficient (no
 * redundancy rule fires, distance to the redundant set at least {@code efficient_dist}, full-rank realisation
 * Jacobian, no saturated neuron), redundant (a rule fires) or unresolved (the rest). Minima are counted per orbit of
 * the symmetries; each efficient orbit's index is proved by interval arithmetic, in double precision and, where that
 * fails, in 50-digit arithmetic ({@link Certification}).
 */
final class ClaimB1 extends ComputedClaim {
    /** A neuron whose ψ' stays below this on every input is saturated. */
    static final double SATURATED = B1Search.SATURATED;
    /** Minima whose canonical forms agree to this relative tolerance are copies of one minimum (one orbit). */
    static final double ORBIT_TOLERANCE = 1e-8;
    /** The certifier is asked to try every point whose Hessian is not singular to this relative level. */
    static final double CERTIFY_REFUSAL = 1e-15;
    /** Half-width a of the quadrature interval [−a, a]. */
    static final double HALF_WIDTH = 2;

    @Override
    public String id() {
        return "B1";
    }

    @Override
    public String statement() {
        return "On random regression problems every local minimum in the efficient domain is Morse: lambda_min(H) > "
                + "0, proved by interval certification (double, then 50-digit) or above the stated tolerance; "
                + "efficient = no redundancy rule fires, at least efficient_dist from the redundant set, full-rank "
                + "Jacobian, no saturated neuron.";
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
        return Map.of("problems", scale.pick("2", "12", "30"), "starts", scale.pick("8", "16", "32"),
                "hidden", scale.pick("3", "3", "4"), "samples", scale.pick("200", "500", "1000"),
                "min_efficient", scale.pick("2", "10", "30"), "max_iter", "400");
    }

    @Override
    public Map<String, Double> tolerances() {
        return Map.of("zero_rel", 1e-8, "null_rel", 1e-12, "grad", 1e-12, "efficient_dist", 1e-2,
                "unresolved_share", 0.25);
    }

    @Override
    void compute(RunContext c, RecordSink sink) {
        int problems = Integer.parseInt(c.param("problems", "2"));
        int starts = Integer.parseInt(c.param("starts", "8"));
        int hidden = Integer.parseInt(c.param("hidden", "3"));
        int samples = Integer.parseInt(c.param("samples", "200"));
        B1Search.Settings s = new B1Search.Settings(c.tolerance("grad", 1e-12), c.tolerance("zero_rel", 1e-8),
                c.tolerance("efficient_dist", 1e-2), Integer.parseInt(c.param("max_iter", "400")));
        sink.metric("min_efficient", Double.parseDouble(c.param("min_efficient", "2")));
        sink.metric("starts_total", problems * starts);
        for (int p = 0; p < problems; p++) {
            long dataSeed = Seeds.derive(c.spec().seed(), "problem", p);
            Dataset data = QuadratureData.smooth(samples, HALF_WIDTH, 0.5, dataSeed);
            EmpiricalRisk f = new EmpiricalRisk(Models.parse("mlp:1-" + hidden + "-1:tanh"), Losses.parse("mse"),
                    data);
            List<Minimum> minima = new ArrayList<>();
            for (int i = 0; i < starts; i++) {
                double[] start = Seeds.gaussian(c.stream("start/" + p, i), 1, new double[f.dim()]);
                String label = p + "/" + i;
                B1Search.Found found = B1Search.run(f, start, label, s, sink);
                if (found != null) {
                    minima.add(new Minimum(label, found.theta(), found.cls()));
                }
            }
            certifyOrbits(f, minima, sink);
        }
    }

    /** A minimum found: its label "problem/start", θ and its class. */
    private record Minimum(String label, double[] theta, int cls) {
        boolean efficient() {
            return cls == B1Search.EFFICIENT;
        }
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
            if (!rep.efficient()) {
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
     * or 50-digit precision) or λ_min/λ_max &gt; zero_rel; degenerate when uncertified with λ_min/λ_max ≤ null_rel;
     * in between it counts as unresolved. Fails on any degenerate efficient minimum. Inconclusive when the unresolved
     * share — ends at unresolved minima and unconverged ends, over ends at minima and unconverged ends (per start) —
     * exceeds {@code unresolved_share}, or when fewer efficient orbits than {@code min_efficient} were found.
     * Diverged starts and saddles are reported, not in the share: they are not minima.
     */
    @Override
    public Judgement judge(Records r, Map<String, Double> tol) {
        double zeroRel = tol.get("zero_rel");
        double nullRel = tol.get("null_rel");
        Tally t = new Tally();
        List<String> details = new ArrayList<>();
        double worst = Double.POSITIVE_INFINITY;
        for (List<String> members : orbits(r).values()) {
            String label = representative(r, members);
            int cls = classOf(r, label);
            if (cls == B1Search.REDUNDANT) {
                t.redundant++;
                continue;
            }
            if (cls == B1Search.UNRESOLVED) {
                t.unresolvedOrbits++;
                continue;
            }
            t.efficient++;
            double ratio = r.metric("lambda_min/" + label) / r.metric("lambda_max/" + label);
            boolean proved = r.metric("certified/" + label) > 0;
            t.certified += proved ? 1 : 0;
            worst = Math.min(worst, ratio);
            String line = "efficient minimum " + label + " (" + members.size() + " cop" + (members.size() == 1 ? "y"
                    : "ies") + "): lambda_min/lambda_max = " + Fmt.g(ratio) + ", distance to the redundant set "
                    + Fmt.g(r.metric("distance/" + label));
            if (proved && r.hasMetric("lambda_lower/" + label)) {
                t.precise++;
                details.add(line + "; index 0 certified in " + (int) r.metric("certified_digits/" + label)
                        + "-digit interval arithmetic, lambda_min in " + Fmt.f("[%.7g, %.7g]", r.metric("lambda_lower/"
                        + label), r.metric("lambda_upper/" + label)));
            }
            if (proved || ratio > zeroRel) {
                continue;
            }
            if (!(ratio > nullRel)) {
                t.degenerate++;
                details.add("degenerate " + line + ", not certified");
            } else {
                t.ambiguous++;
                t.ambiguousEnds += members.size();
                details.add("unresolved " + line + ", not certified, above null_rel");
            }
        }
        return verdict(r, tol, t, worst, details);
    }

    /** Counts of one judgement. */
    private static final class Tally {
        int efficient;
        int redundant;
        int unresolvedOrbits;
        int ambiguous;
        int ambiguousEnds;
        int degenerate;
        int certified;
        int precise;
    }

    private Judgement verdict(Records r, Map<String, Double> tol, Tally t, double worst, List<String> details) {
        int minimaEnds = r.metricsWithPrefix("lambda_min/").size();
        int unconverged = r.metricsWithPrefix("unconverged/").size();
        int diverged = r.metricsWithPrefix("diverged/").size();
        int saddles = r.metricsWithPrefix("saddle/").size();
        int[] byReason = new int[4];
        int unresolvedEnds = 0;
        for (String name : r.metricsWithPrefix("class/").keySet()) {
            String label = name.substring("class/".length());
            if (classOf(r, label) == B1Search.UNRESOLVED) {
                unresolvedEnds++;
                byReason[(int) r.metric("reason/" + label)]++;
            }
        }
        unresolvedEnds += unconverged + t.ambiguousEnds;
        int base = minimaEnds + unconverged;
        double share = base == 0 ? 1 : unresolvedEnds / (double) base;
        int total = r.hasMetric("starts_total") ? (int) r.metric("starts_total") : minimaEnds + unconverged + diverged
                + saddles;
        details.add(Fmt.f("%d starts: %d converged to a minimum (%d distinct: %d efficient, %d of them certified, %d "
                + "only in 50 digits; %d redundant; %d unresolved), %d saddles, %d diverged (|theta|inf > %s or "
                + "growing while L falls: not minima, not in the share), %d unconverged after the 50-digit polish", total, minimaEnds,
                t.efficient + t.redundant + t.unresolvedOrbits, t.efficient, t.certified, t.precise, t.redundant,
                t.unresolvedOrbits + t.ambiguous, saddles, diverged, Fmt.g(B1Search.BOUND), unconverged));
        details.add(Fmt.f("unresolved ends: %d rank-deficient but rule-efficient, %d within efficient_dist = %s of the "
                + "redundant set, %d saturated, %d efficient but uncertified above null_rel, %d unconverged",
                byReason[B1Search.RANK_DEFICIENT], byReason[B1Search.NEAR_REDUNDANT], Fmt.g(tol.get("efficient_dist")),
                byReason[B1Search.SATURATION], t.ambiguousEnds, unconverged));
        String deciding = Fmt.f("%d distinct efficient minima: %d certified, min lambda_min/lambda_max = %s; "
                + "unresolved share %d/%d = %.2f (at most %.2f)", t.efficient, t.certified, Fmt.g(worst),
                unresolvedEnds, base, share, tol.get("unresolved_share"));
        if (t.degenerate > 0) {
            return Judgement.of(Verdict.FAILS, deciding + "; " + t.degenerate + " efficient minima degenerate "
                    + "(uncertified, lambda_min/lambda_max <= " + Fmt.g(tol.get("null_rel")) + ")", details);
        }
        double needed = r.hasMetric("min_efficient") ? r.metric("min_efficient") : 1;
        if (share > tol.get("unresolved_share") || t.efficient < needed) {
            return Judgement.of(Verdict.INCONCLUSIVE, deciding + "; " + t.efficient + " distinct efficient minima ("
                    + (int) needed + " needed)", details);
        }
        return Judgement.of(Verdict.HOLDS, deciding + Fmt.f("; none degenerate, so the share of degenerate "
                + "efficient minima is below %s at 95%% (rule of three)", Fmt.g(3.0 / t.efficient)), details);
    }

    /** The class of a minimum; records without a class (first edition) are efficient unless marked redundant. */
    static int classOf(Records r, String label) {
        if (r.hasMetric("class/" + label)) {
            return (int) r.metric("class/" + label);
        }
        return r.metric("redundant/" + label) > 0 ? B1Search.REDUNDANT : B1Search.EFFICIENT;
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
        List<List<Double>> byClass = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (List<String> members : orbits(r).values()) {
            String label = representative(r, members);
            double v = Math.log10(Math.max(r.metric("lambda_min/" + label) / r.metric("lambda_max/" + label), 1e-18));
            byClass.get(classOf(r, label)).add(v);
        }
        List<Figure.Curve> curves = new ArrayList<>();
        String[] names = {"efficient", "redundant", "unresolved"};
        double top = 1;
        for (int k = 0; k < 3; k++) {
            Figure.Curve h = B1Histogram.steps(names[k] + " minima (" + byClass.get(k).size() + ")", byClass.get(k));
            curves.add(h);
            for (double y : h.y()) {
                top = Math.max(top, y);
            }
        }
        curves.add(B1Histogram.threshold("zero_rel = 1e-8 (Morse above)", -8, top));
        curves.add(B1Histogram.threshold("null_rel = 1e-12 (degenerate at or below, unless certified)", -12, top));
        return List.of(new Figure("fig-B1", "B1: smallest Hessian eigenvalue at the distinct minima, by class",
                "log10(lambda_min / lambda_max) (clipped at -18)", "distinct minima (orbits) per bin",
                Figure.Scale.LINEAR, Figure.Scale.LINEAR, Figure.Kind.LINES, curves, null, 0, "Shallow tanh networks "
                + "on quadrature population losses of random smooth targets; one entry per orbit of the symmetries, "
                + "binned in half-decades. Dashed: the 1e-8 and 1e-12 thresholds. Efficient minima left of 1e-8 are "
                + "Morse only by their interval certificates (see the details)."));
    }
}
