package org.flowscape.report;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.flowscape.report.Figure.Curve;
import org.flowscape.report.Figure.Scale;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.data.statistics.HistogramDataset;
import org.jfree.data.statistics.HistogramType;
import org.jfree.data.xy.IntervalXYDataset;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;

/**
 * Histogram layers: every curve's finite {@code y} samples binned over one common range, overlaid with
 * translucent bars. Linear x uses JFreeChart's {@link HistogramDataset}; a logarithmic x axis gets
 * logarithmically spaced bins (equal width on the axis), counted here since HistogramDataset bins linearly.
 */
final class Histograms {
    private static final int DEFAULT_BINS = 30;
    private static final int ALPHA = 140;

    private Histograms() {
    }

    /** Adds the bars of {@code f} and its axes to {@code plot}; false when there is no sample to count. */
    static boolean add(XYPlot plot, Figure f, List<String> notes) {
        boolean logX = f.xScale() == Scale.LOG;
        List<String> names = new ArrayList<>();
        List<double[]> samples = new ArrayList<>();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Curve c : f.curves()) {
            double[] s = CleanCurve.samples(c, logX, notes);
            names.add(c.name());
            samples.add(s);
            for (double v : s) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        boolean any = lo <= hi;
        plot.setDomainAxis(Charts.axis(f.xLabel(), any ? f.xScale() : Scale.LINEAR, false, false));
        plot.setRangeAxis(Charts.axis(f.yLabel(), any ? f.yScale() : Scale.LINEAR, true, true));
        if (!any) {
            return false;
        }
        if (hi == lo) {
            double pad = lo == 0 ? 0.5 : Math.abs(lo) * 0.05;
            lo = logX ? lo / 1.1 : lo - pad;
            hi = logX ? hi * 1.1 : hi + pad;
        }
        int bins = f.bins() > 0 ? f.bins() : DEFAULT_BINS;
        IntervalXYDataset data = logX ? logBins(names, samples, bins, lo, hi) : linearBins(names, samples, bins, lo, hi);
        plot.setDataset(0, data);
        XYBarRenderer r = new XYBarRenderer();
        r.setBarPainter(new StandardXYBarPainter());
        r.setShadowVisible(false);
        r.setDrawBarOutline(false);
        if (f.yScale() == Scale.LOG) {
            r.setBase(0.5);
        }
        int k = 0;
        for (int i = 0; i < samples.size(); i++) {
            if (samples.get(i).length > 0) {
                Color c = Palette.curve(i);
                r.setSeriesPaint(k, new Color(c.getRed(), c.getGreen(), c.getBlue(), ALPHA));
                r.setLegendTextFont(k++, Palette.LEGEND);
            }
        }
        plot.setRenderer(0, r);
        return true;
    }

    private static IntervalXYDataset linearBins(List<String> names, List<double[]> samples, int bins, double lo,
            double hi) {
        HistogramDataset d = new HistogramDataset();
        d.setType(HistogramType.FREQUENCY);
        for (int i = 0; i < names.size(); i++) {
            if (samples.get(i).length > 0) {
                d.addSeries(names.get(i), samples.get(i), bins, lo, hi);
            }
        }
        return d;
    }

    private static IntervalXYDataset logBins(List<String> names, List<double[]> samples, int bins, double lo,
            double hi) {
        double a = Math.log(lo);
        double w = (Math.log(hi) - a) / bins;
        XYIntervalSeriesCollection d = new XYIntervalSeriesCollection();
        for (int i = 0; i < names.size(); i++) {
            if (samples.get(i).length == 0) {
                continue;
            }
            int[] count = new int[bins];
            for (double v : samples.get(i)) {
                count[Math.min(bins - 1, Math.max(0, (int) ((Math.log(v) - a) / w)))]++;
            }
            XYIntervalSeries s = new XYIntervalSeries(names.get(i), false, true);
            for (int b = 0; b < bins; b++) {
                double x0 = Math.exp(a + b * w);
                double x1 = Math.exp(a + (b + 1) * w);
                s.add(Math.sqrt(x0 * x1), x0, x1, count[b], count[b], count[b]);
            }
            d.addSeries(s);
        }
        return d;
    }
}
