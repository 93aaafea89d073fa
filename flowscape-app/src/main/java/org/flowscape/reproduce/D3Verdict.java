package org.flowscape.reproduce;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * D3's verdict, a pure function of {@link ClaimD3}'s records. With N initializations per width, the band of a data
 * type at a width is the Wilson interval at {@code z_verdict} whose lower end counts uncertified basin values as
 * misses and whose upper end counts them as hits (the worst case either way). A structured type (clustered, lowdim)
 * is <em>above</em> Gaussian at a width when its lower end exceeds Gaussian's upper end, <em>below</em> when its upper
 * end is under Gaussian's lower end. Every bound recorded beside an estimate is <em>violated</em> when it exceeds the
 * upper end of the estimate's Wilson interval at {@code z_bound}. Holds: each structured type is above at some width
 * and below at none, and no bound is violated. Fails: a structured type is below at some width, or a bound is
 * violated. Otherwise (bands overlap at every width) inconclusive.
 */
final class D3Verdict {
    private static final List<String> STRUCTURED = List.of("clustered", "lowdim");

    private D3Verdict() {
    }

    /** {lower, upper} of type's band at width index k (uncertified as misses, then as hits). */
    static double[] band(Records r, String type, int k, double z) {
        long n = (long) r.metric("inits");
        long hits = (long) r.series("hits/" + type).y()[k];
        Records.Curve unc = r.series("uncertified/" + type);
        long u = unc == null ? 0 : (long) unc.y()[k];
        double lower = hits == 0 ? 0 : Wilson.interval(hits, n, z)[0];
        return new double[] {lower, Wilson.interval(Math.min(n, hits + u), n, z)[1]};
    }

    static Judgement judge(Records r, Map<String, Double> tol) {
        long n = (long) r.metric("inits");
        double z = tol.get("z_verdict");
        Records.Curve gauss = r.series("hits/gaussian");
        if (gauss == null || !(n > 0)) {
            return Judgement.of(Verdict.INCONCLUSIVE, "no basin values recorded", List.of());
        }
        List<String> details = new ArrayList<>();
        List<List<String>> table = new ArrayList<>();
        table.add(List.of("data", "width", "event", "estimate", "band", "uncertified", "theorem bound"));
        boolean allAbove = true;
        boolean anyBelow = false;
        for (String type : STRUCTURED) {
            Records.Curve s = r.series("hits/" + type);
            if (s == null) {
                return Judgement.of(Verdict.INCONCLUSIVE, "no basin values recorded for " + type, details);
            }
            List<Integer> above = new ArrayList<>();
            List<Integer> below = new ArrayList<>();
            for (int k = 0; k < s.x().length; k++) {
                double[] bs = band(r, type, k, z);
                double[] bg = band(r, "gaussian", k, z);
                int width = (int) s.x()[k];
                if (bs[0] > bg[1]) {
                    above.add(width);
                } else if (bs[1] < bg[0]) {
                    below.add(width);
                }
            }
            allAbove &= !above.isEmpty();
            anyBelow |= !below.isEmpty();
            details.add(type + " above gaussian (bands apart) at widths " + above + ", below at " + below);
        }
        for (String type : ClaimD3.DATA) {
            rows(r, type, z, table);
        }
        List<String> violated = violations(r, tol.get("z_bound"), table);
        details.addAll(violated);
        Verdict v = anyBelow || !violated.isEmpty() ? Verdict.FAILS : allAbove ? Verdict.HOLDS : Verdict.INCONCLUSIVE;
        String deciding = Fmt.f("%s; %d bound(s) above their estimate's band (z = %.3g); %s", allAbove
                ? "clustered and lowdim each above gaussian at some width" : "bands overlap gaussian's at every "
                + "width for a structured type", violated.size(), tol.get("z_bound"), anyBelow
                ? "a structured type lies below gaussian" : Fmt.f("z = %.3g, %d inits per width", z, n));
        return Judgement.of(v, deciding, details).withTable(table);
    }

    private static void rows(Records r, String type, double z, List<List<String>> table) {
        Records.Curve s = r.series("hits/" + type);
        Records.Curve u = r.series("uncertified/" + type);
        long n = (long) r.metric("inits");
        for (int k = 0; k < s.x().length; k++) {
            double[] b = band(r, type, k, z);
            table.add(List.of(type, String.valueOf((int) s.x()[k]), "Bas <= alpha L(0), certified",
                    Fmt.g(s.y()[k] / n), "[" + Fmt.g(b[0]) + ", " + Fmt.g(b[1]) + "]",
                    u == null ? "0" : String.valueOf((int) u.y()[k]), ""));
        }
    }

    /** The bounds above their estimate's band, in words; adds a table row per bound and width. */
    private static List<String> violations(Records r, double z, List<List<String>> table) {
        long n = (long) r.metric("inits");
        List<String> out = new ArrayList<>();
        for (var e : r.allSeries().entrySet()) {
            if (!e.getKey().startsWith("bound/")) {
                continue;
            }
            String[] key = e.getKey().split("/");
            Records.Curve hits = r.series("bound_hits/" + key[1] + "/" + key[2]);
            for (int k = 0; k < e.getValue().x().length; k++) {
                double bound = e.getValue().y()[k];
                double[] band = Wilson.interval((long) hits.y()[k], n, z);
                int width = (int) e.getValue().x()[k];
                table.add(List.of(key[1], String.valueOf(width), key[2], Fmt.g(hits.y()[k] / n),
                        "[" + Fmt.g(band[0]) + ", " + Fmt.g(band[1]) + "]", "", Fmt.g(bound)));
                if (bound > band[1]) {
                    out.add(key[1] + " width " + width + ": " + key[2] + " bound " + Fmt.g(bound)
                            + " above the estimate's band " + Fmt.g(band[0]) + ".." + Fmt.g(band[1]));
                }
            }
        }
        return out;
    }
}
