package org.flowscape.report;

import java.awt.Dimension;
import java.awt.geom.Rectangle2D;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.apache.batik.dom.GenericDOMImplementation;
import org.apache.batik.svggen.SVGGeneratorContext;
import org.apache.batik.svggen.SVGGraphics2D;
import org.apache.batik.svggen.SVGGraphics2DIOException;
import org.apache.batik.svggen.SVGIDGenerator;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.text.TextUtils;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Renders a {@link Figure} to an inline SVG string: JFreeChart draws the chart onto Batik's
 * {@link SVGGraphics2D}, which records the drawing as SVG elements.
 *
 * <ul>
 *   <li>{@code LINES}/{@code SCATTER}: one path per line (JFreeChart's draw-as-path mode), one circle per
 *       point; a curve with {@code lower}/{@code upper} gets a translucent band (JFreeChart's
 *       {@code DeviationRenderer}); {@code DASHED} curves are dashed (predicted rates).</li>
 *   <li>{@code HISTOGRAM}: all curves binned over one common range, translucent overlaid bars.</li>
 *   <li>{@code HEATMAP}: one rectangle per finite grid node (viridis colours) with a colour legend on the right
 *       and, when asked for, contour lines computed by {@link MarchingSquares} (JFreeChart has none).</li>
 *   <li>Logarithmic axes are base 10 ({@code LogAxis}). Points that cannot be drawn (NaN, ±∞, values ≤ 0 on a
 *       log axis) are left out and each kind is counted in {@link RenderedFigure#notes()}; nothing throws for
 *       bad data, and a figure with no drawable data shows "no data to draw".</li>
 * </ul>
 *
 * <p>Output is deterministic (the same figure gives the same bytes): element ids are a per-figure counter
 * prefixed by the figure id, and no comment, timestamp or font is embedded. Text stays text (not glyph
 * outlines) in the generic {@code sans-serif} family, so it is searchable and small. Coordinates carry two
 * decimals. Cost: linear in the number of points and grid nodes; a 100 × 100 heat map is about 1 MB of SVG.
 * Thread-safe (no shared state).
 */
public final class SvgRenderer {
    /** Default width of a figure in CSS pixels. */
    public static final int WIDTH = 720;
    /** Default height of a figure in CSS pixels. */
    public static final int HEIGHT = 420;
    private static final String SVG_NS = "http://www.w3.org/2000/svg";

    static {
        // rotated labels (the y-axis title) as rotated <text>, not as glyph outlines via TextLayout
        TextUtils.setUseDrawRotatedStringWorkaround(false);
    }

    private SvgRenderer() {
    }

    /** {@code f} at the default size {@value #WIDTH} × {@value #HEIGHT}. */
    public static RenderedFigure render(Figure f) {
        return render(f, WIDTH, HEIGHT);
    }

    /**
     * {@code f} as one {@code <svg>} element of the given size (it scales down with the page: it has a
     * {@code viewBox}).
     *
     * @throws IllegalArgumentException when a curve's arrays or the heat-map grid have inconsistent lengths
     */
    public static RenderedFigure render(Figure f, int width, int height) {
        List<String> notes = new ArrayList<>();
        JFreeChart chart = Charts.build(f, notes);
        Document doc = GenericDOMImplementation.getDOMImplementation().createDocument(SVG_NS, "svg", null);
        SVGGeneratorContext ctx = SVGGeneratorContext.createDefault(doc);
        ctx.setIDGenerator(new PrefixedIds(f.id()));
        ctx.setComment(null);
        ctx.setEmbeddedFontsOn(false);
        ctx.setPrecision(2);
        SVGGraphics2D g = new SVGGraphics2D(ctx, false);
        g.setSVGCanvasSize(new Dimension(width, height));
        chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
        Element root = g.getRoot();
        root.setAttribute("viewBox", "0 0 " + width + " " + height);
        root.setAttribute("role", "img");
        root.setAttribute("aria-label", f.title() == null ? f.id() : f.title());
        StringWriter out = new StringWriter();
        try {
            g.stream(root, out, true, true);
        } catch (SVGGraphics2DIOException e) {
            throw new IllegalStateException("cannot write SVG for figure " + f.id(), e);
        }
        return new RenderedFigure(stripProlog(out.toString()), notes);
    }

    /** Drops an XML declaration or DOCTYPE before the {@code <svg>} element, which inline HTML must not have. */
    private static String stripProlog(String s) {
        int at = s.indexOf("<svg");
        return (at < 0 ? s : s.substring(at)).strip();
    }

    /** Ids unique on a page: the figure id, then Batik's prefix and a counter. */
    private static final class PrefixedIds extends SVGIDGenerator {
        private final String prefix;

        PrefixedIds(String figureId) {
            this.prefix = figureId + "-";
        }

        @Override
        public String generateID(String kind) {
            return super.generateID(prefix + kind);
        }
    }
}
