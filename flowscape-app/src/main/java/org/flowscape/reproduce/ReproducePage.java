package org.flowscape.reproduce;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flowscape.report.Cell;
import org.flowscape.report.Figure;
import org.flowscape.report.HtmlReport;
import org.flowscape.report.Section;
import org.flowscape.report.Table;
import org.flowscape.report.Tone;

/**
 * The HTML page of a reproduction, built with the report module's {@link HtmlReport}: the verdict table (claim,
 * verdict, deciding number, link to its figure) first, then a section per paper with each claim's statement, basis
 * tag, deciding number, details, table, figures (inline SVG), sizes, seed and tolerances; provenance on top.
 */
final class ReproducePage {
    private ReproducePage() {
    }

    static HtmlReport page(List<ClaimResult> results, Invocation p) {
        HtmlReport page = new HtmlReport("Flowscape reproduce \u2014 scale " + p.scale().label());
        page.provenance("version", p.machine().codeVersion());
        page.provenance("command", p.command());
        page.provenance("scale, root seed, threads", p.scale().label() + ", " + p.seed() + ", " + p.threads());
        page.provenance("runtime", p.machine().jdk() + ", BLAS " + p.machine().backend());
        page.provenance("started (UTC)", p.started().toString());
        page.provenance("wall time", Fmt.f("%.1f s", p.seconds()));
        page.provenance("all numbers", "results.json beside this page");
        page.intro("Each claim of the four papers digested in theory.md, decided at this scale. Basis tags: [P] the "
                + "paper's full text; [A] abstract or summaries only (the verdict checks our reading of the claim, "
                + "not the paper's exact theorem); [R] a reconstructed mechanism. Evidence kinds: "
                + "instrument check (an identity that holds when the code is right), consequence (a derived prediction "
                + "that could fail only through a wrong derivation or code), empirical test (a statement about random "
                + "problems that the data could refute).");
        List<org.flowscape.report.Verdict> rows = new ArrayList<>();
        for (ClaimResult r : results) {
            String fig = r.figures().isEmpty() ? null : r.figures().get(0).id();
            rows.add(new org.flowscape.report.Verdict(r.claim().id() + " " + r.claim().basis().tag() + " ("
                    + r.claim().evidence().label() + "): " + r.claim().statement(), r.verdict().label(), tone(r.verdict()), r.judgement().deciding(), fig));
        }
        page.section("verdicts", "Verdicts").verdicts("One row per claim; the figure link shows the evidence.", rows);
        for (String paper : List.of("A", "B", "C", "D")) {
            List<ClaimResult> mine = results.stream().filter(r -> r.claim().paper().equals(paper)).toList();
            if (!mine.isEmpty()) {
                Section s = page.section("paper-" + paper, "Paper " + paper);
                mine.forEach(r -> claim(s, r));
            }
        }
        return page;
    }

    private static Tone tone(Verdict v) {
        return switch (v) {
            case HOLDS -> Tone.GOOD;
            case FAILS -> Tone.BAD;
            case INCONCLUSIVE -> Tone.WARN;
        };
    }

    private static void claim(Section paper, ClaimResult r) {
        Claim c = r.claim();
        Section s = paper.subsection("claim-" + c.id(), c.id() + " " + c.basis().tag() + " \u2014 "
                + r.verdict().label());
        s.paragraph(c.statement());
        s.note("Evidence: " + c.evidence().label() + " \u2014 " + c.evidence().meaning() + ".",
                c.evidence() == Evidence.EMPIRICAL_TEST ? Tone.GOOD : Tone.WARN);
        if (c.basis() != Basis.PAPER) {
            s.note(c.basis().meaning(), Tone.WARN);
        }
        s.note("Deciding: " + r.judgement().deciding(), tone(r.verdict()));
        r.judgement().details().forEach(s::paragraph);
        List<List<String>> t = r.judgement().table();
        if (!t.isEmpty()) {
            Table.Builder b = Table.builder(c.id() + " per case", t.get(0).toArray(String[]::new));
            for (List<String> row : t.subList(1, t.size())) {
                b.row(row.stream().map(Cell::text).toList());
            }
            s.table(b.build());
        }
        for (Figure f : r.figures()) {
            s.figure(f);
        }
        s.paragraph("Sizes: " + format(r.spec().params()) + ". Seed " + r.spec().seed() + ". Tolerances: "
                + format(r.spec().tolerances()) + ". " + Fmt.f("%.1f s.", r.seconds()));
    }

    private static String format(Map<String, ?> m) {
        StringBuilder s = new StringBuilder();
        m.forEach((k, v) -> s.append(s.length() == 0 ? "" : ", ").append(k).append('=').append(v));
        return s.toString();
    }
}
