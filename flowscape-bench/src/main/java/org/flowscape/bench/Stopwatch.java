package org.flowscape.bench;

import java.util.Arrays;

/**
 * Median-of-N wall-clock timing for the side-by-side comparisons (JMH is for careful numbers): untimed warm-up calls
 * first, so that the JIT has compiled the hot loops, then up to {@code reps} timed calls. On a loaded machine a
 * time budget cuts either phase short (after at least one call each); the number of timed calls is reported.
 */
public final class Stopwatch {
    private Stopwatch() {
    }

    /**
     * A timing in milliseconds.
     *
     * @param medianMs the median of the timed calls
     * @param minMs    the fastest timed call
     * @param reps     the number of timed calls
     */
    public record Timing(double medianMs, double minMs, int reps) {
    }

    /**
     * Runs {@code op} up to {@code warmup} times untimed, then up to {@code reps} (&ge; 1) times timed; each phase
     * stops early once it has used {@code budgetSeconds}.
     */
    public static Timing time(Runnable op, int warmup, int reps, double budgetSeconds) {
        if (reps < 1) {
            throw new IllegalArgumentException("reps must be at least 1, got " + reps);
        }
        long budget = (long) (budgetSeconds * 1e9);
        long start = System.nanoTime();
        for (int i = 0; i < warmup && (i == 0 || System.nanoTime() - start < budget); i++) {
            op.run();
        }
        double[] ms = new double[reps];
        int done = 0;
        long spent = 0;
        while (done < reps && (done == 0 || spent < budget)) {
            long t0 = System.nanoTime();
            op.run();
            long dt = System.nanoTime() - t0;
            spent += dt;
            ms[done++] = dt * 1e-6;
        }
        double[] timed = Arrays.copyOf(ms, done);
        Arrays.sort(timed);
        double median = done % 2 == 1 ? timed[done / 2] : 0.5 * (timed[done / 2 - 1] + timed[done / 2]);
        return new Timing(median, timed[0], done);
    }
}
