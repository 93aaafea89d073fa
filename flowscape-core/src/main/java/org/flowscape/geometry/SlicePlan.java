package org.flowscape.geometry;

import java.util.List;
import java.util.Locale;
import org.flowscape.objective.Objective;

/**
 * What slice to compute, as the {@code landscape} command and study analysis spell it, and the computation itself.
 *
 * <p>Axes: for {@code random} and {@code hessian} directions both axes run over [−range, range] with {@code grid}
 * points (the middle one exactly 0 for odd grids). For {@code points} the axes cover the three points' plane
 * coordinates with a margin of {@code range} times their larger extent on every side (default
 * {@link #DEFAULT_POINTS_MARGIN}).
 *
 * @param dimension   1 or 2
 * @param directions  {@code random}, {@code hessian} or {@code points}
 * @param grid        points per axis, ≥ 2
 * @param range       half-width of the axes, or the margin for {@code points}; NaN for the default
 * @param eigenvalues whether to compute the smallest and largest Hessian eigenvalue at every node
 * @param seed        seed of the random directions (and of Lanczos start vectors)
 * @param points      for {@code points}: the three points A, B, C (each length P); else empty
 */
public record SlicePlan(int dimension, String directions, int grid, double range, boolean eigenvalues, long seed,
        List<double[]> points) {
    /** The default half-width of the axes for random and Hessian directions. */
    public static final double DEFAULT_RANGE = 1.0;
    /** The default margin around the three points, as a fraction of their extent in the plane. */
    public static final double DEFAULT_POINTS_MARGIN = 0.25;
    /** The accepted direction kinds, for messages. */
    public static final String KINDS = "random, hessian, points:A,B,C";

    public SlicePlan {
        directions = directions.toLowerCase(Locale.ROOT);
        points = List.copyOf(points);
        if (dimension != 1 && dimension != 2) {
            throw new IllegalArgumentException("a slice is 1d or 2d, got " + dimension + "d");
        }
        if (grid < 2) {
            throw new IllegalArgumentException("the grid needs at least 2 points per axis, got " + grid);
        }
        if (!Double.isNaN(range) && !(range > 0 && Double.isFinite(range))) {
            throw new IllegalArgumentException("the range must be a positive number, got " + range);
        }
        switch (directions) {
            case "random", "hessian" -> {
            }
            case "points" -> {
                if (points.size() != 3 || dimension != 2) {
                    throw new IllegalArgumentException("points directions need exactly three points and a 2d slice "
                            + "(got " + points.size() + " points, " + dimension + "d); for the line between two "
                            + "points use 'flowscape path'");
                }
            }
            default -> throw new IllegalArgumentException("unknown directions '" + directions + "'; use one of "
                    + KINDS);
        }
    }

    /** The range in effect: {@link #range} or its default for the direction kind. */
    public double effectiveRange() {
        if (!Double.isNaN(range)) {
            return range;
        }
        return directions.equals("points") ? DEFAULT_POINTS_MARGIN : DEFAULT_RANGE;
    }

    /**
     * Computes the slice around θ (length P, read only; ignored for {@code points}, whose origin is A). Cost: see
     * {@link SliceDirections} and {@link Slices#evaluate}.
     */
    public Slice run(Objective objective, double[] theta) {
        SliceDirections dirs = switch (directions) {
            case "random" -> SliceDirections.random(objective, theta, dimension, seed);
            case "hessian" -> SliceDirections.hessian(objective, theta, dimension, seed);
            default -> SliceDirections.throughPoints(points.get(0), points.get(1), points.get(2));
        };
        double r = effectiveRange();
        if (!directions.equals("points")) {
            double[] axis = Slices.axis(-r, r, grid);
            return Slices.evaluate(objective, dirs, axis, axis, eigenvalues, seed);
        }
        double[][] anchors = dirs.anchors();
        double[] lo = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        double[] hi = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (double[] ab : anchors) {
            for (int c = 0; c < 2; c++) {
                lo[c] = Math.min(lo[c], ab[c]);
                hi[c] = Math.max(hi[c], ab[c]);
            }
        }
        double margin = r * Math.max(hi[0] - lo[0], hi[1] - lo[1]);
        return Slices.evaluate(objective, dirs, Slices.axis(lo[0] - margin, hi[0] + margin, grid),
                Slices.axis(lo[1] - margin, hi[1] + margin, grid), eigenvalues, seed);
    }
}
