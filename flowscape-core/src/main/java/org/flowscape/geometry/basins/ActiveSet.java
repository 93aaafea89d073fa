package org.flowscape.geometry.basins;

import java.util.Arrays;

/**
 * An exact primal active-set method (Nocedal and Wright, <i>Numerical Optimization</i>, 2nd ed., Algorithm 16.3) for
 * a {@link BasinProgram}: min ½‖Mu − y‖²·2s subject to a_{g,t}⟨u_g, x_t⟩ ≥ 0. Q = 2sMᵀM is singular in general, so
 * Q is never formed: each equality-constrained subproblem (the working-set constraints as equalities) is a
 * least-squares problem on null-space coordinates, solved by {@link Polish#solveOnBases} (thin SVDs, minimum-norm
 * step from the current point, which is an exact minimizer of the subproblem whatever the rank of M). Steps are cut
 * at the first blocking constraint, which joins the working set; at a subproblem minimizer the working-set
 * multipliers come from the per-group least-squares fit of the gradient, and the most negative one leaves (Bland's
 * smallest-index rule after {@code 4·(variables + 8)} iterations, against cycling on the massively degenerate vertex
 * u_g = 0). Working-set rows of a group stay linearly independent (at most d per group).
 *
 * <p>Written here because ojAlgo's {@code ConvexSolver} regularises the singular Q (about 1e-8 accurate) and takes
 * tens of seconds at 160 variables and 1600 constraints. Cost per iteration: one m × (≤ G·d) SVD and G tiny d × d
 * Gram–Schmidt steps (d ≤ a few); from ADMM's point after 400 iterations, W3's width-32 programs (160 variables)
 * take about 900 iterations, 0.1–0.2 s on a loaded machine.
 */
final class ActiveSet {
    /** A row whose part outside the span of its group's working rows is below this (relative) counts as dependent. */
    private static final double INDEPENDENCE_CUT = 1e-10;

    /** A constraint blocks a step only when its rate is below −RATE_CUT·‖x_t‖·‖step_g‖ (above the cut above). */
    private static final double RATE_CUT = 1e-9;

    private ActiveSet() {
    }

    /**
     * Minimizes the program from {@code start} (read only; groups whose constraints it violates start at 0).
     *
     * @param working out: G × m mask of the final working set (overwritten), the support of the multipliers
     * @return the minimizer, length G·d; a point with smaller loss than the start even if the iteration cap is hit
     */
    static double[] solve(BasinProgram p, double[] start, boolean[] working, int maxIterations) {
        int d = p.d();
        int m = p.m();
        int groups = p.groups();
        double[] u = start.clone();
        Arrays.fill(working, false);
        for (int g = 0; g < groups; g++) {
            initialGroup(p, u, working, g);
        }
        double[] grad0 = p.gradient(new double[p.variables()]);
        double gradScale = 0;
        for (double v : grad0) {
            gradScale = Math.max(gradScale, Math.abs(v));
        }
        double dropTol = 1e-13 * Math.max(gradScale, Double.MIN_NORMAL);
        int bland = 4 * (p.variables() + 8);
        double[][] bases = new double[groups][];
        int[] dims = new int[groups];
        for (int g = 0; g < groups; g++) {
            nullBasis(p, working, g, bases, dims);
        }
        for (int it = 0; it < maxIterations; it++) {
            boolean useBland = it >= bland;
            double[] target = Polish.solveOnBases(p, bases, dims, u);
            double[] step = new double[u.length];
            double stepNorm = 0;
            double uNorm = 0;
            for (int i = 0; i < u.length; i++) {
                step[i] = target[i] - u[i];
                stepNorm = Math.max(stepNorm, Math.abs(step[i]));
                uNorm = Math.max(uNorm, Math.abs(u[i]));
            }
            if (stepNorm > 1e-15 * (1 + uNorm)) {
                int block = -1;
                double alpha = 1;
                for (int g = 0; g < groups; g++) {
                    double sg = 0;
                    for (int c = 0; c < d; c++) {
                        sg += step[g * d + c] * step[g * d + c];
                    }
                    sg = Math.sqrt(sg);
                    if (sg == 0) {
                        continue;
                    }
                    for (int t = 0; t < m; t++) {
                        int i = g * m + t;
                        if (working[i]) {
                            continue;
                        }
                        double rate = p.constraint(step, g, t);
                        if (rate < -RATE_CUT * p.pointNorm(t) * sg) {
                            double a = Math.max(0, p.constraint(u, g, t)) / -rate;
                            if (a < alpha) {
                                alpha = a;
                                block = i;
                            }
                        }
                    }
                }
                for (int i = 0; i < u.length; i++) {
                    u[i] += alpha * step[i];
                }
                if (block >= 0) {
                    working[block] = true;
                    nullBasis(p, working, block / m, bases, dims);
                    continue;
                }
            }
            int drop = mostNegative(p, u, working, dropTol, useBland);
            if (drop < 0) {
                return u;
            }
            working[drop] = false;
            nullBasis(p, working, drop / m, bases, dims);
        }
        return u;
    }

    /**
     * The working-set constraint whose multiplier is below −tol (scaled by ‖x_t‖): the most negative, or with
     * {@code bland} the first; −1 when none (u is then optimal).
     */
    private static int mostNegative(BasinProgram p, double[] u, boolean[] working, double tol, boolean bland) {
        int d = p.d();
        int m = p.m();
        double[] grad = p.gradient(u);
        int best = -1;
        double bestValue = 0;
        for (int g = 0; g < p.groups(); g++) {
            int q = 0;
            for (int t = 0; t < m; t++) {
                q += working[g * m + t] ? 1 : 0;
            }
            if (q == 0) {
                continue;
            }
            int[] which = new int[q];
            int col = 0;
            for (int t = 0; t < m; t++) {
                if (working[g * m + t]) {
                    which[col++] = t;
                }
            }
            double[] lambda = multipliers(p, g, which, Arrays.copyOfRange(grad, g * d, (g + 1) * d));
            for (int j = 0; j < q; j++) {
                double scaled = lambda[j] * p.pointNorm(which[j]);
                if (scaled < -tol) {
                    if (bland) {
                        return g * m + which[j];
                    }
                    if (scaled < bestValue) {
                        bestValue = scaled;
                        best = g * m + which[j];
                    }
                }
            }
        }
        return best;
    }

    /**
     * Makes group g of u feasible and picks its initial working set: the constraints tight at u_g (relative 1e-9),
     * kept while linearly independent, u_g projected onto them; a group that violates a constraint, before or
     * after the projection, restarts at u_g = 0 (feasible: the constraints are homogeneous).
     */
    private static void initialGroup(BasinProgram p, double[] u, boolean[] working, int g) {
        int d = p.d();
        int m = p.m();
        double norm = 0;
        for (int c = 0; c < d; c++) {
            norm = Math.max(norm, Math.abs(u[g * d + c]));
        }
        boolean zero = norm == 0;
        for (int t = 0; t < m && !zero; t++) {
            zero = p.constraint(u, g, t) < -1e-12 * p.pointNorm(t) * norm;
        }
        if (zero) {
            Arrays.fill(u, g * d, (g + 1) * d, 0);
            norm = 0;
        }
        double[] basis = new double[d * d];
        int rank = 0;
        for (int t = 0; t < m && rank < d; t++) {
            if (p.constraint(u, g, t) <= 1e-9 * p.pointNorm(t) * norm) {
                if (addIfIndependent(p.x(), t, d, basis, rank)) {
                    working[g * m + t] = true;
                    rank++;
                }
            }
        }
        if (zero || rank == 0) {
            return;
        }
        double[] projected = new double[d];
        for (int c = 0; c < d; c++) {
            projected[c] = u[g * d + c];
        }
        for (int r = 0; r < rank; r++) {
            double dot = 0;
            for (int c = 0; c < d; c++) {
                dot += basis[r * d + c] * projected[c];
            }
            for (int c = 0; c < d; c++) {
                projected[c] -= dot * basis[r * d + c];
            }
        }
        System.arraycopy(projected, 0, u, g * d, d);
        for (int t = 0; t < m; t++) {
            if (!working[g * m + t] && p.constraint(u, g, t) < 0) {
                Arrays.fill(u, g * d, (g + 1) * d, 0);
                Arrays.fill(working, g * m, (g + 1) * m, false);
                initialGroup(p, u, working, g);
                return;
            }
        }
    }

    /**
     * Least squares min ‖Σ_j λ_j a_{g,t_j} x_{t_j} − grad_g‖ for the independent working rows {@code which} of group
     * g, by modified Gram–Schmidt QR (q ≤ d columns) and back substitution.
     */
    private static double[] multipliers(BasinProgram p, int g, int[] which, double[] grad) {
        int d = p.d();
        int q = which.length;
        double[] qm = new double[q * d];
        double[] r = new double[q * q];
        for (int j = 0; j < q; j++) {
            double a = p.isActive(g, which[j]) ? 1 : -1;
            for (int c = 0; c < d; c++) {
                qm[j * d + c] = a * p.x()[which[j] * d + c];
            }
            for (int i = 0; i < j; i++) {
                double dot = 0;
                for (int c = 0; c < d; c++) {
                    dot += qm[i * d + c] * qm[j * d + c];
                }
                r[i * q + j] = dot;
                for (int c = 0; c < d; c++) {
                    qm[j * d + c] -= dot * qm[i * d + c];
                }
            }
            double n = 0;
            for (int c = 0; c < d; c++) {
                n += qm[j * d + c] * qm[j * d + c];
            }
            n = Math.sqrt(n);
            r[j * q + j] = n;
            for (int c = 0; c < d; c++) {
                qm[j * d + c] /= n;
            }
        }
        double[] lambda = new double[q];
        for (int i = 0; i < q; i++) {
            double dot = 0;
            for (int c = 0; c < d; c++) {
                dot += qm[i * d + c] * grad[c];
            }
            lambda[i] = dot;
        }
        for (int i = q - 1; i >= 0; i--) {
            for (int j = i + 1; j < q; j++) {
                lambda[i] -= r[i * q + j] * lambda[j];
            }
            lambda[i] /= r[i * q + i];
        }
        return lambda;
    }

    /**
     * An orthonormal basis of the null space of group g's working rows, d × dim row-major into {@code bases[g]}
     * (dim into dims[g]): Gram–Schmidt of the rows, then completion by the unit vector with the largest remainder.
     */
    private static void nullBasis(BasinProgram p, boolean[] working, int g, double[][] bases, int[] dims) {
        int d = p.d();
        double[] span = new double[d * d];
        int rank = 0;
        for (int t = 0; t < p.m() && rank < d; t++) {
            if (working[g * p.m() + t] && addIfIndependent(p.x(), t, d, span, rank)) {
                rank++;
            }
        }
        int dim = d - rank;
        for (int added = 0; added < dim; added++) {
            double[] bestVector = null;
            double bestNorm = -1;
            for (int e = 0; e < d; e++) {
                double[] v = new double[d];
                v[e] = 1;
                double n = orthogonalize(v, span, rank + added, d);
                if (n > bestNorm) {
                    bestNorm = n;
                    bestVector = v;
                }
            }
            for (int c = 0; c < d; c++) {
                span[(rank + added) * d + c] = bestVector[c] / bestNorm;
            }
        }
        double[] basis = new double[d * dim];
        for (int j = 0; j < dim; j++) {
            for (int c = 0; c < d; c++) {
                basis[c * dim + j] = span[(rank + j) * d + c];
            }
        }
        bases[g] = basis;
        dims[g] = dim;
    }

    /** Removes from v (overwritten) its components along the first {@code rank} rows of {@code basis}, twice. */
    private static double orthogonalize(double[] v, double[] basis, int rank, int d) {
        for (int pass = 0; pass < 2; pass++) {
            for (int r = 0; r < rank; r++) {
                double dot = 0;
                for (int c = 0; c < d; c++) {
                    dot += basis[r * d + c] * v[c];
                }
                for (int c = 0; c < d; c++) {
                    v[c] -= dot * basis[r * d + c];
                }
            }
        }
        double n = 0;
        for (double c : v) {
            n += c * c;
        }
        return Math.sqrt(n);
    }

    /** Gram–Schmidt (twice) of x_t against the {@code rank} orthonormal rows of {@code basis}; appends it if new. */
    private static boolean addIfIndependent(double[] x, int t, int d, double[] basis, int rank) {
        double[] v = Arrays.copyOfRange(x, t * d, (t + 1) * d);
        double original = Math.sqrt(dot(v, v));
        double n = orthogonalize(v, basis, rank, d);
        if (!(n > INDEPENDENCE_CUT * original)) {
            return false;
        }
        for (int c = 0; c < d; c++) {
            basis[rank * d + c] = v[c] / n;
        }
        return true;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
