package org.flowscape.geometry;

import org.flowscape.analysis.DenseSpectrum;
import org.flowscape.analysis.Lanczos;
import org.flowscape.analysis.LanczosConfig;
import org.flowscape.analysis.LanczosResult;
import org.flowscape.internal.Checks;
import org.flowscape.linalg.SymmetricEigen;
import org.flowscape.objective.Objective;

/**
 * The origin and the one or two directions that span a slice: node (a, b) of a slice is origin + a·d1 + b·d2.
 *
 * @param kind        {@code random}, {@code hessian} or {@code points}
 * @param origin      the slice's origin θ0, length P (copied)
 * @param directions  one or two directions as rows, each length P (copied)
 * @param anchors     for {@code points}: the plane coordinates (a, b) of the three given points, as rows; else empty
 * @param eigenvalues for {@code hessian}: the eigenvalue of each direction; else empty
 * @param description how the directions were made (seed, normalization, eigensolver), recorded with results
 */
public record SliceDirections(String kind, double[] origin, double[][] directions, double[][] anchors,
        double[] eigenvalues, String description) {

    /** Largest P for which the Hessian's eigenvectors come from the dense Hessian rather than Lanczos. */
    public static final int DENSE_LIMIT = 600;

    public SliceDirections {
        origin = origin.clone();
        directions = deepCopy(directions);
        anchors = deepCopy(anchors);
        eigenvalues = eigenvalues.clone();
        if (directions.length < 1 || directions.length > 2) {
            throw new IllegalArgumentException("a slice needs one or two directions, got " + directions.length);
        }
        for (double[] d : directions) {
            Checks.dimension("direction", origin.length, d.length);
        }
    }

    /** The number of directions (1 or 2). */
    public int count() {
        return directions.length;
    }

    /**
     * {@code count} independent Gaussian directions, each filter-normalized with respect to θ (read only); direction i
     * comes from the stream (seed, "slice-direction", i). Cost O(count·P).
     */
    public static SliceDirections random(Objective objective, double[] theta, int count, long seed) {
        double[][] d = new double[count][];
        for (int i = 0; i < count; i++) {
            d[i] = FilterNormalization.randomDirection(theta, objective.layout(), seed, i);
        }
        return new SliceDirections("random", theta, d, new double[0][], new double[0],
                "Gaussian directions, filter-normalized per neuron (Li et al. 2018), seed " + seed);
    }

    /**
     * Unit Hessian eigenvectors at θ (read only): the top one for a 1-D slice, the top and the bottom one for a 2-D
     * slice. Dense eigensolver for P ≤ {@link #DENSE_LIMIT}, else Lanczos with full reorthogonalization (seed used for
     * its start vector). Cost: the dense Hessian and O(P³), or about 300 HVPs.
     */
    public static SliceDirections hessian(Objective objective, double[] theta, int count, long seed) {
        if (count < 1 || count > 2) {
            throw new IllegalArgumentException("a slice needs one or two directions, got " + count);
        }
        int p = objective.dim();
        double[][] d = new double[count][];
        double[] values = new double[count];
        String method;
        if (p <= DENSE_LIMIT) {
            SymmetricEigen e = DenseSpectrum.of(objective, theta, DenseSpectrum.DEFAULT_TOLERANCE).eigen();
            d[0] = e.vector(p - 1);
            values[0] = e.values()[p - 1];
            if (count == 2) {
                d[1] = e.vector(0);
                values[1] = e.values()[0];
            }
            method = "dense Hessian eigenvectors";
        } else {
            LanczosResult r = Lanczos.extremal(objective, theta, LanczosConfig.of(1, count - 1, seed));
            d[0] = r.vector(r.count() - 1);
            values[0] = r.max();
            if (count == 2) {
                d[1] = r.vector(0);
                values[1] = r.min();
            }
            method = "Lanczos eigenvectors (" + r.status() + ", seed " + seed + ")";
        }
        return new SliceDirections("hessian", theta, d, new double[0][], values,
                (count == 2 ? "top and bottom " : "top ") + method + ", unit norm");
    }

    /**
     * The plane through three points (each length P, read only): origin a, orthonormal directions from Gram–Schmidt on
     * b − a and c − a, so plane coordinates are Euclidean distances. The anchors are the coordinates of a, b and c.
     *
     * @throws IllegalArgumentException when the three points are collinear (or two coincide)
     */
    public static SliceDirections throughPoints(double[] a, double[] b, double[] c) {
        Checks.dimension("b", a.length, b.length);
        Checks.dimension("c", a.length, c.length);
        double[][] q = PlaneBasis.of(a, new double[][] {subtract(b, a), subtract(c, a)}).orthonormal();
        PlaneBasis basis = PlaneBasis.of(a, q);
        double[][] anchors = {basis.coordinates(a), basis.coordinates(b), basis.coordinates(c)};
        return new SliceDirections("points", a, q, anchors, new double[0],
                "plane through three points: origin A, orthonormal directions from B - A and C - A");
    }

    static double[] subtract(double[] x, double[] y) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i] - y[i];
        }
        return out;
    }

    static double[][] deepCopy(double[][] rows) {
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = rows[i].clone();
        }
        return out;
    }
}
