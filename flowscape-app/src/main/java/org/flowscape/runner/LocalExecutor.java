package org.flowscape.runner;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import org.flowscape.experiment.Analyses;
import org.flowscape.experiment.Analysis;
import org.flowscape.experiment.Provenance;
import org.flowscape.experiment.RunExecution;
import org.flowscape.experiment.RunResult;
import org.flowscape.experiment.RunSpec;
import org.flowscape.experiment.StudyExecutor;
import org.flowscape.experiment.StudyExecutors;
import org.flowscape.experiment.StudyPlan;
import org.flowscape.linalg.LinearAlgebra;
import org.flowscape.store.ResultStore;

/**
 * The {@code local} executor: a fixed pool of worker threads, one run per task, each run isolated
 * ({@link RunExecution}) and committed to {@code DIR/results.duckdb} in its own transaction as soon as it
 * finishes. Runs share no mutable state (each builds its own problem and objective), and native BLAS runs one
 * thread per worker for the duration, so results are bit-identical whatever the thread count. With
 * {@code resume}, runs already in the store are skipped.
 */
public final class LocalExecutor implements StudyExecutor {
    private final Function<String, Analysis> analyses;
    private final Consumer<RunResult> committed;

    /** The executor of {@code flowscape run} (analyses from {@link Analyses}); found by {@link StudyExecutors}. */
    public LocalExecutor() {
        this(Analyses::byName, r -> { });
    }

    /**
     * An executor with its own analysis lookup (e.g. {@code reproduce}'s claims, or tests).
     *
     * @param analyses the analysis for a name; throws {@link IllegalArgumentException} for an unknown one
     * @param committed called (on a worker thread) after each run is committed to the store
     */
    public LocalExecutor(Function<String, Analysis> analyses, Consumer<RunResult> committed) {
        this.analyses = analyses;
        this.committed = committed;
    }

    @Override
    public String name() {
        return "local";
    }

    @Override
    public void execute(StudyPlan plan, Path outDir, ExecutionOptions options) throws Exception {
        if (options.threads() < 1) {
            throw new IllegalArgumentException("--threads must be >= 1, got " + options.threads());
        }
        for (RunSpec r : plan.runs()) {
            analyses.apply(r.analysis());
        }
        try (ResultStore store = ResultStore.open(outDir)) {
            store.begin(plan, options.resume());
            Set<String> done = options.resume() ? store.finishedKeys() : Set.of();
            List<RunSpec> todo = plan.runs().stream().filter(r -> !done.contains(r.key())).toList();
            int blasThreads = LinearAlgebra.threads();
            LinearAlgebra.setThreads(1);
            try (Progress progress = Progress.start(plan.name(), plan.runs().size(), done.size(),
                    options.progress())) {
                runAll(todo, store, options, progress);
            } finally {
                LinearAlgebra.setThreads(blasThreads);
            }
        }
    }

    private void runAll(List<RunSpec> todo, ResultStore store, ExecutionOptions options, Progress progress)
            throws Exception {
        Provenance provenance = Provenance.current();
        AtomicInteger id = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(options.threads(), task -> {
            Thread t = new Thread(task, "flowscape-worker-" + id.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (RunSpec spec : todo) {
                futures.add(pool.submit(() -> {
                    RunResult r = RunExecution.execute(analyses.apply(spec.analysis()), spec,
                            options.runTimeLimitSeconds(), provenance);
                    store.write(r);
                    committed.accept(r);
                    progress.finished(r.outcome());
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                await(f);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Waits for one task; a failure to store a result stops the sweep (the store is unusable). */
    private static void await(Future<?> f) throws Exception {
        try {
            f.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception x) {
                throw x;
            }
            throw e;
        }
    }
}
