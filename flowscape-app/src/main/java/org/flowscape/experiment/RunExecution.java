package org.flowscape.experiment;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs one {@link RunSpec} with failure isolation and a time limit; shared by every executor. An exception from
 * the analysis becomes {@link Outcome#FAILED} with its message. With a limit, the run executes on its own daemon
 * thread: at the limit {@link RunContext#cancelled()} turns true (a polling analysis stops and reports
 * {@link Outcome#TIMEOUT} itself, keeping its partial records); if it has not returned after a grace period the
 * run is stopped hard: its thread is interrupted and abandoned (Java cannot kill a thread; an analysis that
 * neither polls nor checks interrupts keeps one core busy until it ends) and the run is recorded as
 * {@link Outcome#TIMEOUT} with no records. A failed run keeps no records either (they may be half-written).
 */
public final class RunExecution {
    private RunExecution() {
    }

    /**
     * Executes {@code spec} with {@code analysis}.
     *
     * @param analysis the analysis named by {@code spec.analysis()}
     * @param spec the run
     * @param limitSeconds the wall-clock limit; 0 or less for none
     * @param provenance recorded with the result
     * @return the result; never throws for a failure of the run itself
     */
    public static RunResult execute(Analysis analysis, RunSpec spec, double limitSeconds, Provenance provenance) {
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        Attempt attempt = new Attempt(analysis, spec);
        if (!(limitSeconds > 0)) {
            attempt.run();
            return attempt.result(started, millisSince(t0), provenance);
        }
        long limitMs = Math.max(1, Math.round(limitSeconds * 1000));
        Thread worker = new Thread(attempt, "flowscape-run " + spec.key());
        worker.setDaemon(true);
        worker.start();
        try {
            worker.join(limitMs);
            if (worker.isAlive()) {
                attempt.cancel.set(true);
                worker.join(graceMillis(limitMs));
            }
        } catch (InterruptedException e) {
            attempt.cancel.set(true);
            Thread.currentThread().interrupt();
        }
        if (worker.isAlive()) {
            worker.interrupt();
            return new RunResult(spec, Outcome.TIMEOUT, String.format(java.util.Locale.ROOT,
                    "stopped at the time limit of %.3g s (the analysis did not stop when asked; no records kept)",
                    limitSeconds), started, millisSince(t0), provenance, new RecordBuffer());
        }
        return attempt.result(started, millisSince(t0), provenance);
    }

    /**
     * How long a cancelled run may take to stop by itself (it polls between iterations, and one iteration of a
     * dense method on a loaded machine can take a while): 10% of the limit, between 1 and 5 seconds.
     */
    static long graceMillis(long limitMs) {
        return Math.min(5000, Math.max(1000, limitMs / 10));
    }

    private static double millisSince(long t0) {
        return (System.nanoTime() - t0) / 1e6;
    }

    /** One attempt at a run; its fields are read after the thread that ran it was joined. */
    private static final class Attempt implements Runnable {
        private final Analysis analysis;
        private final RunSpec spec;
        private final AtomicBoolean cancel = new AtomicBoolean();
        private final RecordBuffer records = new RecordBuffer();
        private Throwable failure;

        Attempt(Analysis analysis, RunSpec spec) {
            this.analysis = analysis;
            this.spec = spec;
        }

        @Override
        public void run() {
            try {
                org.flowscape.internal.Cancellation.run(cancel::get, () -> runAnalysis());
            } catch (Throwable t) { // failure isolation: any throwable fails this run only
                failure = t instanceof CheckedFailure c ? c.getCause() : t;
            }
        }

        /** The analysis, with checked exceptions carried out of the {@link Runnable}. */
        private void runAnalysis() {
            try {
                analysis.run(new RunContext(spec, cancel::get), records);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Exception e) {
                throw new CheckedFailure(e);
            }
        }

        RunResult result(Instant started, double wallMs, Provenance provenance) {
            if (failure instanceof org.flowscape.internal.Cancellation.Cancelled) {
                return new RunResult(spec, Outcome.TIMEOUT, "stopped at the time limit (a partial "
                        + spec.analysis() + " grid means nothing; no records kept)", started, wallMs, provenance,
                        new RecordBuffer());
            }
            if (failure != null) {
                return new RunResult(spec, Outcome.FAILED, describe(failure), started, wallMs, provenance,
                        new RecordBuffer());
            }
            return new RunResult(spec, records.outcome(), records.message(), started, wallMs, provenance, records);
        }
    }

    /**
     * One line, without Java class names: a user error (bad input, a malformed or unreadable file) is its message;
     * running out of memory or stack says so; anything else is {@code internal error: MESSAGE}.
     */
    static String describe(Throwable t) {
        String m = t.getMessage() == null || t.getMessage().isBlank() ? "" : t.getMessage();
        String line;
        if (t instanceof IllegalArgumentException || t instanceof java.io.IOException
                || t instanceof java.io.UncheckedIOException) {
            line = m.isEmpty() ? "bad input" : m;
        } else if (t instanceof OutOfMemoryError) {
            line = "ran out of memory (the JVM may use " + org.flowscape.internal.MemoryBudget.bytes(
                    org.flowscape.internal.MemoryBudget.limit()) + "); use a smaller problem or raise -Xmx";
        } else if (t instanceof StackOverflowError) {
            line = "ran out of stack; use a smaller problem";
        } else {
            line = "internal error: " + (m.isEmpty() ? "no message (FLOWSCAPE_DEBUG=1 shows where)" : m);
        }
        return line.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    /** Carries a checked exception of an analysis through {@link org.flowscape.internal.Cancellation#run}. */
    private static final class CheckedFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CheckedFailure(Exception cause) {
            super(cause);
        }
    }
}
