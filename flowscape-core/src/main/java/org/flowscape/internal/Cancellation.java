package org.flowscape.internal;

import java.util.function.BooleanSupplier;

/**
 * Cooperative cancellation of long operations on the current thread. A runner with a time limit runs the work inside
 * {@link #run}; iterative methods (the polishers' iterations, for one) poll {@link #requested()} between steps and
 * stop, keeping what they finished, instead of being abandoned in a thread that keeps running. An interrupted thread
 * counts as cancelled too. Costs one supplier call per poll. Who polls: the polishers (per iteration), Lanczos and
 * stochastic Lanczos quadrature (per iteration, keeping the Krylov space built so far), the basin Monte Carlo (per
 * start, keeping the widths it finished; its pool threads inherit the check), and the slice and path grids (per row or
 * point, through {@link #checkpoint()}, keeping nothing). The flow polls its own check as a stopping event.
 */
public final class Cancellation {
    private static final BooleanSupplier NEVER = () -> false;
    private static final ThreadLocal<BooleanSupplier> CURRENT = ThreadLocal.withInitial(() -> NEVER);

    private Cancellation() {
    }

    /** Runs {@code body} on this thread with {@code cancelled} as its cancellation check (restored afterwards). */
    public static void run(BooleanSupplier cancelled, Runnable body) {
        BooleanSupplier before = CURRENT.get();
        CURRENT.set(cancelled);
        try {
            body.run();
        } finally {
            CURRENT.set(before);
        }
    }

    /** The check installed on this thread, to hand to worker threads a long operation starts ({@link #run}). */
    public static BooleanSupplier current() {
        return CURRENT.get();
    }

    /**
     * Throws {@link Cancelled} when {@link #requested()}: for loops whose partial result means nothing (a grid with
     * missing rows), so that they stop instead of running on in an abandoned thread.
     */
    public static void checkpoint() {
        if (requested()) {
            throw new Cancelled();
        }
    }

    /** Thrown by {@link #checkpoint()}: the work was cancelled and kept nothing. */
    public static final class Cancelled extends RuntimeException {
        private static final long serialVersionUID = 1L;

        /** A cancellation. */
        public Cancelled() {
            super("cancelled");
        }
    }

    /** Whether the work on this thread should stop: its check says so, or the thread was interrupted. */
    public static boolean requested() {
        return CURRENT.get().getAsBoolean() || Thread.currentThread().isInterrupted();
    }
}
