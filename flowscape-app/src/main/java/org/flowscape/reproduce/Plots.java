package org.flowscape.reproduce;

/** Small helpers for building figure data. */
final class Plots {
    private Plots() {
    }

    /** A copy of {@code y} with every value below {@code floor} (or NaN) raised to it, for log axes. */
    static double[] floor(double[] y, double floor) {
        double[] out = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            out[i] = y[i] >= floor ? y[i] : floor;
        }
        return out;
    }

    /** n log-spaced values from a to b inclusive (a, b &gt; 0, n ≥ 2). */
    static double[] logspace(double a, double b, int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = a * Math.pow(b / a, i / (double) (n - 1));
        }
        return out;
    }

    /** n equally spaced values from a to b inclusive (n ≥ 2). */
    static double[] linspace(double a, double b, int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = a + (b - a) * i / (n - 1);
        }
        return out;
    }
}
