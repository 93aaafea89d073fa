package org.flowscape.internal;

import java.util.function.BooleanSupplier;

/**
 * Cooperative cancellation of long operations on the current thread. A runner with a time limit runs the work inside
 * {@link #run}; iterative methods (the polishers' iterations, for one) poll {@link #requested()} between steps and
 * stop, keeping what they finished, instead of being abandoned in a thread that keeps running. An interrupted thread
 * counts as cancelled too. Costs one supplier call per poll.
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

    /** Whether the work on this thread should stop: its check says so, or the thread was interrupted. */
    public static boolean requested() {
        return CURRENT.get().getAsBoolean() || Thread.currentThread().isInterrupted();
    }
}
