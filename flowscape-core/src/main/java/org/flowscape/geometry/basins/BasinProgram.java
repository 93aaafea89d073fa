package org.flowscape.geometry.basins;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flowscape.internal.Checks;
import org.flowscape.linalg.Matrix;

/**
 * The basin program of {@code docs/theory.md} D.3 for squared loss, reduced: with u_j = w_j (so z_j = b_j u_j),
 * <pre>
 *   Bas(A, b) = min_u  s · Σ_t ( Σ_{g : a_{g,t} = +1} b_g ⟨u_g, x_t⟩ − y_t )²   subject to  a_{g,t} ⟨u_g, x_t⟩ ≥ 0,
 * </pre>
 * s = 1/(2m) for {@code mse} (½·mean) or 1/m for {@code mse-mean} (the paper's convention). Neurons active on no
 * point drop out, and neurons sharing an activation row and an output sign are merged into one group g, since the
 * sum of points of one convex cone is a point of it: this changes no value and makes the program size depend on the
 * number of distinct groups only.
 *
 * @param d       input dimension
 * @param m       number of points
 * @param x       m × d inputs, row-major (not copied)
 * @param y       m targets (not copied)
 * @param scale   s above
 * @param groups  number of groups G; the program has G·d variables, u_g at offset g·d
 * @param active  G × m row-major activations of the groups
 * @param sign    length G, b_g
 * @param groupOf length k, the group of each neuron, −1 for a neuron active on no point
 */
public record BasinProgram(int d, int m, double[] x, double[] y, double scale, int groups, boolean[] active,
                           int[] sign, int[] groupOf) {

    /**
     * Builds the reduced program of an initialization's pattern.
     *
     * @param pattern the basin label
     * @param x       m × d inputs (read only; shared)
     * @param y       m × 1 targets (read only; shared)
     * @param scale   s: 1/(2m) for ½·mean squared error, 1/m for mean squared error
     */
    public static BasinProgram of(SignPattern pattern, Matrix x, Matrix y, double scale) {
        Checks.dimension("target rows", x.rows(), y.rows());
        Checks.dimension("pattern points", x.rows(), pattern.m());
        if (y.cols() != 1) {
            throw new IllegalArgumentException("basin programs need one target column, got " + y.cols());
        }
        int m = x.rows();
        Map<String, Integer> index = new HashMap<>();
        List<boolean[]> rows = new ArrayList<>();
        List<Integer> signs = new ArrayList<>();
        int[] groupOf = new int[pattern.k()];
        for (int j = 0; j < pattern.k(); j++) {
            if (pattern.activeCount(j) == 0) {
                groupOf[j] = -1;
                continue;
            }
            boolean[] row = Arrays.copyOfRange(pattern.active(), j * m, (j + 1) * m);
            String key = pattern.sign()[j] + Arrays.toString(row);
            Integer g = index.get(key);
            if (g == null) {
                g = rows.size();
                index.put(key, g);
                rows.add(row);
                signs.add(pattern.sign()[j]);
            }
            groupOf[j] = g;
        }
        boolean[] act = new boolean[rows.size() * m];
        for (int g = 0; g < rows.size(); g++) {
            System.arraycopy(rows.get(g), 0, act, g * m, m);
        }
        return new BasinProgram(x.cols(), m, x.data(), y.data(), scale, rows.size(), act,
                signs.stream().mapToInt(Integer::intValue).toArray(), groupOf);
    }

    /** The number of variables G·d. */
    public int variables() {
        return groups * d;
    }

    /** a_{g,t} as a boolean. */
    boolean isActive(int g, int t) {
        return active[g * m + t];
    }

    /** ⟨u_g, x_t⟩ for u (length G·d, read only). */
    double inner(double[] u, int g, int t) {
        double s = 0;
        for (int c = 0; c < d; c++) {
            s += u[g * d + c] * x[t * d + c];
        }
        return s;
    }

    /** The constraint value c_{g,t}(u) = a_{g,t}⟨u_g, x_t⟩. */
    double constraint(double[] u, int g, int t) {
        double v = inner(u, g, t);
        return isActive(g, t) ? v : -v;
    }

    /** The predictions p_t = Σ_{g active at t} b_g ⟨u_g, x_t⟩ written into {@code out} (length m, overwritten). */
    double[] predictions(double[] u, double[] out) {
        Arrays.fill(out, 0);
        for (int g = 0; g < groups; g++) {
            for (int t = 0; t < m; t++) {
                if (isActive(g, t)) {
                    out[t] += sign[g] * inner(u, g, t);
                }
            }
        }
        return out;
    }

    /** The program's objective at u (read only). */
    public double loss(double[] u) {
        double[] p = predictions(u, new double[m]);
        double s = 0;
        for (int t = 0; t < m; t++) {
            double r = p[t] - y[t];
            s += r * r;
        }
        return scale * s;
    }

    /** ∇_u of the objective at u (read only), as a new array of length G·d. */
    double[] gradient(double[] u) {
        double[] p = predictions(u, new double[m]);
        double[] grad = new double[variables()];
        for (int g = 0; g < groups; g++) {
            for (int t = 0; t < m; t++) {
                if (isActive(g, t)) {
                    double coef = 2 * scale * sign[g] * (p[t] - y[t]);
                    for (int c = 0; c < d; c++) {
                        grad[g * d + c] += coef * x[t * d + c];
                    }
                }
            }
        }
        return grad;
    }

    /** ‖x_t‖₂. */
    double pointNorm(int t) {
        double s = 0;
        for (int c = 0; c < d; c++) {
            s += x[t * d + c] * x[t * d + c];
        }
        return Math.sqrt(s);
    }

    /**
     * Maps a program solution u back to network parameters in the closed basin: v_j = b_j and w_j = u_g / n_g for
     * the n_g neurons of group g; neurons of no group keep their weights from {@code start}.
     */
    public ReluNet toNetwork(double[] u, ReluNet start) {
        int k = start.k();
        double[] w = start.w().clone();
        double[] v = new double[k];
        int[] count = new int[groups];
        for (int j = 0; j < k; j++) {
            if (groupOf[j] >= 0) {
                count[groupOf[j]]++;
            }
        }
        for (int j = 0; j < k; j++) {
            int g = groupOf[j];
            v[j] = start.v()[j] >= 0 ? 1 : -1;
            if (g >= 0) {
                for (int c = 0; c < d; c++) {
                    w[j * d + c] = u[g * d + c] / count[g];
                }
            }
        }
        return new ReluNet(d, k, w, v);
    }
}
