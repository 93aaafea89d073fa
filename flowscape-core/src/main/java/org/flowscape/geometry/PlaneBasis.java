package org.flowscape.geometry;

import org.flowscape.internal.Checks;
import org.flowscape.linalg.Vectors;

/**
 * Least-squares coordinates in the affine span origin + span(d1, …): a thin QR factorization D = Q R of the
 * directions by modified Gram–Schmidt (applied twice for orthogonality to round-off), so the coordinates of x are
 * R⁻¹ Qᵀ (x − origin) and the projection is origin + D c.
 *
 * @param origin     the affine origin, length P
 * @param directions the spanning directions as rows (k × P)
 * @param q          orthonormal rows spanning the same space (k × P)
 * @param r          upper-triangular k × k factor: d_i = Σ_{j ≤ i} r[j][i] q_j
 */
public record PlaneBasis(double[] origin, double[][] directions, double[][] q, double[][] r) {

    /**
     * Directions whose Gram–Schmidt remainder is below this fraction of their norm count as dependent: the plane is
     * then degenerate and an exception names it.
     */
    public static final double DEPENDENCE_REL = 1e-12;

    /**
     * Factorizes {@code directions} (rows, read only).
     *
     * @throws IllegalArgumentException when a direction is zero or lies in the span of the earlier ones
     */
    public static PlaneBasis of(double[] origin, double[][] directions) {
        int k = directions.length;
        int p = origin.length;
        double[][] q = new double[k][];
        double[][] r = new double[k][k];
        for (int i = 0; i < k; i++) {
            Checks.dimension("direction " + (i + 1), p, directions[i].length);
            double[] v = directions[i].clone();
            double norm0 = Vectors.norm2(v);
            for (int pass = 0; pass < 2; pass++) {
                for (int j = 0; j < i; j++) {
                    double c = Vectors.dot(q[j], v);
                    r[j][i] += c;
                    Vectors.axpy(-c, q[j], v);
                }
            }
            double n = Math.sqrt(Vectors.dot(v, v));
            if (!(n > DEPENDENCE_REL * norm0)) {
                throw new IllegalArgumentException("slice direction " + (i + 1) + " is zero or lies in the span of "
                        + "the others (the points are collinear or coincide); choose points that span a plane");
            }
            r[i][i] = n;
            for (int t = 0; t < p; t++) {
                v[t] /= n;
            }
            q[i] = v;
        }
        return new PlaneBasis(origin.clone(), SliceDirections.deepCopy(directions), q, r);
    }

    /** The orthonormal rows (copies). */
    public double[][] orthonormal() {
        return SliceDirections.deepCopy(q);
    }

    /** The least-squares coordinates c of x (length P, read only) in the directions: origin + Σ c_i d_i ≈ x. */
    public double[] coordinates(double[] x) {
        int k = q.length;
        double[] y = new double[k];
        for (int i = 0; i < k; i++) {
            double s = 0;
            for (int t = 0; t < x.length; t++) {
                s += q[i][t] * (x[t] - origin[t]);
            }
            y[i] = s;
        }
        double[] c = new double[k];
        for (int i = k - 1; i >= 0; i--) {
            double s = y[i];
            for (int j = i + 1; j < k; j++) {
                s -= r[i][j] * c[j];
            }
            c[i] = s / r[i][i];
        }
        return c;
    }

    /** origin + Σ c_i d_i as a new array (c has one entry per direction, read only). */
    public double[] point(double[] c) {
        double[] x = origin.clone();
        for (int i = 0; i < directions.length; i++) {
            Vectors.axpy(c[i], directions[i], x);
        }
        return x;
    }

}
