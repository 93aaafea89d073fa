package org.flowscape.experiment;

import java.nio.file.Path;

/**
 * Runs a {@link StudyPlan} and writes its records into a study directory in the store schema
 * ({@code docs/store.md}). Executors are found with {@link java.util.ServiceLoader} by {@link #name()}: the
 * local runner ships with the app, the Spark executor with the {@code flowscape-spark} module's jar.
 */
public interface StudyExecutor {
    /** The value of {@code flowscape run --executor}, e.g. {@code local} or {@code spark}. */
    String name();

    /**
     * Executes every run of {@code plan} not already finished in {@code outDir} (when {@code options.resume()}),
     * writing results there.
     *
     * @param plan the runs
     * @param outDir the study directory (created if absent)
     * @param options threads, resume, per-run time limit
     * @throws Exception when the study as a whole cannot run (a single run's failure is recorded, not thrown)
     */
    void execute(StudyPlan plan, Path outDir, ExecutionOptions options) throws Exception;

    /**
     * How to execute.
     *
     * @param threads worker threads (local) or partitions (Spark); at least 1
     * @param resume skip runs whose results are already stored
     * @param runTimeLimitSeconds per-run wall-clock limit; 0 for none
     * @param progress show a progress bar when the terminal is interactive
     */
    record ExecutionOptions(int threads, boolean resume, double runTimeLimitSeconds, boolean progress) {
    }
}
