package org.flowscape.dynamics;

/**
 * A discrete first-order method as an immutable configuration that {@link #start starts} a run owning the mutable
 * state (velocity, moments): the pattern of Optax's init/update pair without hidden call-order rules.
 */
public interface Optimizer {

    /** The command-line name, e.g. {@code gd}, {@code momentum}. */
    String name();

    /** The learning-rate schedule, which also defines the time map t_k. */
    Schedule schedule();

    /** A fresh run for P = {@code dim} parameters (zero velocity / moments). */
    Run start(int dim);

    /** The mutable state of one run. Not thread-safe. */
    interface Run {
        /**
         * Iterate k → k + 1: overwrites θ (length P) with the next iterate, given ∇L(θ_k) ({@code gradient}, read
         * only). Cost: O(P), no allocation.
         */
        void update(long k, double[] theta, double[] gradient);
    }
}
