package org.flowscape.loss;

/**
 * A twice-differentiable cost c(x, y) of one prediction x against its target y, with derivatives in x. Immutable and
 * thread-safe.
 */
public interface ScalarCost {

    /** The spelling, e.g. {@code log(cosh(x-y))}. */
    String spec();

    /** c(x, y). */
    double value(double x, double y);

    /** ∂c/∂x at (x, y). */
    double derivative(double x, double y);

    /** ∂²c/∂x² at (x, y). */
    double secondDerivative(double x, double y);
}
