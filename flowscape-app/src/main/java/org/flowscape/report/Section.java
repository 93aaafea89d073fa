package org.flowscape.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A section of an {@link HtmlReport}: a heading with an anchor, then paragraphs, tables, figures and subsections
 * in the order they are added. Created by {@link HtmlReport#section} or {@link #subsection}; every text is
 * HTML-escaped when the page is written. Figures are rendered to SVG when added (so bad data fails at once).
 */
public final class Section {
    private final HtmlReport page;
    private final String id;
    private final String title;
    private final int level;
    private final List<Object> blocks = new ArrayList<>();

    Section(HtmlReport page, String id, String title, int level) {
        this.page = page;
        this.id = id;
        this.title = title;
        this.level = level;
    }

    /** The section's anchor id. */
    public String id() {
        return id;
    }

    /** Adds a paragraph of text. */
    public Section paragraph(String text) {
        blocks.add(new Paragraph(text, Tone.PLAIN));
        return this;
    }

    /** Adds a coloured note, e.g. a warning that some runs failed. */
    public Section note(String text, Tone tone) {
        blocks.add(new Paragraph(text, tone));
        return this;
    }

    /** Adds a table. */
    public Section table(Table table) {
        blocks.add(table);
        return this;
    }

    /**
     * Adds a verdict table: claim, verdict (coloured), deciding number, and a link to the figure showing it.
     */
    public Section verdicts(String caption, List<Verdict> verdicts) {
        Table.Builder t = Table.builder(caption, "claim", "verdict", "deciding number", "evidence");
        for (Verdict v : verdicts) {
            t.row(Cell.text(v.claim()), Cell.toned(v.verdict(), v.tone()), new Cell(v.deciding(), Tone.PLAIN, null,
                    false), v.figureId() == null ? Cell.text("") : Cell.figure(v.figureId()));
        }
        return table(t.build());
    }

    /** Renders {@code figure} with {@link SvgRenderer} and adds it, numbered, with its caption and notes. */
    public Section figure(Figure figure) {
        return figure(figure, SvgRenderer.render(figure));
    }

    /** Adds a figure already rendered (e.g. at another size). */
    public Section figure(Figure figure, RenderedFigure rendered) {
        page.claim(figure.id());
        blocks.add(new Plot(figure, rendered));
        return this;
    }

    /**
     * Adds HTML as it is, unescaped: only for markup the caller builds itself from escaped text
     * ({@link Html#escape}); never for data read from a store or a file.
     */
    public Section trustedHtml(String html) {
        blocks.add(new Raw(html));
        return this;
    }

    /** Adds and returns a subsection (one heading level down, at most h4). */
    public Section subsection(String id, String title) {
        Section s = new Section(page, page.claim(id), title, Math.min(4, level + 1));
        blocks.add(s);
        return s;
    }

    /** Collects the figure ids in document order. */
    void figures(List<String> out) {
        for (Object b : blocks) {
            if (b instanceof Plot p) {
                out.add(p.figure().id());
            } else if (b instanceof Section s) {
                s.figures(out);
            }
        }
    }

    /** Appends the table-of-contents entry of this section and its subsections. */
    void toc(StringBuilder sb) {
        sb.append("<li><a href=\"#").append(id).append("\">").append(Html.escape(title)).append("</a>");
        List<Section> subs = blocks.stream().filter(b -> b instanceof Section).map(b -> (Section) b).toList();
        if (!subs.isEmpty()) {
            sb.append("<ul>");
            subs.forEach(s -> s.toc(sb));
            sb.append("</ul>");
        }
        sb.append("</li>\n");
    }

    /** Appends the section's HTML; {@code numbers} maps figure ids to their numbers on the page. */
    void write(StringBuilder sb, Map<String, Integer> numbers) {
        sb.append("<section id=\"").append(id).append("\">\n<h").append(level).append('>')
                .append(Html.escape(title)).append(" <a class=\"self\" href=\"#").append(id).append("\">#</a></h")
                .append(level).append(">\n");
        for (Object b : blocks) {
            if (b instanceof Paragraph p) {
                sb.append("<p").append(cls(p.tone())).append('>').append(Html.escape(p.text())).append("</p>\n");
            } else if (b instanceof Table t) {
                writeTable(sb, t, numbers);
            } else if (b instanceof Plot p) {
                writePlot(sb, p, numbers);
            } else if (b instanceof Raw r) {
                sb.append(r.html()).append('\n');
            } else {
                ((Section) b).write(sb, numbers);
            }
        }
        sb.append("</section>\n");
    }

    private static void writeTable(StringBuilder sb, Table t, Map<String, Integer> numbers) {
        sb.append("<table>\n");
        if (t.caption() != null && !t.caption().isEmpty()) {
            sb.append("<caption>").append(Html.escape(t.caption())).append("</caption>\n");
        }
        sb.append("<thead><tr>");
        t.header().forEach(h -> sb.append("<th>").append(Html.escape(h)).append("</th>"));
        sb.append("</tr></thead>\n<tbody>\n");
        for (List<Cell> row : t.rows()) {
            sb.append("<tr>");
            for (Cell c : row) {
                String css = (c.tone().css() + (c.numeric() ? " num" : "")).strip();
                sb.append("<td").append(css.isEmpty() ? "" : " class=\"" + css + "\"").append('>');
                String text = FigureLink.isLink(c) ? FigureLink.text(c, numbers) : c.text();
                if (c.anchor() != null) {
                    sb.append("<a href=\"#").append(c.anchor()).append("\">").append(Html.escape(text)).append("</a>");
                } else {
                    sb.append(Html.escape(text));
                }
                sb.append("</td>");
            }
            sb.append("</tr>\n");
        }
        sb.append("</tbody></table>\n");
    }

    private static void writePlot(StringBuilder sb, Plot p, Map<String, Integer> numbers) {
        Figure f = p.figure();
        sb.append("<figure id=\"").append(f.id()).append("\">\n<figcaption class=\"title\">Figure ")
                .append(numbers.get(f.id())).append(". ").append(Html.escape(f.title())).append("</figcaption>\n")
                .append("<div class=\"plot\">").append(p.rendered().svg()).append("</div>\n<figcaption>")
                .append(Html.escape(f.caption()));
        for (String note : p.rendered().notes()) {
            sb.append(" <span class=\"note\">").append(Html.escape(note)).append("</span>");
        }
        sb.append("</figcaption>\n</figure>\n");
    }

    private static String cls(Tone tone) {
        return tone == Tone.PLAIN ? "" : " class=\"note " + tone.css() + "\"";
    }

    private record Paragraph(String text, Tone tone) {
    }

    private record Plot(Figure figure, RenderedFigure rendered) {
    }

    private record Raw(String html) {
    }

    /** A cell linking to a figure, whose text ("Figure N") is known only when the page is written. */
    record FigureLink(String figureId) {
        static final String MARK = "\u0000figure:";

        Cell cell() {
            return new Cell(MARK + figureId, Tone.PLAIN, figureId, false);
        }

        static boolean isLink(Cell c) {
            return c.text().startsWith(MARK);
        }

        static String text(Cell c, Map<String, Integer> numbers) {
            Integer n = numbers.get(c.anchor());
            return n == null ? c.anchor() : "Figure " + n;
        }
    }
}
