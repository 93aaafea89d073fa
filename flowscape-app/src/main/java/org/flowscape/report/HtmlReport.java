package org.flowscape.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A self-contained HTML report page: title, provenance block, table of contents, then {@link Section}s of
 * paragraphs, tables, verdict tables and figures (inline SVG from {@link SvgRenderer}). The page has inline CSS
 * only: no script, no external font, image or style sheet, so it opens offline and can be mailed as one file.
 *
 * <p>Usage:
 * <pre>{@code
 * HtmlReport page = new HtmlReport("Study flows");
 * page.provenance("code version", "0.1.0");
 * Section s = page.section("flow", "Gradient flows");
 * s.paragraph("...").table(t).figure(fig);
 * page.write(dir.resolve("report.html"));
 * }</pre>
 * Anchor ids (sections and figures) share one namespace and must be unique on the page. Text is escaped when
 * written. The same calls give the same bytes: the page holds no timestamp of its own. Not thread-safe.
 */
public final class HtmlReport {
    private final String title;
    private final Map<String, String> provenance = new LinkedHashMap<>();
    private final List<Section> sections = new ArrayList<>();
    private final Set<String> ids = new HashSet<>();
    private String intro = "";

    /** An empty page with this title. */
    public HtmlReport(String title) {
        this.title = title;
    }

    /** Adds (or replaces) one line of the provenance block, e.g. ("JDK", "17.0.15"). */
    public HtmlReport provenance(String key, String value) {
        provenance.put(key, value == null ? "" : value);
        return this;
    }

    /** Sets the paragraph under the title. */
    public HtmlReport intro(String text) {
        this.intro = text == null ? "" : text;
        return this;
    }

    /** Adds and returns a top-level section. */
    public Section section(String id, String title) {
        Section s = new Section(this, claim(id), title, 2);
        sections.add(s);
        return s;
    }

    /** Registers an anchor id, refusing a malformed or repeated one. */
    String claim(String id) {
        Html.anchor(id);
        if (!ids.add(id)) {
            throw new IllegalArgumentException("anchor id '" + id + "' is used twice on the page; give unique ids");
        }
        return id;
    }

    /** The page as one HTML document. Cost: linear in its content. */
    public String html() {
        List<String> figureIds = new ArrayList<>();
        sections.forEach(s -> s.figures(figureIds));
        Map<String, Integer> numbers = new LinkedHashMap<>();
        figureIds.forEach(id -> numbers.put(id, numbers.size() + 1));
        StringBuilder sb = new StringBuilder(1 << 16);
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(Html.escape(title)).append("</title>\n<style>\n").append(Css.STYLE)
                .append("</style>\n</head>\n<body>\n<header>\n<h1>").append(Html.escape(title)).append("</h1>\n");
        if (!intro.isEmpty()) {
            sb.append("<p>").append(Html.escape(intro)).append("</p>\n");
        }
        if (!provenance.isEmpty()) {
            sb.append("<dl class=\"provenance\">\n");
            provenance.forEach((k, v) -> sb.append("<dt>").append(Html.escape(k)).append("</dt><dd>")
                    .append(Html.escape(v)).append("</dd>\n"));
            sb.append("</dl>\n");
        }
        sb.append("</header>\n");
        if (!sections.isEmpty()) {
            sb.append("<nav class=\"toc\">\n<h2>Contents</h2>\n<ul>\n");
            sections.forEach(s -> s.toc(sb));
            sb.append("</ul>\n</nav>\n");
        }
        sb.append("<main>\n");
        sections.forEach(s -> s.write(sb, numbers));
        sb.append("</main>\n<footer>Written by Flowscape. Self-contained: no scripts, no network access.</footer>\n")
                .append("</body>\n</html>\n");
        return sb.toString();
    }

    /** Writes {@link #html()} to {@code file} (UTF-8), creating its directory; returns the file. */
    public Path write(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, html(), StandardCharsets.UTF_8);
        return file;
    }
}
