package org.flowscape.experiment;

import java.time.Instant;
import java.util.Objects;

/**
 * A finished run, ready to be committed: its {@code runs} row and its records.
 *
 * @param spec the run
 * @param outcome how it ended (the runner's verdict: the analysis's own outcome, or failed / timeout)
 * @param message one line (may be empty)
 * @param startedAt when the run started (wall clock)
 * @param wallMs how long it ran, in milliseconds
 * @param provenance where it ran
 * @param records what it wrote; empty for a run stopped hard at its time limit
 */
public record RunResult(RunSpec spec, Outcome outcome, String message, Instant startedAt, double wallMs,
                        Provenance provenance, RecordBuffer records) {
    public RunResult {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(outcome, "outcome");
        message = message == null ? "" : message;
    }
}
