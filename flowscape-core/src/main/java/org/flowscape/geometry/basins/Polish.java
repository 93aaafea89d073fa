package org.flowscape.geometry.basins;

/**
 * The equality-constrained least-squares step of the polish: with the constraints of a mask imposed as equalities
 * ⟨u_g, x_t⟩ = 0, u_g = B_g ξ_g over an orthonormal null-space basis B_g, and ξ is the minimum-norm least-squares
 * solution of the reduced problem (thin SVD). Exact up to round-off when the mask is the optimal active set.
 */
final class Polish {
    private Polish() {
    }

    /**
     * The minimizer with the masked constraints tight that is nearest to {@code near} in the reduced coordinates
     * (so that, when the optimum is not unique, the slack constraints stay satisfied); constraints the step
     * violates are added to the mask and the solve repeated, up to {@code ROUNDS} times.
     *
     * @param tight G × m mask (read only)
     * @param near  a nearby point, e.g. the ADMM iterate (read only)
     * @return u, length G·d
     */
    static double[] onActiveSet(BasinProgram p, boolean[] tight, double[] near) {
        boolean[] mask = tight.clone();
        double[] u = solveOnce(p, mask, near);
        for (int round = 0; round < ROUNDS; round++) {
            boolean added = false;
            for (int g = 0; g < p.groups(); g++) {
                for (int t = 0; t < p.m(); t++) {
                    if (!mask[g * p.m() + t] && p.constraint(u, g, t) < 0) {
                        mask[g * p.m() + t] = true;
                        added = true;
                    }
                }
            }
            if (!added) {
                break;
            }
            u = solveOnce(p, mask, near);
        }
        return u;
    }

    private static final int ROUNDS = 5;

    static double[] solveOnce(BasinProgram p, boolean[] tight, double[] near) {
        double[][] bases = new double[p.groups()][];
        int[] dims = new int[p.groups()];
        for (int g = 0; g < p.groups(); g++) {
            nullBasis(p, tight, g, bases, dims);
        }
        return solveOnBases(p, bases, dims, near);
    }

    /** Writes the null-space basis of group g's masked rows into {@code bases[g]} and its dimension into dims[g]. */
    static void nullBasis(BasinProgram p, boolean[] tight, int g, double[][] bases, int[] dims) {
        int d = p.d();
        int m = p.m();
        int rows = 0;
        for (int t = 0; t < m; t++) {
            rows += tight[g * m + t] ? 1 : 0;
        }
        double[] a = new double[rows * d];
        int r = 0;
        for (int t = 0; t < m; t++) {
            if (tight[g * m + t]) {
                System.arraycopy(p.x(), t * d, a, r * d, d);
                r++;
            }
        }
        int[] dim = new int[1];
        bases[g] = LeastSquares.nullBasis(rows, d, a, dim);
        dims[g] = dim[0];
    }

    /**
     * The least-squares minimizer over u_g = B_g ξ_g (bases read only) nearest to {@code near} in ξ: one m × Σdims
     * thin SVD.
     */
    static double[] solveOnBases(BasinProgram p, double[][] bases, int[] dims, double[] near) {
        int d = p.d();
        int m = p.m();
        int groups = p.groups();
        int total = 0;
        for (int g = 0; g < groups; g++) {
            total += dims[g];
        }
        double[] psi = new double[m * total];
        int col;
        col = 0;
        for (int g = 0; g < groups; g++) {
            for (int j = 0; j < dims[g]; j++, col++) {
                for (int t = 0; t < m; t++) {
                    if (p.isActive(g, t)) {
                        double s = 0;
                        for (int c = 0; c < d; c++) {
                            s += p.x()[t * d + c] * bases[g][c * dims[g] + j];
                        }
                        psi[t * total + col] = p.sign()[g] * s;
                    }
                }
            }
        }
        double[] xi0 = new double[total];
        col = 0;
        for (int g = 0; g < groups; g++) {
            for (int j = 0; j < dims[g]; j++, col++) {
                for (int c = 0; c < d; c++) {
                    xi0[col] += bases[g][c * dims[g] + j] * near[g * d + c];
                }
            }
        }
        double[] resid = p.y().clone();
        for (int t = 0; t < m; t++) {
            for (int j = 0; j < total; j++) {
                resid[t] -= psi[t * total + j] * xi0[j];
            }
        }
        double[] xi = LeastSquares.minimumNorm(m, total, psi, resid);
        for (int j = 0; j < total; j++) {
            xi[j] += xi0[j];
        }
        double[] u = new double[groups * d];
        col = 0;
        for (int g = 0; g < groups; g++) {
            for (int j = 0; j < dims[g]; j++, col++) {
                for (int c = 0; c < d; c++) {
                    u[g * d + c] += bases[g][c * dims[g] + j] * xi[col];
                }
            }
        }
        return u;
    }
}
