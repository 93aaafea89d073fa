package org.flowscape.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.flowscape.experiment.RunSpec;
import org.flowscape.experiment.Study;
import org.flowscape.experiment.StudyExecutor;
import org.flowscape.experiment.StudyExecutors;
import org.flowscape.experiment.StudyExpander;
import org.flowscape.experiment.StudyFile;
import org.flowscape.experiment.StudyPlan;
import org.flowscape.store.StoreReader;
import org.flowscape.store.StoreSchema;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code flowscape run STUDY.yaml}: expands a study file into runs and executes them with the chosen executor
 * (found with {@link java.util.ServiceLoader}), writing {@code DIR/results.duckdb}. Runs that fail, diverge or
 * time out are recorded with their outcome; the command exits 0 once every run is stored.
 */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run a study: every analysis over the sweep grid and seeds, results into a DuckDB file.",
            "Example: flowscape run examples/studies/quick.yaml --out results/quick --threads 2"})
public final class RunCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "STUDY.yaml", description = "The study file (docs/studies.md).")
    private Path studyFile;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Study directory for results.duckdb (default results/NAME, NAME from the study file).")
    private Path out;

    @Option(names = "--threads", paramLabel = "N",
            description = "Worker threads (local) or partitions (spark); default: the number of processors.")
    private Integer threads;

    @Option(names = "--resume", description = "Skip the runs already stored in DIR (same study file and scale).")
    private boolean resume;

    @Option(names = "--executor", paramLabel = "local|spark", defaultValue = "local",
            description = "Where the runs execute (default ${DEFAULT-VALUE}).")
    private String executor;

    @Option(names = "--scale", paramLabel = "NAME",
            description = "Scale preset of the study file (default: its preset 'default' if any).")
    private String scale;

    @Option(names = "--time-limit", paramLabel = "SECONDS", defaultValue = "0",
            description = "Wall-clock limit per run; a run over it is recorded as timeout (default 0: none).")
    private double timeLimit;

    @Option(names = "--list", description = "Print the run keys and seeds and exit without running.")
    private boolean list;

    @Option(names = "--quiet", description = "No progress bar.")
    private boolean quiet;

    @Override
    public Integer call() throws Exception {
        Study study = StudyFile.read(studyFile);
        StudyPlan plan = StudyExpander.expand(study, scale);
        PrintWriter o = spec.commandLine().getOut();
        if (list) {
            for (RunSpec r : plan.runs()) {
                o.println(r.key() + "\tseed " + r.seed());
            }
            o.flush();
            return ExitCodes.OK;
        }
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (n < 1) {
            throw new IllegalArgumentException("--threads must be >= 1, got " + n);
        }
        if (!(timeLimit >= 0) || !Double.isFinite(timeLimit)) {
            throw new IllegalArgumentException("--time-limit must be a number of seconds >= 0 (0: none), got "
                    + timeLimit);
        }
        StudyExecutor ex = StudyExecutors.byName(executor);
        Path dir = out != null ? out : Path.of("results", plan.name());
        long before = resume ? storedRuns(dir) : 0;
        ex.execute(plan, dir, new StudyExecutor.ExecutionOptions(n, resume, timeLimit, !quiet));
        summary(o, plan, dir, resume && storedRuns(dir) == before);
        return ExitCodes.OK;
    }

    /** The number of runs stored in {@code dir} (0 when it holds no store yet). */
    private static long storedRuns(Path dir) throws Exception {
        if (!java.nio.file.Files.exists(dir.resolve(StoreSchema.FILE))) {
            return 0;
        }
        try (StoreReader reader = StoreReader.open(dir)) {
            return reader.outcomeCounts().values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /**
     * Prints the counts by outcome and each distinct failure reason; refuses (exit 2) when any run failed, so that
     * a script notices. With {@code nothingRan} (a resume that found every run stored) it says so in one line.
     */
    private static void summary(PrintWriter o, StudyPlan plan, Path dir, boolean nothingRan) throws Exception {
        try (StoreReader reader = StoreReader.open(dir)) {
            Map<String, Long> counts = reader.outcomeCounts();
            long stored = counts.values().stream().mapToLong(Long::longValue).sum();
            Set<String> keys = plan.runs().stream().map(RunSpec::key).collect(Collectors.toSet());
            Map<String, Long> failures = reader.failureReasons();
            if (nothingRan) {
                o.printf("study %s: nothing left to run; all %d runs are already stored in %s%n", plan.name(),
                        keys.size(), dir);
                o.flush();
                refuseFailures(failures, keys.size());
                return;
            }
            o.printf("study %s%s: %d of %d runs stored (%s)%n", plan.name(),
                    plan.scale().isEmpty() ? "" : " at scale " + plan.scale(), Math.min(stored, keys.size()),
                    keys.size(), counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                            .collect(Collectors.joining(", ")));
            o.println("results  " + (reader.fromParquet() ? dir.resolve("parquet") : dir.resolve(StoreSchema.FILE))
                    + "   (flowscape export " + dir + " --format csv; docs/studies.md has example queries)");
            failures.forEach((reason, count) -> o.printf("failed   %d run%s: %s%n", count, count == 1 ? "" : "s",
                    reason));
            o.flush();
            refuseFailures(failures, keys.size());
        }
    }

    private static void refuseFailures(Map<String, Long> failures, int runs) {
        long failed = failures.values().stream().mapToLong(Long::longValue).sum();
        if (failed > 0) {
            throw new IllegalArgumentException(failed + " of " + runs + " runs failed, for " + failures.size()
                    + " reason" + (failures.size() == 1 ? "" : "s") + (failures.size() == 1
                    ? ": " + failures.keySet().iterator().next() : " (listed above)")
                    + "; fix the study file and run it again into a new --out DIR");
        }
    }
}
