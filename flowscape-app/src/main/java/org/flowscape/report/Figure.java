package org.flowscape.report;

import java.util.List;
import java.util.Objects;

/**
 * A plot as plain data: what the study report and {@code reproduce} hand to the renderer. The renderer
 * ({@code org.flowscape.report}) turns it into inline SVG; nothing here knows how.
 *
 * <p>Kinds: {@link Kind#LINES} and {@link Kind#SCATTER} draw each {@link Curve} (with its band when it has
 * one); {@link Kind#HISTOGRAM} bins each curve's {@code y} values ({@code x} ignored) into {@code bins}
 * bins, overlaid; {@link Kind#HEATMAP} draws {@link #heatMap} with curves (e.g. a projected trajectory)
 * on top.
 *
 * @param id an identifier unique within the report, used as the HTML anchor (letters, digits, '-')
 * @param title the plot's title
 * @param xLabel x-axis label with units or convention, e.g. {@code "time t (flow units)"}
 * @param yLabel y-axis label
 * @param xScale linear or logarithmic x axis
 * @param yScale linear or logarithmic y axis
 * @param kind how curves are drawn
 * @param curves the curves, in legend order
 * @param heatMap the grid for {@link Kind#HEATMAP}, else null
 * @param bins the bin count for {@link Kind#HISTOGRAM}, else 0
 * @param caption one or two sentences under the plot: what is shown and the conventions
 */
public record Figure(String id, String title, String xLabel, String yLabel, Scale xScale, Scale yScale, Kind kind,
                     List<Curve> curves, HeatMap heatMap, int bins, String caption) {
    public Figure {
        Objects.requireNonNull(id, "id");
        curves = List.copyOf(curves);
        if (kind == Kind.HEATMAP) {
            Objects.requireNonNull(heatMap, "heatMap for a HEATMAP figure");
        }
    }

    /** Axis scale. */
    public enum Scale { LINEAR, LOG }

    /** How the curves are drawn. */
    public enum Kind { LINES, SCATTER, HISTOGRAM, HEATMAP }

    /**
     * One named data set of a figure.
     *
     * @param name legend entry
     * @param x abscissae (ignored for histograms)
     * @param y ordinates, or the samples of a histogram; same length as {@code x} otherwise
     * @param lower lower edge of a confidence band, same length as {@code y}, or null for none
     * @param upper upper edge of the band, or null
     * @param style line, dashed line (e.g. a predicted rate), or points
     */
    public record Curve(String name, double[] x, double[] y, double[] lower, double[] upper, Style style) {
        /** A plain line. */
        public static Curve line(String name, double[] x, double[] y) {
            return new Curve(name, x, y, null, null, Style.LINE);
        }
    }

    /** How a curve is drawn. */
    public enum Style { LINE, DASHED, POINTS }

    /**
     * Values on a grid: {@code z[i][j]} at ({@code x[i]}, {@code y[j]}).
     *
     * @param x grid abscissae, increasing
     * @param y grid ordinates, increasing
     * @param z values, {@code x.length × y.length}
     * @param zLabel what the colour means, with units
     * @param contours whether to draw contour lines over the colours
     */
    public record HeatMap(double[] x, double[] y, double[][] z, String zLabel, boolean contours) {
    }
}
