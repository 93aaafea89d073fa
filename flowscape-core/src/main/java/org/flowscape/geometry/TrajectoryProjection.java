package org.flowscape.geometry;

import java.util.List;
import org.flowscape.internal.Checks;
import org.flowscape.objective.Objective;

/**
 * A trajectory (flow or descent iterates) overlaid on a slice: each θ_t is projected orthogonally onto the slice's
 * affine plane (least-squares coordinates, {@link PlaneBasis}), and the loss at the projected point is compared with
 * the true loss at θ_t, so a plot can show how faithful the overlay is.
 *
 * @param coordinates     the plane coordinates (a, b) of each point (one entry per direction), as rows
 * @param projectionError ‖θ_t − projection‖₂ for each point (0 for points in the plane, up to round-off)
 * @param projectedLoss   L at the projected point
 * @param trueLoss        L(θ_t)
 */
public record TrajectoryProjection(double[][] coordinates, double[] projectionError, double[] projectedLoss,
        double[] trueLoss) {
    public TrajectoryProjection {
        coordinates = SliceDirections.deepCopy(coordinates);
        projectionError = projectionError.clone();
        projectedLoss = projectedLoss.clone();
        trueLoss = trueLoss.clone();
    }

    /**
     * Projects every point of {@code trajectory} (each length P, read only) onto the plane of {@code dirs}. Cost: two
     * forward passes and O(P) per point.
     *
     * @throws IllegalArgumentException when the slice's directions are linearly dependent
     */
    public static TrajectoryProjection of(Objective objective, SliceDirections dirs, List<double[]> trajectory) {
        PlaneBasis basis = PlaneBasis.of(dirs.origin(), dirs.directions());
        int n = trajectory.size();
        double[][] coords = new double[n][];
        double[] err = new double[n];
        double[] projected = new double[n];
        double[] truth = new double[n];
        for (int t = 0; t < n; t++) {
            double[] theta = trajectory.get(t);
            Checks.dimension("trajectory point " + t, objective.dim(), theta.length);
            coords[t] = basis.coordinates(theta);
            double[] p = basis.point(coords[t]);
            double s = 0;
            for (int i = 0; i < p.length; i++) {
                double d = theta[i] - p[i];
                s += d * d;
            }
            err[t] = Math.sqrt(s);
            projected[t] = objective.value(p);
            truth[t] = objective.value(theta);
        }
        return new TrajectoryProjection(coords, err, projected, truth);
    }

    /** The largest projection error. */
    public double maxProjectionError() {
        double m = 0;
        for (double e : projectionError) {
            m = Math.max(m, e);
        }
        return m;
    }
}
