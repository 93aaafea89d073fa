package org.flowscape.report;

import java.awt.Color;
import java.util.List;
import org.flowscape.report.Figure.HeatMap;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Heat-map layers: one coloured block per finite grid node (JFreeChart's {@link XYBlockRenderer} with the
 * {@link ViridisScale}), a colour legend, and optionally contour lines from {@link MarchingSquares} drawn as one
 * series whose segments are separated by NaN breaks. Blocks are centred on the nodes and sized by the mean
 * grid spacing, so a non-uniform grid is drawn approximately.
 */
final class HeatMaps {
    /** Contour levels drawn when a heat map asks for contours. */
    static final int CONTOUR_LEVELS = 8;

    private HeatMaps() {
    }

    /**
     * What a heat map added to a plot.
     *
     * @param drawable whether any cell was drawn
     * @param legend the colour legend for the chart, or null when nothing was drawn
     */
    record Layer(boolean drawable, PaintScaleLegend legend) {
    }

    /** Adds the heat map (dataset 0) and its contours (dataset 1, when asked for) to {@code plot}. */
    static Layer add(XYPlot plot, HeatMap h, List<String> notes) {
        int nx = h.x().length;
        int ny = h.y().length;
        if (h.z().length != nx || nx > 0 && h.z()[0].length != ny) {
            throw new IllegalArgumentException("heat map: z must be x.length \u00d7 y.length (" + nx + " \u00d7 " + ny
                    + "); give a matching grid");
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        int n = 0;
        double[][] xyz = new double[3][nx * ny];
        for (int i = 0; i < nx; i++) {
            for (int j = 0; j < ny; j++) {
                double v = h.z()[i][j];
                if (Double.isFinite(v) && Double.isFinite(h.x()[i]) && Double.isFinite(h.y()[j])) {
                    xyz[0][n] = h.x()[i];
                    xyz[1][n] = h.y()[j];
                    xyz[2][n++] = v;
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (n < nx * ny) {
            notes.add((nx * ny - n) + " grid node(s) with NaN or infinite values left blank.");
        }
        if (n == 0) {
            return new Layer(false, null);
        }
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries(h.zLabel(), new double[][] {java.util.Arrays.copyOf(xyz[0], n),
            java.util.Arrays.copyOf(xyz[1], n), java.util.Arrays.copyOf(xyz[2], n)});
        ViridisScale scale = new ViridisScale(lo, hi);
        XYBlockRenderer r = new FillBlockRenderer();
        r.setPaintScale(scale);
        r.setBlockWidth(spacing(h.x()));
        r.setBlockHeight(spacing(h.y()));
        r.setBlockAnchor(RectangleAnchor.CENTER);
        r.setSeriesVisibleInLegend(0, false);
        plot.setDataset(0, data);
        plot.setRenderer(0, r);
        if (h.contours() && hi > lo) {
            addContours(plot, h, lo, hi);
        }
        return new Layer(true, legend(scale, h.zLabel()));
    }

    private static void addContours(XYPlot plot, HeatMap h, double lo, double hi) {
        double[] levels = MarchingSquares.levels(lo, hi, CONTOUR_LEVELS);
        XYSeries s = new XYSeries("contours: " + CONTOUR_LEVELS + " levels, spacing "
                + Numbers.sig(levels[1] - levels[0], 3), false, true);
        for (double level : levels) {
            for (double[] seg : MarchingSquares.segments(h.x(), h.y(), h.z(), level)) {
                s.add(seg[0], seg[1]);
                s.add(seg[2], seg[3]);
                s.add(seg[2], Double.NaN);
            }
        }
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        r.setDrawSeriesLineAsPath(true);
        r.setSeriesPaint(0, Palette.CONTOUR);
        r.setSeriesStroke(0, Palette.THIN);
        r.setLegendTextFont(0, Palette.LEGEND);
        int index = Charts.nextIndex(plot);
        plot.setDataset(index, new XYSeriesCollection(s));
        plot.setRenderer(index, r);
    }

    private static PaintScaleLegend legend(ViridisScale scale, String label) {
        NumberAxis axis = new NumberAxis(label);
        axis.setLabelFont(Palette.LABEL);
        axis.setTickLabelFont(Palette.TICK);
        axis.setRange(scale.getLowerBound(), scale.getUpperBound());
        PaintScaleLegend legend = new PaintScaleLegend(scale, axis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
        legend.setStripWidth(12);
        legend.setSubdivisionCount(48);
        legend.setMargin(new RectangleInsets(8, 8, 8, 4));
        legend.setBackgroundPaint(Color.WHITE);
        return legend;
    }

    /** The mean spacing of increasing {@code v}, or 1 for a single node. */
    private static double spacing(double[] v) {
        return v.length < 2 ? 1 : (v[v.length - 1] - v[0]) / (v.length - 1);
    }
}
