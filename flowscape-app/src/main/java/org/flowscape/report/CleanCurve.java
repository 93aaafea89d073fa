package org.flowscape.report;

import java.util.ArrayList;
import java.util.List;
import org.flowscape.report.Figure.Curve;
import org.flowscape.report.Figure.Scale;

/**
 * A curve's points that can be drawn: finite, and positive on a logarithmic axis (band edges included). The
 * points left out are counted and worded as notes for the caption, so nothing is dropped silently.
 *
 * @param x kept abscissae
 * @param y kept ordinates
 * @param lower kept lower band edges, or null when the curve has no band
 * @param upper kept upper band edges, or null
 */
record CleanCurve(double[] x, double[] y, double[] lower, double[] upper) {
    /** Whether the curve has a confidence band. */
    boolean hasBand() {
        return lower != null;
    }

    int size() {
        return y.length;
    }

    /**
     * Keeps the points of {@code c} that can be drawn on the given axes and adds a note to {@code notes} for
     * each kind of point left out. Cost O(n).
     *
     * @throws IllegalArgumentException when x, y or the band have different lengths
     */
    static CleanCurve of(Curve c, Scale xs, Scale ys, List<String> notes) {
        int n = c.y().length;
        boolean band = c.lower() != null && c.upper() != null;
        if (c.x().length != n || band && (c.lower().length != n || c.upper().length != n)) {
            throw new IllegalArgumentException("curve '" + c.name() + "': x, y and band lengths differ ("
                    + c.x().length + ", " + n + "); give equal lengths");
        }
        List<Integer> keep = new ArrayList<>(n);
        int nonFinite = 0;
        int nonPositive = 0;
        for (int i = 0; i < n; i++) {
            double[] v = band ? new double[] {c.x()[i], c.y()[i], c.lower()[i], c.upper()[i]}
                    : new double[] {c.x()[i], c.y()[i]};
            if (!allFinite(v)) {
                nonFinite++;
            } else if (xs == Scale.LOG && v[0] <= 0 || ys == Scale.LOG && !allPositive(v, 1)) {
                nonPositive++;
            } else {
                keep.add(i);
            }
        }
        if (nonFinite > 0) {
            notes.add("'" + c.name() + "': " + nonFinite + " point(s) with NaN or infinite values not drawn.");
        }
        if (nonPositive > 0) {
            notes.add("'" + c.name() + "': " + nonPositive + " point(s) with values \u2264 0 not drawn on the "
                    + "logarithmic axis.");
        }
        return new CleanCurve(pick(c.x(), keep), pick(c.y(), keep), band ? pick(c.lower(), keep) : null,
                band ? pick(c.upper(), keep) : null);
    }

    /**
     * The finite samples of a histogram curve ({@code y}), positive ones only when {@code log}; notes the rest.
     */
    static double[] samples(Curve c, boolean log, List<String> notes) {
        double[] y = c.y();
        int nonFinite = 0;
        int nonPositive = 0;
        double[] kept = new double[y.length];
        int k = 0;
        for (double v : y) {
            if (!Double.isFinite(v)) {
                nonFinite++;
            } else if (log && v <= 0) {
                nonPositive++;
            } else {
                kept[k++] = v;
            }
        }
        if (nonFinite > 0) {
            notes.add("'" + c.name() + "': " + nonFinite + " NaN or infinite sample(s) not counted.");
        }
        if (nonPositive > 0) {
            notes.add("'" + c.name() + "': " + nonPositive + " sample(s) \u2264 0 not counted on the logarithmic axis.");
        }
        return java.util.Arrays.copyOf(kept, k);
    }

    private static boolean allFinite(double[] v) {
        for (double d : v) {
            if (!Double.isFinite(d)) {
                return false;
            }
        }
        return true;
    }

    private static boolean allPositive(double[] v, int from) {
        for (int i = from; i < v.length; i++) {
            if (v[i] <= 0) {
                return false;
            }
        }
        return true;
    }

    private static double[] pick(double[] a, List<Integer> keep) {
        double[] out = new double[keep.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a[keep.get(i)];
        }
        return out;
    }
}
