package org.flowscape.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.flowscape.experiment.StudyExpander;
import org.flowscape.experiment.StudyFile;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Scale-out tested as a cluster: a Spark standalone master and two one-core workers on loopback, started from the
 * Maven jars ({@link StandaloneCluster}); a study submitted as docs/spark.md says, {@code SparkSubmit --master
 * spark://… --class org.flowscape.spark.SparkMain --jars target/lib/*.jar target/flowscape-spark.jar STUDY --out DIR
 * --threads 2}; one worker killed (its executor and itself, SIGKILL) as soon as its executor runs a task. Spark
 * retries the lost task on the other worker, and the store it leaves must equal, value for value (doubles bit for
 * bit), the store {@code flowscape run} leaves on the local runner with the same jars: every column of every table
 * except the three that record when a result was made ({@code runs.started_at}, {@code runs.wall_ms},
 * {@code schema_info.created_at}). The store must also show the retry: a committed file written by task attempt 1.
 *
 * <p>Needs {@code target/flowscape-spark.jar}, {@code target/lib/} and {@code target/spark-lib/}, so it runs in
 * Maven's {@code integration-test} phase (tag {@code cluster}; {@code mvn verify} runs it, {@code mvn test} does
 * not). docs/spark.md has its measured times.
 */
@Tag("cluster")
class SparkClusterTest {
    private static final Path TARGET = Path.of("target");
    private static final Path STUDY = Path.of("src", "test", "resources", "cluster-study.yaml");
    /** Generous: on the shared build machine (load 20-40 on two cores) the cluster alone took 100 s to start. */
    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);
    /** The columns of {@code runs} compared: all but {@code started_at} and {@code wall_ms} (when, how long). */
    private static final String RUNS_COLUMNS = "run_key, analysis, params_json, seed, outcome, message, "
            + "code_version, jdk, backend, tolerances_json";

    @Test
    @Timeout(value = 20, unit = TimeUnit.MINUTES)
    void aWorkerKilledWhileItHoldsATaskLeavesTheLocalRunnersStore() throws Exception {
        for (String needed : List.of("flowscape-spark.jar", "lib", "spark-lib")) {
            assertThat(TARGET.resolve(needed)).as("built by mvn package (this test runs in mvn verify)").exists();
        }
        Path home = fresh(TARGET.resolve("cluster-test"));
        Path sparkOut = home.resolve("spark-study");
        long start = System.nanoTime();
        double childCpu = ChildCpu.seconds();
        log("load average %s", loadAverage());
        Duration executorCpu = runOnAClusterKillingAWorker(home, sparkOut, start);
        long local = System.nanoTime();
        Path localOut = home.resolve("local-study");
        runLocally(localOut, home.resolve("local.log"));
        log("the same study on the local runner (2 threads) in %.1f s", seconds(local));
        log("%.1f s in all; CPU: master, workers, driver and local run %.1f s, executors %.1f s; load average %s",
                seconds(start), ChildCpu.seconds() - childCpu, executorCpu.toMillis() / 1e3, loadAverage());

        assertThat(retriedFiles(sparkOut)).as("committed files of task attempt 1 (the retried task)").isNotEmpty();
        assertSameStore(sparkOut, localOut);
    }

    /**
     * Starts the cluster, submits the study into {@code out}, kills a worker holding a task, waits for the driver
     * to succeed and stops everything; returns the CPU time the executors used.
     */
    private static Duration runOnAClusterKillingAWorker(Path home, Path out, long start) throws Exception {
        try (StandaloneCluster cluster = StandaloneCluster.start(home, sparkJars(), 2, "512m", START_TIMEOUT)) {
            log("master %s and 2 workers up in %.1f s", cluster.masterUrl(), seconds(start));
            int ui = StandaloneCluster.freePort();
            Path driverLog = cluster.logFile("driver");
            Process driver = submit(cluster, ui, home, out, driverLog);
            try {
                String executor = killAWorkerHoldingATask(cluster, ui, driver);
                log("killed the worker of executor %s (which held a task) at %.1f s", executor, seconds(start));
                assertThat(driver.waitFor(10, TimeUnit.MINUTES)).as("driver finished").isTrue();
                assertThat(driver.exitValue()).as(StandaloneCluster.read(driverLog)).isZero();
                log("the study finished on the surviving worker at %.1f s", seconds(start));
            } finally {
                driver.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
                driver.destroyForcibly().waitFor();
            }
            cluster.close();
            return cluster.executorCpu();
        }
    }

    /** Starts the driver: SparkSubmit with Spark's jars on its class path, the application shipped with --jars. */
    private static Process submit(StandaloneCluster cluster, int ui, Path home, Path out, Path log)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(StandaloneCluster.java(), "-Xmx512m", "-cp",
                cluster.sparkClassPath(), "org.apache.spark.deploy.SparkSubmit", "--master", cluster.masterUrl(),
                "--deploy-mode", "client", "--class", "org.flowscape.spark.SparkMain",
                "--jars", String.join(",", libJars()), "--executor-memory", "512m",
                "--conf", "spark.driver.host=127.0.0.1", "--conf", "spark.driver.bindAddress=127.0.0.1",
                "--conf", "spark.ui.port=" + ui,
                TARGET.resolve("flowscape-spark.jar").toAbsolutePath().toString(),
                STUDY.toAbsolutePath().toString(), "--out", out.toString(), "--threads", "2", "--quiet"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        builder.environment().put("SPARK_LOCAL_DIRS", Files.createDirectories(home.resolve("local-driver")).toString());
        return builder.start();
    }

    /**
     * Polls the driver's REST API ({@code /api/v1/applications/APP/executors}) until an executor has an active
     * task, then kills that executor's worker; returns the executor's id.
     */
    private static String killAWorkerHoldingATask(StandaloneCluster cluster, int ui, Process driver)
            throws InterruptedException {
        String api = "http://127.0.0.1:" + ui + "/api/v1/applications";
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        String[] killed = new String[1];
        StandaloneCluster.await(deadline, "an executor running a task (driver UI port " + ui + ")", () -> {
            if (!driver.isAlive()) {
                throw new AssertionError("the driver ended (exit " + driver.exitValue()
                        + ") before an executor was seen running a task");
            }
            JsonNode apps = StandaloneCluster.getJson(api);
            if (apps.isEmpty()) {
                return null;
            }
            for (JsonNode e : StandaloneCluster.getJson(api + "/" + apps.get(0).path("id").asText() + "/executors")) {
                String id = e.path("id").asText();
                if (!id.equals("driver") && e.path("activeTasks").asInt() > 0) {
                    var worker = cluster.workerOf(id);
                    if (worker.isPresent()) {
                        cluster.kill(worker.get());
                        killed[0] = id;
                        return Boolean.TRUE;
                    }
                }
            }
            return null;
        });
        return killed[0];
    }

    /** {@code flowscape run STUDY --out DIR --threads 2} on the local runner, with the jars the executors used. */
    private static void runLocally(Path out, Path log) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(StandaloneCluster.java(), "-Xmx512m", "-cp",
                TARGET.resolve("lib").toAbsolutePath() + "/*", "org.flowscape.cli.Main", "run",
                STUDY.toAbsolutePath().toString(), "--out", out.toString(), "--threads", "2", "--quiet")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("local run finished").isTrue();
            assertThat(p.exitValue()).as(StandaloneCluster.read(log)).isZero();
        } finally {
            p.destroyForcibly();
        }
    }

    /** Every table of the Parquet store equals the local store's, but for the columns of when a result was made. */
    private static void assertSameStore(Path spark, Path local) throws Exception {
        for (StoreTable table : StoreTable.RECORDS) {
            assertThat(DuckRows.parquet(spark, table.tableName(), "*")).as(table.tableName())
                    .isEqualTo(DuckRows.store(local, "SELECT * FROM " + table.tableName())).isNotEmpty();
        }
        int runs = StudyExpander.expand(StudyFile.read(STUDY), null).runs().size();
        assertThat(DuckRows.parquet(spark, "runs", RUNS_COLUMNS)).as("runs")
                .isEqualTo(DuckRows.store(local, "SELECT " + RUNS_COLUMNS + " FROM runs")).hasSize(runs)
                .allSatisfy(row -> assertThat(row.get(4)).as(row.get(0) + " " + row.get(5)).isEqualTo("ok"));
        assertThat(DuckRows.parquet(spark, "study", "*")).as("study")
                .isEqualTo(DuckRows.store(local, "SELECT * FROM study"));
        assertThat(DuckRows.parquet(spark, "schema_info", "version, flowscape_version")).as("schema_info")
                .isEqualTo(DuckRows.store(local, "SELECT version, flowscape_version FROM schema_info"));
        for (StoreTable table : StoreTable.values()) {
            assertThat(DuckRows.parquetTypes(spark, table.tableName())).as(table.tableName())
                    .isEqualTo(DuckRows.storeTypes(local, table.tableName()));
        }
    }

    /** The committed Parquet files written by a task's second attempt ({@code part-P-STAGE-1-BATCH.parquet}). */
    private static List<Path> retriedFiles(Path study) throws IOException {
        try (Stream<Path> files = Files.walk(study.resolve("parquet"))) {
            return files.filter(f -> f.getFileName().toString().matches("part-\\d+-\\d+-1-.*\\.parquet")).toList();
        }
    }

    /**
     * What a Spark distribution's {@code jars/} would hold: {@code target/spark-lib/} (Spark, the provided
     * dependencies) and the jars of {@code target/lib/} that are not Flowscape's (Spark's dependencies that Maven
     * resolved to the application's versions, e.g. SLF4J and Jackson, together with the application's own libraries).
     * No Flowscape jar: the application reaches the executors only through {@code --jars}.
     */
    private static List<Path> sparkJars() throws IOException {
        List<Path> jars = new ArrayList<>();
        try (Stream<Path> spark = Files.list(TARGET.resolve("spark-lib")); Stream<Path> lib = Files.list(
                TARGET.resolve("lib"))) {
            jars.addAll(spark.filter(j -> j.toString().endsWith(".jar")).toList());
            jars.addAll(lib.filter(j -> j.toString().endsWith(".jar"))
                    .filter(j -> !j.getFileName().toString().startsWith("flowscape-")).toList());
        }
        return jars;
    }

    /** The application's jars, as docs/spark.md ships them with --jars. */
    private static List<String> libJars() throws IOException {
        try (Stream<Path> jars = Files.list(TARGET.resolve("lib"))) {
            return jars.filter(j -> j.toString().endsWith(".jar")).map(j -> j.toAbsolutePath().toString()).sorted()
                    .toList();
        }
    }

    /** {@code dir}, emptied. */
    private static Path fresh(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        return Files.createDirectories(dir).toAbsolutePath();
    }

    /** The system's load averages over 1, 5 and 15 minutes (Linux), or "unknown". */
    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static void log(String format, Object... args) {
        System.err.println("SparkClusterTest: " + String.format(Locale.ROOT, format, args));
    }
}
