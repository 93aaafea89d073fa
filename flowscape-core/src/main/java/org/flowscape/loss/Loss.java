package org.flowscape.loss;

/**
 * A loss on a batch of predictions F (n × k, row-major) against targets Y (n × {@link #targetColumns(int)}),
 * including its normalization over samples (recorded in {@link #spec()}). Implementations are immutable and
 * thread-safe.
 *
 * <p>Derivatives are with respect to F: the gradient is n × k, and the Hessian is block diagonal over samples with one
 * k × k block per sample (losses here never couple samples).
 */
public interface Loss {

    /** The canonical spelling, e.g. {@code mse} (½·mean), {@code mse-mean}, {@code xent}, {@code cost:log(cosh(x-y))}. */
    String spec();

    /** A one-line statement of the formula and normalization, for reports. */
    String formula();

    /** The number of target columns expected for k outputs (k, or 1 for class indices). */
    default int targetColumns(int outputs) {
        return outputs;
    }

    /** Checks that targets fit this loss; throws {@link IllegalArgumentException} with the fix otherwise. */
    default void validateTargets(double[] y, int n, int k, int targetColumns) {
        if (targetColumns != targetColumns(k)) {
            throw new IllegalArgumentException("loss " + spec() + " needs " + targetColumns(k)
                    + " target column(s) for a model with " + k + " output(s), but the data has " + targetColumns);
        }
    }

    /** L(F). {@code f} and {@code y} are read only. Cost O(nk). */
    double value(double[] f, double[] y, int n, int k);

    /** L(F), writing ∂L/∂F (n × k) into {@code gradOut} (overwritten). Cost O(nk). */
    double valueAndGradient(double[] f, double[] y, int n, int k, double[] gradOut);

    /**
     * The per-sample Hessian blocks ∂²L/∂F_i∂F_i: {@code out} (length n·k·k, overwritten) holds block i, row-major
     * k × k, at offset i·k·k. Cost O(nk²).
     */
    void hessianBlocks(double[] f, double[] y, int n, int k, double[] out);

    /** True when every Hessian block is diagonal (entrywise costs); lets callers skip off-diagonal work. */
    boolean entrywise();
}
