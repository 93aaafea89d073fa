package org.flowscape.report;

import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.List;
import org.flowscape.report.Figure.Curve;
import org.flowscape.report.Figure.Kind;
import org.flowscape.report.Figure.Scale;
import org.flowscape.report.Figure.Style;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.Title;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Builds the JFreeChart for a {@link Figure}: one dataset and renderer per curve (so each curve has its own
 * style and colour), drawn in legend order over the heat map or histogram bars. Notes on left-out data are
 * added to the caller's list.
 */
final class Charts {
    private static final double POINT = 5;

    private Charts() {
    }

    /** The chart for {@code f}; what could not be drawn is worded into {@code notes}. */
    static JFreeChart build(Figure f, List<String> notes) {
        XYPlot plot = new XYPlot();
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        plot.setNoDataMessage("no data to draw");
        plot.setNoDataMessageFont(Palette.LABEL);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Palette.GRID);
        plot.setRangeGridlinePaint(Palette.GRID);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        Title scaleLegend = null;
        boolean drawable;
        if (f.kind() == Kind.HISTOGRAM) {
            drawable = Histograms.add(plot, f, notes);
        } else {
            boolean heat = f.kind() == Kind.HEATMAP;
            Scale xs = heat ? Scale.LINEAR : f.xScale();
            Scale ys = heat ? Scale.LINEAR : f.yScale();
            if (heat && (f.xScale() == Scale.LOG || f.yScale() == Scale.LOG)) {
                notes.add("Heat maps are drawn on linear axes; the logarithmic scale asked for was not applied.");
            }
            HeatMaps.Layer layer = heat ? HeatMaps.add(plot, f.heatMap(), notes) : null;
            drawable = layer != null && layer.drawable();
            scaleLegend = layer == null ? null : layer.legend();
            drawable |= addCurves(plot, f, xs, ys, notes);
            plot.setDomainAxis(axis(f.xLabel(), drawable ? xs : Scale.LINEAR, false, allIntegers(f, true)));
            plot.setRangeAxis(axis(f.yLabel(), drawable ? ys : Scale.LINEAR, false, allIntegers(f, false)));
        }
        if (!drawable) {
            notes.add("The figure has no drawable data.");
        }
        JFreeChart chart = new JFreeChart(null, Palette.LABEL, plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        if (plot.getLegendItems().getItemCount() > 0) {
            LegendTitle legend = new LegendTitle(plot);
            legend.setItemFont(Palette.LEGEND);
            legend.setPosition(RectangleEdge.BOTTOM);
            legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
            chart.addSubtitle(legend);
        }
        if (scaleLegend != null) {
            chart.addSubtitle(scaleLegend);
        }
        return chart;
    }

    /**
     * A linear or logarithmic axis with the report's fonts. A logarithmic axis labels whole decades only;
     * {@code histogramCounts} floors it at 0.5 so that empty bins have no bar. {@code integerTicks} puts a linear
     * axis's ticks on integers (e.g. Morse indices).
     */
    static ValueAxis axis(String label, Scale scale, boolean histogramCounts, boolean integerTicks) {
        ValueAxis a;
        if (scale == Scale.LOG) {
            LogAxis log = new DecadeAxis(label);
            log.setSmallestValue(histogramCounts ? 0.5 : Double.MIN_NORMAL);
            log.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
            log.setMinorTickMarksVisible(true);
            a = log;
        } else {
            NumberAxis n = new NumberAxis(label);
            n.setAutoRangeIncludesZero(false);
            n.setAutoRangeStickyZero(false);
            if (integerTicks) {
                n.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
            }
            a = n;
        }
        a.setLabelFont(Palette.LABEL);
        a.setTickLabelFont(Palette.TICK);
        return a;
    }

    private static boolean addCurves(XYPlot plot, Figure f, Scale xs, Scale ys, List<String> notes) {
        boolean any = false;
        List<Curve> curves = f.curves();
        for (int i = 0; i < curves.size(); i++) {
            Curve c = curves.get(i);
            CleanCurve clean = CleanCurve.of(c, xs, ys, notes);
            any |= clean.size() > 0;
            boolean points = c.style() == Style.POINTS || f.kind() == Kind.SCATTER && c.style() == Style.LINE;
            int index = Charts.nextIndex(plot);
            Color colour = Palette.curve(i);
            XYLineAndShapeRenderer r;
            if (clean.hasBand()) {
                YIntervalSeries s = new YIntervalSeries(c.name(), false, true);
                for (int k = 0; k < clean.size(); k++) {
                    s.add(clean.x()[k], clean.y()[k], clean.lower()[k], clean.upper()[k]);
                }
                YIntervalSeriesCollection data = new YIntervalSeriesCollection();
                data.addSeries(s);
                plot.setDataset(index, data);
                DeviationRenderer d = new DeviationRenderer(!points, points);
                d.setAlpha(0.22f);
                d.setSeriesFillPaint(0, colour);
                r = d;
            } else {
                XYSeries s = new XYSeries(c.name(), false, true);
                for (int k = 0; k < clean.size(); k++) {
                    s.add(clean.x()[k], clean.y()[k]);
                }
                plot.setDataset(index, new XYSeriesCollection(s));
                r = new XYLineAndShapeRenderer(!points, points);
                r.setDrawSeriesLineAsPath(true);
            }
            style(r, colour, c.style());
            plot.setRenderer(index, r);
        }
        return any;
    }

    /** Whether every finite x (or y) of the curves is an integer, so that fractional ticks would mislead. */
    private static boolean allIntegers(Figure f, boolean x) {
        if (f.kind() == Kind.HEATMAP || f.curves().isEmpty()) {
            return false;
        }
        for (Curve c : f.curves()) {
            for (double v : x ? c.x() : c.y()) {
                if (Double.isFinite(v) && v != Math.rint(v)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The first dataset index of {@code plot} not yet used. */
    static int nextIndex(XYPlot plot) {
        int i = 0;
        while (plot.getDataset(i) != null) {
            i++;
        }
        return i;
    }

    /** Colour, stroke and point shape of series 0 of {@code r}. */
    static void style(XYLineAndShapeRenderer r, Color colour, Style style) {
        r.setSeriesPaint(0, colour);
        r.setSeriesStroke(0, style == Style.DASHED ? Palette.DASHED : Palette.LINE);
        r.setSeriesShape(0, new Ellipse2D.Double(-POINT / 2, -POINT / 2, POINT, POINT));
        r.setLegendTextFont(0, Palette.LEGEND);
    }
}
