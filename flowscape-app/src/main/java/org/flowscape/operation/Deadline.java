package org.flowscape.operation;

import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import org.flowscape.internal.Cancellation;

/**
 * The one cancellation mechanism of the operations: a wall-clock deadline installed as the core's
 * {@link Cancellation} check while an operation runs, so that every long loop the operation reaches (polishers,
 * Lanczos, the basin Monte Carlo, the slice and path grids, the flow's stopping event) stops and keeps what it
 * finished. A command's {@code --time-limit} and a study run's time limit ({@code experiment.RunExecution}) both end
 * here: the command on its own thread, the study on the run's worker thread.
 */
public final class Deadline {
    private Deadline() {
    }

    /** A check that turns true {@code seconds} from now; never for {@code seconds} ≤ 0. */
    public static BooleanSupplier after(double seconds) {
        if (!(seconds > 0)) {
            return () -> false;
        }
        long end = System.nanoTime() + Math.round(seconds * 1e9);
        return () -> System.nanoTime() - end >= 0;
    }

    /**
     * Checks a {@code --time-limit} value.
     *
     * @throws IllegalArgumentException unless finite and ≥ 0
     */
    public static double checkLimit(double seconds) {
        if (!(seconds >= 0) || Double.isInfinite(seconds)) {
            throw new IllegalArgumentException("--time-limit must be a number of seconds >= 0 (0: none), got "
                    + seconds);
        }
        return seconds;
    }

    /** Runs {@code body} on this thread with a deadline {@code seconds} from now (none for ≤ 0). */
    public static <T> T run(double seconds, Callable<T> body) throws Exception {
        Object[] out = new Object[1];
        Exception[] failure = new Exception[1];
        Cancellation.run(after(seconds), () -> {
            try {
                out[0] = body.call();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                failure[0] = e;
            }
        });
        if (failure[0] != null) {
            throw failure[0];
        }
        @SuppressWarnings("unchecked")
        T t = (T) out[0];
        return t;
    }
}
