package org.flowscape.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.flowscape.census.CensusResult;
import org.flowscape.census.CertifiedPoint;
import org.flowscape.census.Consistency;
import org.flowscape.census.UndecidedBox;
import org.flowscape.experiment.analyses.CensusRun;
import org.flowscape.spec.Problem;
import org.flowscape.operation.JsonOutput;
import org.flowscape.operation.AnalysisJson;

/** The text and JSON of {@code flowscape census}. */
final class CensusReport {
    /** Coordinates of a midpoint shown in the text table before an ellipsis. */
    static final int SHOWN = 4;
    /** Undecided clusters listed in the text (all are in the JSON). */
    static final int CLUSTERS_SHOWN = 10;

    private CensusReport() {
    }

    static void text(Problem p, CensusResult r, PrintWriter out) {
        var c = r.config();
        out.println("model     " + p.modelSpec() + "   P = " + p.dim() + (p.l2() > 0 ? "   l2 " + p.l2() : ""));
        out.printf(Locale.ROOT, "box       %s   min width %s of the box, max boxes %d, time limit %s s%n",
                CensusRun.describe(c.lo(), c.hi()), num(c.minWidth()), c.maxBoxes(), num(c.timeLimit()));
        out.printf(Locale.ROOT, "result    %d critical point(s) certified in %d orbit(s); %s%n", r.points().size(),
                r.orbitSizes().size(), r.complete() ? "complete: no box undecided, these are all the critical points "
                        + "in the box" : r.undecided().size() + " box(es) undecided (below), so there may be more");
        out.printf(Locale.ROOT, "boxes     %d examined in %.3f s (%.0f boxes/s); volume excluded %.6f%%, in "
                + "certified boxes %.6f%%%n", r.boxes(), r.seconds(), r.boxes() / Math.max(r.seconds(), 1e-9),
                100 * r.excludedVolume(), 100 * r.certifiedVolume());
        if (!r.points().isEmpty()) {
            out.printf(Locale.ROOT, "  %-4s %-6s %-5s %-17s %-40s %-37s %s%n", "#", "orbit", "size", "type (index)",
                    "midpoint", "loss enclosure", "width");
            int shownOrbit = -1;
            for (int i = 0; i < r.points().size(); i++) {
                CertifiedPoint pt = r.points().get(i);
                if (pt.orbit() == shownOrbit) {
                    continue;
                }
                shownOrbit = pt.orbit();
                out.printf(Locale.ROOT, "  %-4d %-6d %-5d %-17s %-40s [%.12g, %.12g]   %.1e%n", i + 1, pt.orbit() + 1,
                        r.orbitSizes().get(pt.orbit()), pt.type() + (pt.index() >= 0 ? " (" + pt.index() + ")" : ""),
                        vector(pt.midpoint()), pt.lossLo(), pt.lossHi(), pt.width());
            }
        }
        out.println("counts    " + counts(r));
        Consistency k = r.consistency();
        out.println("euler     sum (-1)^index = " + k.eulerSum() + "; " + k.eulerText());
        if (k.samples() > 0) {
            out.printf(Locale.ROOT, "sampled   %d Newton starts, %d converged, found %d of the %d certified points; %d "
                    + "converged point(s) in the box outside every certified enclosure%n", k.samples(),
                    k.samplesConverged(), k.pointsFound(), r.points().size(), k.outsideFound());
        }
        if (!r.undecided().isEmpty()) {
            undecidedText(r, out);
        }
        out.flush();
    }

    private static void undecidedText(CensusResult r, PrintWriter out) {
        Map<UndecidedBox.Reason, Integer> byReason = new EnumMap<>(UndecidedBox.Reason.class);
        double volume = 0;
        for (UndecidedBox u : r.undecided()) {
            byReason.merge(u.reason(), 1, Integer::sum);
            volume += u.volume();
        }
        double total = 1;
        for (int i = 0; i < r.config().dim(); i++) {
            total *= r.config().hi()[i] - r.config().lo()[i];
        }
        out.printf(Locale.ROOT, "undecided %d box(es), %.6g%% of the volume, in %d cluster(s)%n", r.undecided().size(),
                100 * volume / total, r.clusters());
        byReason.forEach((reason, n) -> out.printf(Locale.ROOT, "  %6d  %s%n", n, reason.text()));
        int shown = 0;
        for (int cl = 0; cl < r.clusters() && shown < CLUSTERS_SHOWN; cl++, shown++) {
            int cluster = cl;
            List<UndecidedBox> members = r.undecided().stream().filter(u -> u.cluster() == cluster).toList();
            double[] lo = members.get(0).lo().clone();
            double[] hi = members.get(0).hi().clone();
            for (UndecidedBox u : members) {
                for (int i = 0; i < lo.length; i++) {
                    lo[i] = Math.min(lo[i], u.lo()[i]);
                    hi[i] = Math.max(hi[i], u.hi()[i]);
                }
            }
            out.printf(Locale.ROOT, "  cluster %d: %d box(es), %s, spanning %s%n", cl + 1, members.size(),
                    members.get(0).reason().name().toLowerCase(Locale.ROOT).replace('_', ' '),
                    CensusRun.describe(lo, hi));
        }
        if (r.clusters() > CLUSTERS_SHOWN) {
            out.println("  ... " + (r.clusters() - CLUSTERS_SHOWN) + " more cluster(s) in --json");
        }
    }

    private static String counts(CensusResult r) {
        int[] c = r.countsByIndex();
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < c.length - 1; k++) {
            if (c[k] > 0) {
                b.append(b.length() == 0 ? "" : ", ").append("index ").append(k).append(": ").append(c[k]);
            }
        }
        if (c[c.length - 1] > 0) {
            b.append(b.length() == 0 ? "" : ", ").append("index not proved: ").append(c[c.length - 1]);
        }
        return b.length() == 0 ? "no certified points" : b.toString();
    }

    private static String vector(double[] x) {
        StringBuilder b = new StringBuilder("(");
        for (int i = 0; i < Math.min(x.length, SHOWN); i++) {
            b.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.6g", x[i]));
        }
        return b.append(x.length > SHOWN ? ", ...)" : ")").toString();
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.6g", v).replaceAll("\\.?0+($|e)", "$1");
    }

    static ObjectNode json(Problem p, CensusResult r) {
        ObjectNode doc = JsonOutput.document("census");
        doc.set("problem", AnalysisJson.problem(p));
        var c = r.config();
        ObjectNode settings = doc.putObject("settings");
        settings.put("method", "interval");
        settings.set("lo", JsonOutput.array(c.lo()));
        settings.set("hi", JsonOutput.array(c.hi()));
        settings.put("min_width", c.minWidth());
        settings.put("max_boxes", c.maxBoxes());
        settings.put("time_limit_s", c.timeLimit());
        settings.put("zero_tol", c.zeroTol());
        settings.put("samples", c.samples());
        settings.put("seed", c.seed());
        doc.put("complete", r.complete());
        doc.put("boxes", r.boxes());
        doc.put("seconds", r.seconds());
        doc.put("excluded_volume", r.excludedVolume());
        doc.put("certified_volume", r.certifiedVolume());
        ArrayNode counts = doc.putArray("counts_by_index");
        int[] k = r.countsByIndex();
        for (int i = 0; i < k.length - 1; i++) {
            counts.add(k[i]);
        }
        doc.put("index_not_proved", k[k.length - 1]);
        ArrayNode points = doc.putArray("points");
        for (CertifiedPoint pt : r.points()) {
            ObjectNode o = points.addObject();
            o.put("orbit", pt.orbit());
            o.put("orbit_size", r.orbitSizes().get(pt.orbit()));
            o.put("type", pt.type());
            o.put("index", pt.index());
            o.put("gershgorin_gap", pt.gap());
            o.set("midpoint", JsonOutput.array(pt.midpoint()));
            o.set("lo", JsonOutput.array(pt.lo()));
            o.set("hi", JsonOutput.array(pt.hi()));
            o.putArray("loss").add(pt.lossLo()).add(pt.lossHi());
            o.set("unique_in_lo", JsonOutput.array(pt.isolation()));
            o.set("unique_in_hi", JsonOutput.array(pt.isolationHi()));
        }
        ArrayNode orbits = doc.putArray("orbit_sizes");
        r.orbitSizes().forEach(orbits::add);
        ArrayNode undecided = doc.putArray("undecided");
        for (UndecidedBox u : r.undecided()) {
            ObjectNode o = undecided.addObject();
            o.put("reason", u.reason().name().toLowerCase(Locale.ROOT));
            o.put("cluster", u.cluster());
            o.set("lo", JsonOutput.array(u.lo()));
            o.set("hi", JsonOutput.array(u.hi()));
            o.put("detail", u.detail());
        }
        doc.put("clusters", r.clusters());
        Consistency q = r.consistency();
        ObjectNode checks = doc.putObject("consistency");
        checks.put("euler_sum", q.eulerSum());
        checks.put("boundary_outward", q.boundaryOutward());
        checks.put("euler", q.euler().name().toLowerCase(Locale.ROOT));
        checks.put("euler_text", q.eulerText());
        checks.put("samples", q.samples());
        checks.put("samples_converged", q.samplesConverged());
        checks.put("points_found", q.pointsFound());
        checks.put("converged_outside_enclosures", q.outsideFound());
        return doc;
    }
}
