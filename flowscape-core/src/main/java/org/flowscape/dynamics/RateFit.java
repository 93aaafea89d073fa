package org.flowscape.dynamics;

import java.util.Arrays;

/**
 * Robust estimation of a linear convergence rate from a loss curve (theory F.10): the slope of ln(L − L*) fitted by
 * Theil–Sen (median of pairwise slopes, robust to the wiggles of adaptive steps) over the last decades before the
 * round-off floor.
 *
 * <p>Window: points with L − L* above the floor, where floor = max({@value #FLOOR_ABOVE_MIN}·min(L − L*),
 * {@value #ROUNDOFF_ULPS} ulp(|L*|)) — one decade above the lowest level reached, so that the flat round-off tail
 * (or a stop at a loss target) does not bend the fit — truncated at the first point that reaches the floor, and
 * starting where L − L* is within {@code decades} decades of the window's last value (widened to at least
 * {@value #MIN_POINTS} points when adaptive steps are long).
 */
public final class RateFit {
    /** The floor sits this factor above the lowest excess observed. */
    public static final double FLOOR_ABOVE_MIN = 10;
    /** … and at least this many ulps of L* (round-off of L itself). */
    public static final double ROUNDOFF_ULPS = 64;
    /** The window is widened beyond {@code decades} until it holds at least this many points (coarse steps). */
    public static final int MIN_POINTS = 6;
    /** Pairwise slopes are computed on at most this many points (evenly subsampled). */
    public static final int MAX_POINTS = 300;

    private RateFit() {
    }

    /**
     * Fits the rate of L − L* over the last {@code decades} decades above the floor.
     *
     * @param times   increasing times (read only)
     * @param losses  L at those times (read only)
     * @param optimum L*
     * @param decades the window's extent in decades of L − L* (e.g. 3)
     */
    public static RateEstimate fit(double[] times, double[] losses, double optimum, double decades) {
        int n = times.length;
        double min = Double.POSITIVE_INFINITY;
        for (double l : losses) {
            double e = l - optimum;
            if (e > 0 && Double.isFinite(e)) {
                min = Math.min(min, e);
            }
        }
        double floor = Math.max(FLOOR_ABOVE_MIN * min, ROUNDOFF_ULPS * Math.ulp(Math.abs(optimum)));
        int last = -1;
        for (int i = 0; i < n; i++) {
            double e = losses[i] - optimum;
            if (!(e > floor)) {
                break;
            }
            last = i;
        }
        if (last < 2) {
            return new RateEstimate(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Math.max(last + 1, 0), 0, floor);
        }
        double top = (losses[last] - optimum) * Math.pow(10, decades);
        int first = last;
        while (first > 0 && losses[first - 1] - optimum > floor
                && (losses[first - 1] - optimum <= top || last - first + 1 < MIN_POINTS)) {
            first--;
        }
        return theilSen(times, losses, optimum, first, last, floor);
    }

    private static RateEstimate theilSen(double[] t, double[] l, double optimum, int first, int last, double floor) {
        int count = last - first + 1;
        int m = Math.min(count, MAX_POINTS);
        double[] x = new double[m];
        double[] y = new double[m];
        for (int j = 0; j < m; j++) {
            int i = first + (int) Math.round((double) j * (count - 1) / Math.max(m - 1, 1));
            x[j] = t[i];
            y[j] = Math.log(l[i] - optimum);
        }
        double[] slopes = new double[m * (m - 1) / 2];
        int s = 0;
        for (int a = 0; a < m; a++) {
            for (int b = a + 1; b < m; b++) {
                if (x[b] > x[a]) {
                    slopes[s++] = (y[b] - y[a]) / (x[b] - x[a]);
                }
            }
        }
        if (s == 0) {
            return new RateEstimate(Double.NaN, Double.NaN, t[first], t[last], count, 0, floor);
        }
        double slope = median(Arrays.copyOf(slopes, s));
        double[] offsets = new double[m];
        for (int j = 0; j < m; j++) {
            offsets[j] = y[j] - slope * x[j];
        }
        double span = (Math.log(l[first] - optimum) - Math.log(l[last] - optimum)) / Math.log(10);
        return new RateEstimate(-slope, median(offsets), t[first], t[last], count, span, floor);
    }

    private static double median(double[] v) {
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
    }
}
