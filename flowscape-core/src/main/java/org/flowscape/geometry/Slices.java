package org.flowscape.geometry;

import org.flowscape.internal.MemoryBudget;
import org.flowscape.analysis.Lanczos;
import org.flowscape.analysis.LanczosConfig;
import org.flowscape.analysis.LanczosResult;
import org.flowscape.internal.Checks;
import org.flowscape.linalg.Matrix;
import org.flowscape.linalg.SymmetricEigen;
import org.flowscape.objective.Objective;

/** Evaluates the loss (and optionally the extreme Hessian eigenvalues) on the grid of a slice. */
public final class Slices {
    private Slices() {
    }

    /**
     * n equally spaced points from lo to hi inclusive (n ≥ 2); for odd n and lo = −hi the middle point is exactly 0.
     */
    public static double[] axis(double lo, double hi, int n) {
        if (n < 2 || !(hi > lo)) {
            throw new IllegalArgumentException("a grid axis needs at least 2 points and hi > lo, got " + n
                    + " points on [" + lo + ", " + hi + "]");
        }
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = i == n - 1 ? hi : lo + (hi - lo) * i / (n - 1);
        }
        if (n % 2 == 1 && lo == -hi) {
            a[n / 2] = 0.0;
        }
        return a;
    }

    /**
     * The loss on the grid x × y (y ignored and taken as {0} for a 1-D slice), plus the smallest and largest Hessian
     * eigenvalue at every node when {@code eigenvalues} is set. Cost: one forward pass per node, plus per node either
     * the dense Hessian and O(P³) (P ≤ {@link SliceDirections#DENSE_LIMIT}) or a Lanczos run (seed {@code seed}).
     */
    public static Slice evaluate(Objective objective, SliceDirections dirs, double[] x, double[] y,
            boolean eigenvalues, long seed) {
        Checks.dimension("origin", objective.dim(), dirs.origin().length);
        double[] ys = dirs.count() == 1 ? new double[] {0.0} : y;
        String grid = "a " + x.length + " x " + ys.length + " grid";
        MemoryBudget.arrayLength((double) x.length * ys.length, grid, "use a smaller grid");
        MemoryBudget.requireDoubles((double) x.length * ys.length * (eigenvalues ? 3 : 1), grid, "use a smaller grid");
        double[][] loss = new double[x.length][ys.length];
        double[][] lo = eigenvalues ? new double[x.length][ys.length] : null;
        double[][] hi = eigenvalues ? new double[x.length][ys.length] : null;
        double[] theta = new double[objective.dim()];
        for (int i = 0; i < x.length; i++) {
            org.flowscape.internal.Cancellation.checkpoint();
            for (int j = 0; j < ys.length; j++) {
                node(dirs, x[i], ys[j], theta);
                loss[i][j] = objective.value(theta);
                if (eigenvalues) {
                    double[] e = extremeEigenvalues(objective, theta, seed);
                    lo[i][j] = e[0];
                    hi[i][j] = e[1];
                }
            }
        }
        return new Slice(dirs, x, ys, loss, lo, hi, eigenvalues ? curvatureMethod(objective.dim()) : "");
    }

    /** origin + a·d1 + b·d2 into {@code out} (length P, overwritten) and returned; b is ignored for 1-D slices. */
    public static double[] node(SliceDirections dirs, double a, double b, double[] out) {
        double[] o = dirs.origin();
        double[] d1 = dirs.directions()[0];
        for (int t = 0; t < o.length; t++) {
            out[t] = o[t] + a * d1[t];
        }
        if (dirs.count() == 2) {
            double[] d2 = dirs.directions()[1];
            for (int t = 0; t < o.length; t++) {
                out[t] += b * d2[t];
            }
        }
        return out;
    }

    /**
     * {min, max} Hessian eigenvalue at θ (read only): dense for P ≤ {@link SliceDirections#DENSE_LIMIT}, else Lanczos
     * (one largest, one smallest pair, default tolerance, stream (seed, "lanczos", 0)).
     */
    public static double[] extremeEigenvalues(Objective objective, double[] theta, long seed) {
        int p = objective.dim();
        if (p <= SliceDirections.DENSE_LIMIT) {
            SymmetricEigen e = SymmetricEigen.values(new Matrix(p, p, objective.hessian(theta, new double[p * p])));
            return new double[] {e.min(), e.max()};
        }
        LanczosResult r = Lanczos.extremal(objective, theta, LanczosConfig.of(1, 1, seed));
        return new double[] {r.min(), r.max()};
    }

    static String curvatureMethod(int p) {
        return p <= SliceDirections.DENSE_LIMIT ? "dense Hessian eigenvalues (LAPACK dsyevd)"
                : "Lanczos, 1 largest and 1 smallest pair, residual tolerance 1e-8 relative";
    }
}
