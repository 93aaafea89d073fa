package org.flowscape.report;

import java.util.List;

/**
 * A figure rendered to SVG.
 *
 * @param svg one {@code <svg>} element (no XML declaration), ready to inline in HTML; its ids are prefixed
 *     with the figure's id, so several figures can share a page
 * @param notes what the renderer had to leave out, one sentence each (e.g. non-positive values on a log
 *     axis); a page shows them under the caption
 */
public record RenderedFigure(String svg, List<String> notes) {
    public RenderedFigure {
        notes = List.copyOf(notes);
    }
}
