package org.flowscape.geometry;

/**
 * The loss on a 1-D or 2-D grid of a slice: {@code loss[i][j]} is L(origin + x[i]·d1 + y[j]·d2). A 1-D slice has
 * {@code y = {0}} and one column.
 *
 * @param directions       the origin and directions (with how they were made)
 * @param x                grid coordinates along d1, ascending
 * @param y                grid coordinates along d2, ascending ({@code {0}} for a 1-D slice)
 * @param loss             L at each node, x.length × y.length
 * @param minEigenvalue    the smallest Hessian eigenvalue at each node, or null when not asked for
 * @param maxEigenvalue    the largest Hessian eigenvalue at each node, or null when not asked for
 * @param curvatureMethod  how the eigenvalues were computed (empty when not asked for)
 */
public record Slice(SliceDirections directions, double[] x, double[] y, double[][] loss, double[][] minEigenvalue,
        double[][] maxEigenvalue, String curvatureMethod) {
    public Slice {
        x = x.clone();
        y = y.clone();
        loss = SliceDirections.deepCopy(loss);
        minEigenvalue = minEigenvalue == null ? null : SliceDirections.deepCopy(minEigenvalue);
        maxEigenvalue = maxEigenvalue == null ? null : SliceDirections.deepCopy(maxEigenvalue);
    }

    /** 1 or 2. */
    public int dimension() {
        return directions.count();
    }

    /** The smallest loss on the grid. */
    public double minLoss() {
        double m = Double.POSITIVE_INFINITY;
        for (double[] row : loss) {
            for (double v : row) {
                m = Math.min(m, v);
            }
        }
        return m;
    }

    /** The loss at the grid node closest to the origin (the origin itself when the grid contains 0). */
    public double originLoss() {
        return loss[nearestZero(x)][nearestZero(y)];
    }

    private static int nearestZero(double[] axis) {
        int best = 0;
        for (int i = 1; i < axis.length; i++) {
            if (Math.abs(axis[i]) < Math.abs(axis[best])) {
                best = i;
            }
        }
        return best;
    }
}
