package org.flowscape.dynamics;

import java.util.Arrays;

/** A growable time series (t_i, x_i) recorded by a monitor; amortized O(1) append. */
public final class Series {
    private double[] times = new double[16];
    private double[] values = new double[16];
    private int size;

    /** Appends (t, x). */
    public void add(double t, double x) {
        if (size == times.length) {
            times = Arrays.copyOf(times, 2 * size);
            values = Arrays.copyOf(values, 2 * size);
        }
        times[size] = t;
        values[size++] = x;
    }

    /** The number of points. */
    public int size() {
        return size;
    }

    /** A copy of the times. */
    public double[] times() {
        return Arrays.copyOf(times, size);
    }

    /** A copy of the values. */
    public double[] values() {
        return Arrays.copyOf(values, size);
    }

    /** The last value (NaN when empty). */
    public double last() {
        return size == 0 ? Double.NaN : values[size - 1];
    }

    /** The smallest value (NaN when empty). */
    public double min() {
        double m = Double.NaN;
        for (int i = 0; i < size; i++) {
            m = i == 0 ? values[i] : Math.min(m, values[i]);
        }
        return m;
    }

    /** The largest value (NaN when empty). */
    public double max() {
        double m = Double.NaN;
        for (int i = 0; i < size; i++) {
            m = i == 0 ? values[i] : Math.max(m, values[i]);
        }
        return m;
    }
}
