package org.flowscape.operation;

import org.flowscape.linalg.Matrix;
import org.flowscape.linalg.SymmetricEigen;
import org.flowscape.objective.ModelObjective;

/**
 * The extreme eigenvalues of the empirical NTK Gram matrix K = J Jᵀ ((n·k) × (n·k), n samples, k outputs) at one θ,
 * or why it was skipped: the one NTK summary of {@code eval} and {@code analyze}. Cost: forming K (the core's
 * layer-wise product, never J itself) and a symmetric eigensolve, O((n·k)³); memory 8 (n·k)² bytes.
 *
 * @param size n·k
 * @param min λ_min(K), NaN when skipped
 * @param max λ_max(K), NaN when skipped
 * @param skipReason why it was skipped; empty when computed
 */
public record NtkSummary(int size, double min, double max, String skipReason) {
    /** The default largest n·k for which K is formed and solved. */
    public static final int DEFAULT_MAX = 4000;
    /** Largest n·k·P of the Jacobian K stands for (doubles, about 400 MB); larger problems are skipped. */
    public static final long JACOBIAN_BUDGET = 50_000_000L;

    /** Whether K was formed and solved. */
    public boolean computed() {
        return skipReason.isEmpty();
    }

    /**
     * The summary of {@code f} at {@code theta} (read only).
     *
     * @param maxSize the largest n·k to solve
     * @param limitName how the user changes {@code maxSize} (e.g. {@code --ntk-max}), or empty when it is fixed
     */
    public static NtkSummary of(ModelObjective f, double[] theta, int maxSize, String limitName) {
        int rows = f.outputCount();
        if (rows > maxSize) {
            return skipped(rows, "n*k = " + rows + " exceeds " + (limitName.isEmpty() ? "" : limitName + " ")
                    + maxSize + " (the Gram matrix K would be " + rows + " x " + rows + ")");
        }
        if ((long) rows * f.dim() > JACOBIAN_BUDGET) {
            return skipped(rows, "the Jacobian n*k x P = " + rows + " x " + f.dim() + " exceeds " + JACOBIAN_BUDGET
                    + " doubles");
        }
        SymmetricEigen e = SymmetricEigen.values(new Matrix(rows, rows, f.ntk(theta, new double[rows * rows])));
        return new NtkSummary(rows, e.min(), e.max(), "");
    }

    /** A summary that was not computed, with the reason. */
    public static NtkSummary skipped(int rows, String why) {
        return new NtkSummary(rows, Double.NaN, Double.NaN, why);
    }
}
