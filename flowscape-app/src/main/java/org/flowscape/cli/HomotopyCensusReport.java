package org.flowscape.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Locale;
import org.flowscape.census.homotopy.CertifiedSolution;
import org.flowscape.census.homotopy.HomotopyCensusResult;
import org.flowscape.census.homotopy.PathResult;
import org.flowscape.census.homotopy.SingularPoint;
import org.flowscape.census.homotopy.TrackerSettings;
import org.flowscape.operation.JsonOutput;

/** Text and JSON for the homotopy census ({@code census --method homotopy}). */
final class HomotopyCensusReport {
    private HomotopyCensusReport() {
    }

    /** The exit code: OK when every path ended and every regular endpoint was certified, else INCONCLUSIVE. */
    static int exitCode(HomotopyCensusResult r) {
        return r.complete() ? ExitCodes.OK : ExitCodes.INCONCLUSIVE;
    }

    static void text(HomotopyCensusResult r, PrintWriter out) {
        out.printf("homotopy census of %s (P = %d)%n", r.description(), r.parameters());
        row(out, "paths (Bezout number)", Long.toString(r.paths()));
        row(out, "finite, certified distinct", r.certified() + "  (real " + r.real() + ", non-real " + r.nonReal()
                + ", undecided " + (r.certified() - r.real() - r.nonReal()) + ")");
        row(out, "singular points", r.singular().size() + "  (" + r.singularPaths() + " paths)");
        row(out, "at infinity", r.atInfinity() + " paths");
        row(out, "failed", r.failed() + " paths");
        row(out, "regular but not certified", Integer.toString(r.uncertified()));
        row(out, "duplicate endpoints", Integer.toString(r.duplicates()));
        row(out, "Morse sum over real points", Integer.toString(r.morseSum()));
        row(out, "complete", r.complete() ? "yes" : "NO: see the failures below");
        if (r.real() > 0) {
            out.println("  real critical points (certified):");
            out.printf("    %3s  %5s  %-22s  %-14s  %s%n", "#", "index", "type", "loss", "theta");
            int k = 1;
            for (CertifiedSolution s : r.solutions()) {
                if (s.real()) {
                    out.printf("    %3d  %5d  %-22s  %-14.8g  %s%s%n", k++, s.index(), s.type(), s.value(),
                            vector(s.realPart()), Double.isNaN(s.margin()) ? ""
                                    : s.margin() > 0 ? "  (inside the pattern)" : "  (outside the pattern)");
                }
            }
        }
        for (SingularPoint s : r.singular()) {
            out.printf("  singular point %s: %d paths, cycle number up to %d%s%n", complexVector(s.point()), s.paths(),
                    s.maxWinding(), s.nearlyReal() ? ", nearly real" : "");
        }
        for (PathResult f : r.failures()) {
            out.printf("  path %d: %s%n", f.path(), f.reason());
        }
        TrackerSettings t = r.settings().tracker();
        out.printf("  seed %d; corrector %.0e, endgame %.0e from t = %.2f, singular above condition %.0e; %.3f s%n",
                r.settings().seed(), t.correctorTolerance(), t.endgameTolerance(), 1 - t.endgameRadius(),
                t.singularCondition(), r.seconds());
        out.flush();
    }

    private static void row(PrintWriter out, String name, String value) {
        out.printf("  %-30s %s%n", name, value);
    }

    private static String vector(double[] v) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < v.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.10g", v[i]));
        }
        return sb.append(']').toString();
    }

    private static String complexVector(double[] z) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < z.length / 2; i++) {
            sb.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.6g%+.6gi", z[2 * i], z[2 * i + 1]));
        }
        return sb.append(']').toString();
    }

    /** The JSON fields of a homotopy census, added to {@code doc}. */
    static ObjectNode json(HomotopyCensusResult r, ObjectNode doc) {
        doc.put("method", "homotopy");
        doc.put("description", r.description());
        doc.put("parameters", r.parameters());
        doc.put("paths", r.paths());
        doc.put("regular_paths", r.regularPaths());
        doc.put("certified", r.certified());
        doc.put("real", r.real());
        doc.put("non_real", r.nonReal());
        doc.put("singular_points", r.singular().size());
        doc.put("singular_paths", r.singularPaths());
        doc.put("at_infinity", r.atInfinity());
        doc.put("failed", r.failed());
        doc.put("uncertified", r.uncertified());
        doc.put("duplicates", r.duplicates());
        doc.put("morse_sum", r.morseSum());
        doc.put("complete", r.complete());
        ArrayNode sols = doc.putArray("solutions");
        for (CertifiedSolution s : r.solutions()) {
            ObjectNode o = sols.addObject();
            o.put("real", s.real());
            o.put("non_real", s.nonReal());
            o.set("point", JsonOutput.array(s.point()));
            o.put("box_radius", s.box());
            o.put("paths", s.paths());
            if (s.real()) {
                o.set("theta", JsonOutput.array(s.realPart()));
                o.put("loss", s.value());
                o.put("index", s.index());
                o.put("nullity", s.nullity());
                o.put("type", s.type());
                if (!Double.isNaN(s.margin())) {
                    o.put("pattern_margin", s.margin());
                }
            }
        }
        ArrayNode sing = doc.putArray("singular");
        for (SingularPoint s : r.singular()) {
            ObjectNode o = sing.addObject();
            o.set("point", JsonOutput.array(s.point()));
            o.put("paths", s.paths());
            o.put("max_winding", s.maxWinding());
            o.put("nearly_real", s.nearlyReal());
        }
        ArrayNode fails = doc.putArray("failures");
        for (PathResult f : r.failures()) {
            ObjectNode o = fails.addObject();
            o.put("path", f.path());
            o.put("status", f.status().name());
            o.put("reason", f.reason());
        }
        TrackerSettings t = r.settings().tracker();
        ObjectNode tol = doc.putObject("tolerances");
        tol.put("corrector", t.correctorTolerance());
        tol.put("endgame", t.endgameTolerance());
        tol.put("endgame_radius", t.endgameRadius());
        tol.put("singular_condition", t.singularCondition());
        tol.put("infinity", t.infinityTolerance());
        tol.put("singular_infinity", t.singularInfinityTolerance());
        tol.put("path_budget", r.settings().pathBudget());
        doc.put("seed", r.settings().seed());
        doc.put("seconds", r.seconds());
        return doc;
    }
}
