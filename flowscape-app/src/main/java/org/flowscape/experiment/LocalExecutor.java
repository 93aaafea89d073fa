package org.flowscape.experiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
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
            Analyses.byName(r.analysis());
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

    private static void runAll(List<RunSpec> todo, ResultStore store, ExecutionOptions options, Progress progress)
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
                    RunResult r = RunExecution.execute(Analyses.byName(spec.analysis()), spec,
                            options.runTimeLimitSeconds(), provenance);
                    store.write(r);
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
