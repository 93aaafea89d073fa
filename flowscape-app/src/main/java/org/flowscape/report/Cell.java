package org.flowscape.report;

/**
 * One table cell: text (escaped when written), an optional colour and an optional link to an anchor on the page.
 *
 * @param text the cell's text
 * @param tone its colour
 * @param anchor the id of a section or figure on the same page to link to, or null
 * @param numeric right-aligned with tabular digits
 */
public record Cell(String text, Tone tone, String anchor, boolean numeric) {
    public Cell {
        text = text == null ? "" : text;
        tone = tone == null ? Tone.PLAIN : tone;
        if (anchor != null) {
            Html.anchor(anchor);
        }
    }

    /** Plain text. */
    public static Cell text(String text) {
        return new Cell(text, Tone.PLAIN, null, false);
    }

    /** A number with four significant digits ({@link Numbers#sig(double)}). */
    public static Cell number(double v) {
        return new Cell(Numbers.sig(v), Tone.PLAIN, null, true);
    }

    /** An integer count. */
    public static Cell count(long n) {
        return new Cell(Long.toString(n), Tone.PLAIN, null, true);
    }

    /** Coloured text, e.g. a verdict or an outcome. */
    public static Cell toned(String text, Tone tone) {
        return new Cell(text, tone, null, false);
    }

    /** A link to the figure {@code figureId} on the same page, shown as "Figure N". */
    public static Cell figure(String figureId) {
        return new Section.FigureLink(Html.anchor(figureId)).cell();
    }

    /** A link to the section or figure {@code anchor} on the same page. */
    public static Cell link(String text, String anchor) {
        return new Cell(text, Tone.PLAIN, anchor, false);
    }
}
