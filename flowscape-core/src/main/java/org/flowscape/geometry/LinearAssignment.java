package org.flowscape.geometry;

import java.util.Arrays;
import org.flowscape.internal.Checks;

/**
 * The linear assignment problem on a square score matrix: the permutation π maximizing Σ_i score[i][π(i)], by the
 * Hungarian method in its shortest-augmenting-path form with row and column potentials (Kuhn 1955, Munkres 1957;
 * O(n³) as in Jonker and Volgenant 1987). Written here because none of the declared libraries (ojAlgo, Hipparchus)
 * has an assignment solver; an integer program through ojAlgo's solver would be slower and its optimum not exact
 * when scores tie.
 */
public final class LinearAssignment {
    private LinearAssignment() {
    }

    /**
     * The maximizing assignment of the n × n row-major {@code score} (read only, finite): entry i of the result is the
     * column assigned to row i. Cost O(n³) time, O(n) extra memory beyond a copy.
     */
    public static int[] maximize(double[] score, int n) {
        Checks.dimension("score", n * n, score.length);
        Checks.finite("score", score);
        // Minimize cost = -score with potentials u (rows), v (columns); 1-based with a virtual column 0.
        double[] u = new double[n + 1];
        double[] v = new double[n + 1];
        int[] match = new int[n + 1];
        int[] way = new int[n + 1];
        double[] minv = new double[n + 1];
        boolean[] used = new boolean[n + 1];
        for (int i = 1; i <= n; i++) {
            match[0] = i;
            int j0 = 0;
            Arrays.fill(minv, Double.POSITIVE_INFINITY);
            Arrays.fill(used, false);
            do {
                used[j0] = true;
                int i0 = match[j0];
                double delta = Double.POSITIVE_INFINITY;
                int j1 = 0;
                for (int j = 1; j <= n; j++) {
                    if (!used[j]) {
                        double cur = -score[(i0 - 1) * n + (j - 1)] - u[i0] - v[j];
                        if (cur < minv[j]) {
                            minv[j] = cur;
                            way[j] = j0;
                        }
                        if (minv[j] < delta) {
                            delta = minv[j];
                            j1 = j;
                        }
                    }
                }
                for (int j = 0; j <= n; j++) {
                    if (used[j]) {
                        u[match[j]] += delta;
                        v[j] -= delta;
                    } else {
                        minv[j] -= delta;
                    }
                }
                j0 = j1;
            } while (match[j0] != 0);
            do {
                int j1 = way[j0];
                match[j0] = match[j1];
                j0 = j1;
            } while (j0 != 0);
        }
        int[] assignment = new int[n];
        for (int j = 1; j <= n; j++) {
            assignment[match[j] - 1] = j - 1;
        }
        return assignment;
    }

    /** Σ_i score[i][assignment[i]]. */
    public static double total(double[] score, int n, int[] assignment) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += score[i * n + assignment[i]];
        }
        return s;
    }
}
