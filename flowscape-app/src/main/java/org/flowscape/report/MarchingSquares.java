package org.flowscape.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Contour lines of a grid by marching squares. Written here because JFreeChart 1.5 draws heat maps
 * ({@code XYBlockRenderer}) but has no contour algorithm.
 *
 * <p>Each grid cell with four finite corners is classified by which corners lie at or above the level; the
 * level crosses an edge where its two corners differ, at the linearly interpolated point. The two ambiguous
 * (saddle) cells are resolved by the mean of the four corners. Cells with a NaN or infinite corner are
 * skipped, so a contour stops at missing data. Cost O(nx · ny) per level.
 */
final class MarchingSquares {
    private MarchingSquares() {
    }

    /**
     * The segments of the contour {@code z = level}.
     *
     * @param x grid abscissae, length nx (read only)
     * @param y grid ordinates, length ny (read only)
     * @param z values, {@code z[i][j]} at ({@code x[i]}, {@code y[j]}) (read only)
     * @param level the contour level
     * @return segments {@code {x0, y0, x1, y1}} in no particular order
     */
    static List<double[]> segments(double[] x, double[] y, double[][] z, double level) {
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i + 1 < x.length; i++) {
            for (int j = 0; j + 1 < y.length; j++) {
                cell(x, y, z, i, j, level, out);
            }
        }
        return out;
    }

    /** {@code count} levels evenly spaced strictly inside (lo, hi): lo + k (hi − lo)/(count + 1), k = 1..count. */
    static double[] levels(double lo, double hi, int count) {
        double[] l = new double[count];
        for (int k = 1; k <= count; k++) {
            l[k - 1] = lo + k * (hi - lo) / (count + 1);
        }
        return l;
    }

    private static void cell(double[] x, double[] y, double[][] z, int i, int j, double level, List<double[]> out) {
        double a = z[i][j];
        double b = z[i + 1][j];
        double c = z[i + 1][j + 1];
        double d = z[i][j + 1];
        if (!(Double.isFinite(a) && Double.isFinite(b) && Double.isFinite(c) && Double.isFinite(d))) {
            return;
        }
        int code = (a >= level ? 1 : 0) | (b >= level ? 2 : 0) | (c >= level ? 4 : 0) | (d >= level ? 8 : 0);
        if (code == 0 || code == 15) {
            return;
        }
        // crossing points on the edges bottom (a-b), right (b-c), top (d-c), left (a-d); null when not crossed
        double[] bottom = cross(x[i], y[j], a, x[i + 1], y[j], b, level);
        double[] right = cross(x[i + 1], y[j], b, x[i + 1], y[j + 1], c, level);
        double[] top = cross(x[i], y[j + 1], d, x[i + 1], y[j + 1], c, level);
        double[] left = cross(x[i], y[j], a, x[i], y[j + 1], d, level);
        if (code == 5 || code == 10) {
            boolean centreIn = (a + b + c + d) / 4 >= level;
            if (code == 5 == centreIn) {
                out.add(seg(bottom, right));
                out.add(seg(top, left));
            } else {
                out.add(seg(left, bottom));
                out.add(seg(right, top));
            }
            return;
        }
        double[][] found = new double[2][];
        int n = 0;
        for (double[] p : new double[][] {bottom, right, top, left}) {
            if (p != null) {
                found[n++] = p;
            }
        }
        out.add(seg(found[0], found[1]));
    }

    private static double[] cross(double x0, double y0, double v0, double x1, double y1, double v1, double level) {
        if (v0 >= level == v1 >= level) {
            return null;
        }
        double t = (level - v0) / (v1 - v0);
        return new double[] {x0 + t * (x1 - x0), y0 + t * (y1 - y0)};
    }

    private static double[] seg(double[] p, double[] q) {
        return new double[] {p[0], p[1], q[0], q[1]};
    }
}
