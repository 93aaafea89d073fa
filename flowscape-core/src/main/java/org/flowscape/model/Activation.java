package org.flowscape.model;

/**
 * An elementwise activation ψ with its first and second derivatives and its algebraic traits. Instances are
 * immutable and thread-safe; obtain them from {@link Activations}.
 */
public interface Activation {

    /** The canonical spelling, e.g. {@code tanh} or {@code leaky_relu(0.1)}; {@link Activations#parse} reads it. */
    String spec();

    /** ψ(z). */
    double value(double z);

    /** ψ'(z). For the relu family the derivative at the kink is taken as the left value: relu'(0) = 0. */
    double derivative(double z);

    /** ψ''(z) (0 away from the kink for piecewise-linear activations). */
    double secondDerivative(double z);

    /** Identities and properties (parity, homogeneity, analyticity). */
    ActivationTraits traits();

    /**
     * Evaluates ψ, ψ' and ψ'' on the first {@code n} entries of {@code z} (read only) into {@code a}, {@code d1} and
     * {@code d2} (overwritten). Implementations override this with a tight loop; the arrays must be distinct.
     */
    default void evaluate(double[] z, double[] a, double[] d1, double[] d2, int n) {
        for (int i = 0; i < n; i++) {
            a[i] = value(z[i]);
            d1[i] = derivative(z[i]);
            d2[i] = secondDerivative(z[i]);
        }
    }

    /**
     * ψ and ψ' only, for passes that do not need ψ'' (a gradient): evaluates the first {@code n} entries of {@code z}
     * (read only) into {@code a} and {@code d1}; {@code scratch} (length ≥ n) may be overwritten. This default calls
     * {@link #evaluate} with {@code scratch} as ψ''; implementations whose ψ'' costs extra work override it. The values
     * written to {@code a} and {@code d1} are the same bits {@link #evaluate} writes.
     */
    default void evaluateFirstOrder(double[] z, double[] a, double[] d1, double[] scratch, int n) {
        evaluate(z, a, d1, scratch, n);
    }

    /** True for the identity activation (a linear layer); lets the network skip work. */
    default boolean isIdentity() {
        return false;
    }
}
