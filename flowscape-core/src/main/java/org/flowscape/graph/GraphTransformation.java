package org.flowscape.graph;

/**
 * The A→B rate of a Markov network of states by graph transformation (Trygubenko &amp; Wales, Mol. Phys. 104, 1497,
 * 2006; Wales, Int. Rev. Phys. Chem. 25, 237, 2006): every state other than A and B is removed in turn, its branching
 * probabilities folded into its neighbours' (P_γβ ← P_γβ + P_γx P_xβ / (1 − P_xx), with 1 − P_xx taken as
 * Σ_{j≠x} P_jx to avoid cancellation) and its waiting time into theirs (τ_β ← τ_β + P_xβ τ_x / (1 − P_xx)). This
 * preserves every mean first-passage time to B, so afterwards k_{B←A} = P_BA / τ_A is the inverse mean first-passage
 * time from A to B. Exact in exact arithmetic, with no linear solve; written here because no maintained Java library
 * has it. Cost: O(N³) for N states.
 */
public final class GraphTransformation {
    private GraphTransformation() {
    }

    /**
     * The rate from state {@code a} to state {@code b} of the network with {@code rates[i][j]} = the rate of the
     * transition j → i (N × N, read only; diagonal ignored, non-negative). Returns 0 when b cannot be reached.
     */
    public static double rate(double[][] rates, int a, int b) {
        int n = rates.length;
        if (a == b || a < 0 || b < 0 || a >= n || b >= n) {
            throw new IllegalArgumentException("need two different states in 0.." + (n - 1) + ", got " + a + " and "
                    + b);
        }
        double[][] prob = new double[n][n];
        double[] tau = new double[n];
        for (int i = 0; i < n; i++) {
            double out = 0;
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    out += rates[j][i];
                }
            }
            tau[i] = out > 0 ? 1 / out : Double.POSITIVE_INFINITY;
            for (int j = 0; j < n; j++) {
                prob[j][i] = j != i && out > 0 ? rates[j][i] / out : 0;
            }
        }
        boolean[] gone = new boolean[n];
        for (int x = 0; x < n; x++) {
            if (x != a && x != b) {
                remove(prob, tau, gone, x);
            }
        }
        return Double.isInfinite(tau[a]) ? 0 : prob[b][a] / tau[a];
    }

    private static void remove(double[][] prob, double[] tau, boolean[] gone, int x) {
        int n = prob.length;
        double leave = 0;
        for (int j = 0; j < n; j++) {
            if (j != x && !gone[j]) {
                leave += prob[j][x];
            }
        }
        gone[x] = true;
        if (leave == 0) {
            return;
        }
        for (int beta = 0; beta < n; beta++) {
            if (gone[beta] || prob[x][beta] == 0) {
                continue;
            }
            double weight = prob[x][beta] / leave;
            for (int gamma = 0; gamma < n; gamma++) {
                if (!gone[gamma] && prob[gamma][x] != 0) {
                    prob[gamma][beta] += prob[gamma][x] * weight;
                }
            }
            tau[beta] += weight * tau[x];
            prob[x][beta] = 0;
        }
    }
}
