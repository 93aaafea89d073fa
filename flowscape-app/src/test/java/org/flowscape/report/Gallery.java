package org.flowscape.report;

import java.util.List;
import org.flowscape.report.Figure.Curve;
import org.flowscape.report.Figure.HeatMap;
import org.flowscape.report.Figure.Kind;
import org.flowscape.report.Figure.Scale;
import org.flowscape.report.Figure.Style;

/** Planted figures of every kind, shared by the renderer, page and browser tests. */
final class Gallery {
    private Gallery() {
    }

    static double[] range(int n, double from, double step) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = from + i * step;
        }
        return x;
    }

    /** Three exponentially decaying curves on a log y axis (first point y = 0, dropped), one dashed. */
    static Figure lines() {
        double[] t = range(50, 0, 0.2);
        double[][] y = new double[3][50];
        for (int i = 0; i < 50; i++) {
            y[0][i] = Math.exp(-t[i]);
            y[1][i] = 0.5 * Math.exp(-2 * t[i]);
            y[2][i] = Math.exp(-0.5 * t[i]);
        }
        y[0][0] = 0;
        return new Figure("lines", "Loss decay", "time t", "loss L(t) \u2212 L*", Scale.LINEAR, Scale.LOG,
                Kind.LINES, List.of(Curve.line("rate 1", t, y[0]), Curve.line("rate 2", t, y[1]),
                        new Curve("predicted rate 0.5", t, y[2], null, null, Style.DASHED)),
                null, 0, "Planted exponentials.");
    }

    /** A probability curve with a band, on a log x axis. */
    static Figure band() {
        double[] w = {2, 4, 8, 16, 32, 64};
        double[] p = {0.1, 0.3, 0.55, 0.8, 0.93, 0.99};
        double[] lo = new double[6];
        double[] hi = new double[6];
        for (int i = 0; i < 6; i++) {
            lo[i] = Math.max(0, p[i] - 0.08);
            hi[i] = Math.min(1, p[i] + 0.08);
        }
        return new Figure("band", "Basin probability", "width k", "P[Bas \u2264 \u03b1]", Scale.LOG, Scale.LINEAR,
                Kind.LINES, List.of(new Curve("data A", w, p, lo, hi, Style.LINE)), null, 0, "Planted band.");
    }

    static Figure histogram() {
        double[] a = new double[400];
        double[] b = new double[300];
        for (int i = 0; i < a.length; i++) {
            a[i] = Math.sin(i * 0.37) + 0.002 * i;
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = 1.5 + Math.cos(i * 0.11);
        }
        return new Figure("hist", "Eigenvalues", "eigenvalue \u03bb", "count", Scale.LINEAR, Scale.LINEAR,
                Kind.HISTOGRAM, List.of(Curve.line("start", new double[0], a), Curve.line("end", new double[0], b)),
                null, 20, "Two histograms.");
    }

    /** A 21 × 17 quadratic bowl with a saddle, contours on, and a dotted trajectory on top. */
    static Figure heat() {
        double[] x = range(21, -1, 0.1);
        double[] y = range(17, -0.8, 0.1);
        double[][] z = new double[21][17];
        for (int i = 0; i < 21; i++) {
            for (int j = 0; j < 17; j++) {
                z[i][j] = x[i] * x[i] - 0.5 * y[j] * y[j] + 0.3 * x[i] * y[j];
            }
        }
        double[] px = {-0.9, -0.5, -0.2, 0.0, 0.1};
        double[] py = {0.7, 0.4, 0.2, 0.1, 0.05};
        return new Figure("heat", "Loss slice", "\u03b1 (direction 1)", "\u03b2 (direction 2)", Scale.LINEAR,
                Scale.LINEAR, Kind.HEATMAP, List.of(new Curve("trajectory", px, py, null, null, Style.POINTS)),
                new HeatMap(x, y, z, "loss L", true), 0, "A saddle.");
    }

    static Figure scatter() {
        double[] x = {0, 0, 1, 1, 2, 3};
        double[] y = {0.01, 0.02, 0.3, 0.35, 0.5, 0.9};
        return new Figure("scatter", "Critical points", "Morse index", "loss", Scale.LINEAR, Scale.LINEAR,
                Kind.SCATTER, List.of(Curve.line("certified", x, y)), null, 0, "Census.");
    }

    static List<Figure> all() {
        return List.of(lines(), band(), histogram(), heat(), scatter());
    }
}
