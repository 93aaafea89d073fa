package org.flowscape.spark;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.flowscape.experiment.Provenance;
import org.flowscape.experiment.RunSpec;
import org.flowscape.experiment.StudyExecutor;
import org.flowscape.experiment.StudyPlan;
import org.flowscape.linalg.LinearAlgebra;
import org.flowscape.store.ResultStore;
import org.flowscape.store.StoreSchema;

/**
 * Runs a study on Apache Spark ({@code flowscape run --executor spark}, or {@link SparkMain} under
 * {@code spark-submit}). The plan's runs are spread over {@code options.threads()} partitions; each run executes on
 * a Spark executor exactly as the local runner executes it in-process ({@link RunTask}), so its records are the
 * same bits. Each task writes its runs' rows as Parquet files into staging ({@link PartitionTask}); the driver then
 * commits them into {@code DIR/parquet/TABLE/} ({@link ParquetStore}), the {@code runs} files last, so a run counts
 * as finished only once all its records are stored.
 *
 * <p>Uses the active Spark session when there is one (tests, notebooks); otherwise starts one with spark-submit's
 * settings, or a local one ({@code local[threads]}, bound to 127.0.0.1, no web UI), and stops it when done.
 * Cost: Spark's start (seconds), the runs themselves, and one Spark job per study.
 */
public final class SparkExecutor implements StudyExecutor {
    private final AnalysisLookup lookup;

    /** The executor with the application's analysis registry (what {@link java.util.ServiceLoader} creates). */
    public SparkExecutor() {
        this(AnalysisLookup.registry());
    }

    /** The executor with a given analysis lookup (it travels to the Spark executors: keep it small). */
    public SparkExecutor(AnalysisLookup lookup) {
        this.lookup = lookup;
    }

    @Override
    public String name() {
        return "spark";
    }

    /**
     * {@inheritDoc} The store is checked and prepared before Spark starts, so a refused directory or a study with
     * nothing left to run costs no Spark start.
     */
    @Override
    public void execute(StudyPlan plan, Path outDir, ExecutionOptions options) throws Exception {
        SparkSession[] owned = new SparkSession[1];
        try {
            execute(() -> {
                scala.Option<SparkSession> running = SparkSession.getActiveSession();
                if (running.isEmpty()) {
                    running = SparkSession.getDefaultSession();
                }
                if (running.isDefined()) {
                    return running.get();
                }
                owned[0] = localSession(plan.name(), options.threads());
                return owned[0];
            }, plan, outDir, options);
        } finally {
            if (owned[0] != null) {
                owned[0].stop();
            }
        }
    }

    /**
     * Runs {@code plan} in the given session: one Spark job for the runs; the driver reads and commits the store.
     *
     * @throws IllegalArgumentException when {@code outDir} already holds results and {@code options.resume()} is
     *     false, when it holds another study's results or a local runner's store, or when a run names an unknown
     *     analysis
     * @throws IOException when the store cannot be written
     */
    public void execute(SparkSession spark, StudyPlan plan, Path outDir, ExecutionOptions options)
            throws IOException {
        execute(() -> spark, plan, outDir, options);
    }

    private void execute(Supplier<SparkSession> spark, StudyPlan plan, Path outDir, ExecutionOptions options)
            throws IOException {
        if (options.threads() < 1) {
            throw new IllegalArgumentException("--threads (the number of partitions) must be >= 1, got "
                    + options.threads());
        }
        for (String analysis : plan.runs().stream().map(RunSpec::analysis).distinct().toList()) {
            lookup.byName(analysis);
        }
        Path dir = ResultStore.prepareDirectory(outDir);
        try (FileChannel lockFile = FileChannel.open(dir.resolve(".flowscape-spark.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock lock = tryLock(lockFile)) {
            if (lock == null) {
                throw new IllegalArgumentException(outDir + " is in use by another flowscape run; wait for it to "
                        + "finish, or choose another --out DIR");
            }
            executeLocked(spark, plan, dir, options);
        }
    }

    /** The directory's lock, or null when another run (in any process) holds it. */
    private static FileLock tryLock(FileChannel file) throws IOException {
        try {
            return file.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException heldHere) {
            return null;
        }
    }

    /** The body of {@code execute}, run while holding the study directory's lock. */
    private void executeLocked(Supplier<SparkSession> spark, StudyPlan plan, Path outDir, ExecutionOptions options)
            throws IOException {
        if (java.nio.file.Files.exists(outDir.resolve(StoreSchema.FILE))) {
            throw new IllegalArgumentException(outDir + " holds the local runner's " + StoreSchema.FILE
                    + " (readers would show that, not the Spark results); choose another --out DIR");
        }
        ParquetStore store = new ParquetStore(outDir);
        store.recover();
        Set<String> finished = store.finishedKeys();
        checkResumable(store, plan, outDir, finished.size(), options.resume());
        store.createIfAbsent(StoreTable.SCHEMA_INFO, List.of(RowFactory.create(StoreSchema.version(),
                LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS), Provenance.current().codeVersion())));
        store.createIfAbsent(StoreTable.STUDY, List.of(RowFactory.create(plan.name(),
                Objects.toString(plan.specYaml(), ""), plan.seed(), Objects.toString(plan.scale(), ""))));
        List<RunSpec> pending = plan.runs().stream().filter(r -> !finished.contains(r.key())).toList();
        if (!pending.isEmpty()) {
            runAndCommit(spark.get(), store, pending, options);
        }
        for (StoreTable table : StoreTable.values()) {
            store.createIfAbsent(table, List.of());
        }
    }

    /** The local runner's rule: results are continued only with resume, and only by the same study and scale. */
    private static void checkResumable(ParquetStore store, StudyPlan plan, Path outDir, int finished, boolean resume)
            throws IOException {
        if (finished == 0) {
            return;
        }
        if (!resume) {
            throw new IllegalArgumentException(outDir + " already holds " + finished + " runs; pass --resume to "
                    + "continue that study, or choose another --out DIR");
        }
        List<Object> same = List.of(plan.name(), Objects.toString(plan.specYaml(), ""), plan.seed(),
                Objects.toString(plan.scale(), ""));
        if (!store.study().map(same::equals).orElse(true)) {
            throw new IllegalArgumentException(outDir + " holds results of a different study file or scale; "
                    + "--resume continues only the study as first run: use that file and --scale, or choose "
                    + "another --out DIR");
        }
    }

    private void runAndCommit(SparkSession spark, ParquetStore store, List<RunSpec> pending, ExecutionOptions options)
            throws IOException {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        int partitions = Math.max(1, Math.min(options.threads(), pending.size()));
        AnalysisLookup analyses = lookup;
        double limit = options.runTimeLimitSeconds();
        Path batch = store.newBatch();
        String staging = batch.toString();
        int blasThreads = LinearAlgebra.threads();
        List<StagedFile> files;
        try {
            files = jsc.parallelize(pending, partitions)
                    .mapPartitionsWithIndex((i, specs) -> PartitionTask.run(i, specs, analyses, limit, staging), false)
                    .collect();
        } finally {
            LinearAlgebra.setThreads(blasThreads);
        }
        store.commit(batch, files);
    }

    /**
     * The session to run in when none is active: spark-submit's settings ({@code spark.*} system properties) when
     * given, otherwise {@code local[threads]}. A local master is kept to loopback (driver host and bind address
     * 127.0.0.1), without the web UI and with {@code threads} shuffle partitions, unless those are set.
     */
    static SparkSession localSession(String appName, int threads) {
        SparkConf conf = new SparkConf()
                .setIfMissing("spark.master", "local[" + Math.max(1, threads) + "]")
                .setIfMissing("spark.app.name", "flowscape " + appName);
        if (conf.get("spark.master").startsWith("local")) {
            conf.setIfMissing("spark.driver.host", "127.0.0.1")
                    .setIfMissing("spark.driver.bindAddress", "127.0.0.1")
                    .setIfMissing("spark.ui.enabled", "false")
                    .setIfMissing("spark.sql.shuffle.partitions", Integer.toString(Math.max(1, threads)));
        }
        return SparkSession.builder().config(conf).getOrCreate();
    }
}
