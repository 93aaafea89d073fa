package org.flowscape.reproduce;

import java.util.List;
import java.util.Map;
import org.flowscape.report.Figure;

/**
 * The HTML page of a reproduction: the verdict table (claim, verdict, deciding number, link to its figure), then a
 * section per paper with each claim's statement, basis tag, verdict, details, table, sizes, seed and tolerances, its
 * figures' anchors and captions, and the provenance. Plain HTML with escaped text.
 */
final class ReproducePage {
    private ReproducePage() {
    }

    static String html(List<ClaimResult> results, Provenance p) {
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Flowscape reproduce (")
                .append(p.scale().label()).append(")</title>\n<style>body{font-family:sans-serif;max-width:70em;"
                + "margin:auto}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 6px;"
                + "font-size:90%}.holds{color:#060}.fails{color:#a00}.inconclusive{color:#a60}</style></head><body>\n");
        b.append("<h1>Flowscape reproduce — scale ").append(esc(p.scale().label())).append("</h1>\n");
        b.append("<table><tr><th>claim</th><th>basis</th><th>verdict</th><th>deciding number</th><th>figure</th>"
                + "</tr>\n");
        for (ClaimResult r : results) {
            String fig = r.figures().isEmpty() ? "" : "<a href=\"#" + r.figures().get(0).id() + "\">"
                    + r.figures().get(0).id() + "</a>";
            b.append("<tr><td><a href=\"#claim-").append(r.claim().id()).append("\">").append(r.claim().id())
                    .append("</a></td><td>").append(r.claim().basis().tag()).append("</td><td class=\"")
                    .append(r.verdict().label()).append("\">").append(r.verdict().label()).append("</td><td>")
                    .append(esc(r.judgement().deciding())).append("</td><td>").append(fig).append("</td></tr>\n");
        }
        b.append("</table>\n<p>Basis tags: [P] the paper's full text; [A] abstract or summaries only — the verdict "
                + "checks our reading of the claim, not the paper's exact theorem; [R] reconstructed mechanism.</p>\n");
        for (String paper : List.of("A", "B", "C", "D")) {
            List<ClaimResult> mine = results.stream().filter(r -> r.claim().paper().equals(paper)).toList();
            if (!mine.isEmpty()) {
                b.append("<h2>Paper ").append(paper).append("</h2>\n");
                mine.forEach(r -> section(b, r));
            }
        }
        b.append("<h2>Provenance</h2>\n<ul><li>version ").append(esc(p.version())).append("</li><li>command: <code>")
                .append(esc(p.command())).append("</code></li><li>scale ").append(p.scale().label())
                .append(", root seed ").append(p.seed()).append(", threads ").append(p.threads())
                .append("</li><li>").append(esc(p.java())).append(", BLAS ").append(esc(p.blas()))
                .append("</li><li>started ").append(p.started()).append(", ")
                .append(Fmt.f("%.1f", p.seconds())).append(" s wall</li><li>all numbers: results.json</li></ul>\n");
        return b.append("</body></html>\n").toString();
    }

    private static void section(StringBuilder b, ClaimResult r) {
        Claim c = r.claim();
        b.append("<h3 id=\"claim-").append(c.id()).append("\">").append(c.id()).append(" ").append(c.basis().tag())
                .append(" — <span class=\"").append(r.verdict().label()).append("\">").append(r.verdict().label())
                .append("</span></h3>\n<p>").append(esc(c.statement())).append("</p>\n");
        if (c.basis() != Basis.PAPER) {
            b.append("<p><em>").append(esc(c.basis().meaning())).append("</em></p>\n");
        }
        b.append("<p><b>Deciding:</b> ").append(esc(r.judgement().deciding())).append("</p>\n<ul>");
        r.judgement().details().forEach(d -> b.append("<li>").append(esc(d)).append("</li>"));
        b.append("</ul>\n");
        List<List<String>> t = r.judgement().table();
        if (!t.isEmpty()) {
            b.append("<table>");
            for (int i = 0; i < t.size(); i++) {
                String cell = i == 0 ? "th" : "td";
                b.append("<tr>");
                t.get(i).forEach(x -> b.append('<').append(cell).append('>').append(esc(x)).append("</")
                        .append(cell).append('>'));
                b.append("</tr>");
            }
            b.append("</table>\n");
        }
        for (Figure f : r.figures()) {
            b.append("<figure id=\"").append(f.id()).append("\"><figcaption><b>").append(esc(f.title()))
                    .append("</b> ").append(esc(f.caption())).append(" (data: results.json, figure ")
                    .append(f.id()).append(")</figcaption></figure>\n");
        }
        b.append("<p>Sizes: ").append(esc(format(r.spec().params()))).append("; seed ").append(r.spec().seed())
                .append("; tolerances: ").append(esc(format(r.spec().tolerances()))).append("; ")
                .append(Fmt.f("%.1f", r.seconds())).append(" s.</p>\n");
    }

    private static String format(Map<String, ?> m) {
        StringBuilder s = new StringBuilder();
        m.forEach((k, v) -> s.append(s.length() == 0 ? "" : ", ").append(k).append('=').append(v));
        return s.toString();
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
