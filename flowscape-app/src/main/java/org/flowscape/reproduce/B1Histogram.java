package org.flowscape.reproduce;

import java.util.List;
import org.flowscape.report.Figure;

/**
 * B1's histogram as step curves on a line plot, so that thresholds can be drawn as dashed vertical lines over it (the
 * renderer's histogram kind bins but draws no lines). Bins are half-decades of log10(λ_min/λ_max) from −18 to 0.
 */
final class B1Histogram {
    /** Left edge, right edge and width of the bins (log10 units). */
    static final double LOW = -18;
    static final double HIGH = 0;
    static final double WIDTH = 0.5;

    private B1Histogram() {
    }

    /** The counts of {@code values} per bin as a step outline (x: bin edges, twice each). */
    static Figure.Curve steps(String name, List<Double> values) {
        int bins = (int) Math.round((HIGH - LOW) / WIDTH);
        int[] count = new int[bins];
        for (double v : values) {
            int b = (int) Math.floor((Math.min(Math.max(v, LOW), HIGH - 1e-9) - LOW) / WIDTH);
            count[b]++;
        }
        double[] x = new double[2 * bins];
        double[] y = new double[2 * bins];
        for (int b = 0; b < bins; b++) {
            x[2 * b] = LOW + b * WIDTH;
            x[2 * b + 1] = LOW + (b + 1) * WIDTH;
            y[2 * b] = count[b];
            y[2 * b + 1] = count[b];
        }
        return Figure.Curve.line(name, x, y);
    }

    /** A dashed vertical line at {@code x} from 0 to {@code top}. */
    static Figure.Curve threshold(String name, double x, double top) {
        return new Figure.Curve(name, new double[] {x, x}, new double[] {0, top}, null, null, Figure.Style.DASHED);
    }
}
