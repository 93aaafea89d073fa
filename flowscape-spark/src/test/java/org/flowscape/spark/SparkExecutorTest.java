package org.flowscape.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.flowscape.experiment.Analyses;
import org.flowscape.experiment.Analysis;
import org.flowscape.runner.LocalExecutor;
import org.flowscape.experiment.RecordSink;
import org.flowscape.experiment.RunContext;
import org.flowscape.experiment.RunSpec;
import org.flowscape.experiment.StudyExecutor;
import org.flowscape.experiment.StudyExecutor.ExecutionOptions;
import org.flowscape.experiment.StudyExpander;
import org.flowscape.experiment.StudyFile;
import org.flowscape.experiment.StudyPlan;
import org.flowscape.report.StudyReport;
import org.flowscape.store.StoreReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small study in Spark local mode (local[2], loopback only) against the same study run by the local runner
 * ({@link LocalExecutor}, DuckDB store): every stored value must be the same bits, every table must have the columns
 * and types of {@code docs/store.md}, and a resumed study must neither rerun nor duplicate anything. The study is
 * {@code examples/studies/quick.yaml} at scale {@code smoke} (the real eval, flow, critical and spectrum analyses)
 * plus six runs of a test analysis that writes every record table, and one run that throws.
 */
class SparkExecutorTest {
    private static final AnalysisLookup LOOKUP = name -> switch (name) {
        case "descent" -> new DescentAnalysis();
        case "boom" -> new Boom();
        default -> Analyses.byName(name);
    };
    private static final ExecutionOptions TWO = new ExecutionOptions(2, false, 0, false);
    private static final ExecutionOptions RESUME = new ExecutionOptions(2, true, 0, false);

    private static SparkSession spark;
    private static StudyPlan plan;
    private static Path study;
    private static Path local;

    @BeforeAll
    static void runStudy(@TempDir Path dir) throws Exception {
        long start = System.nanoTime();
        spark = SparkExecutor.localSession("test", 2);
        System.err.printf("Spark local[2] session started in %.1f s%n", (System.nanoTime() - start) / 1e9);
        plan = plan();
        study = dir.resolve("study");
        start = System.nanoTime();
        new SparkExecutor(LOOKUP).execute(plan, study, TWO);
        System.err.printf("study of %d runs on Spark in %.1f s%n", plan.runs().size(),
                (System.nanoTime() - start) / 1e9);
        local = dir.resolve("local");
        start = System.nanoTime();
        new LocalExecutor(LOOKUP::byName, r -> { }).execute(plan, local, TWO);
        System.err.printf("the same study on the local runner in %.1f s%n", (System.nanoTime() - start) / 1e9);
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
    }

    @Test
    void everyStoredValueEqualsTheLocalRunnersBitForBit() throws Exception {
        for (StoreTable table : StoreTable.RECORDS) {
            List<List<Object>> fromLocal = DuckRows.store(local, "SELECT * FROM " + table.tableName());
            assertThat(DuckRows.parquet(study, table.tableName(), "*")).as(table.tableName())
                    .isEqualTo(fromLocal).isNotEmpty();
        }
        String stable = "run_key, analysis, params_json, seed, outcome, message, code_version, jdk, backend, "
                + "tolerances_json";
        assertThat(DuckRows.parquet(study, "runs", stable))
                .isEqualTo(DuckRows.store(local, "SELECT " + stable + " FROM runs")).hasSize(plan.runs().size());
        assertThat(DuckRows.parquet(study, "study", "*")).isEqualTo(DuckRows.store(local, "SELECT * FROM study"));
    }

    @Test
    void theRealAnalysesWroteTheirRecords() throws Exception {
        StringBuilder keys = new StringBuilder();
        for (StoreTable table : StoreTable.RECORDS) {
            keys.append(keys.length() == 0 ? "" : " UNION ALL ").append("SELECT run_key FROM ")
                    .append(table.tableName());
        }
        assertThat(DuckRows.store(local, "SELECT r.analysis, count(*) FROM runs r JOIN (" + keys
                + ") USING (run_key) GROUP BY r.analysis"))
                .extracting(row -> row.get(0)).contains("eval", "flow", "critical", "spectrum", "descent");
    }

    @Test
    void theReportOfTheParquetStoreHasTheLocalStoresFigures() throws Exception {
        List<String> fromSpark = figures(study);
        assertThat(fromSpark).isEqualTo(figures(local)).anySatisfy(f -> assertThat(f).startsWith(
                "<figure id=\"flow-loss\"").contains("<path"));
        try (StoreReader r = StoreReader.open(study)) {
            assertThat(r.fromParquet()).isTrue();
            assertThat(StudyReport.build(r).html()).contains("(Parquet)");
        }
    }

    /** The figures of the study report of {@code dir}, in page order (built in memory; nothing is written). */
    private static List<String> figures(Path dir) throws Exception {
        try (StoreReader r = StoreReader.open(dir)) {
            Matcher m = Pattern.compile("<figure id=.*?</figure>", Pattern.DOTALL).matcher(StudyReport.build(r).html());
            List<String> out = new ArrayList<>();
            while (m.find()) {
                out.add(m.group());
            }
            return out;
        }
    }

    @Test
    void failuresAndOutcomesAreStoredAsData() throws Exception {
        assertThat(DuckRows.query("SELECT run_key, outcome, message FROM read_parquet('"
                + study.resolve("parquet/runs").toAbsolutePath() + "/*.parquet') WHERE outcome <> 'ok'"))
                .contains(List.of("boom/x=1", "failed", "internal error: planted failure"))
                .anySatisfy(row -> assertThat(row.get(1)).isEqualTo("not_converged"));
        assertThat(DuckRows.query("SELECT count(*) FROM read_parquet('" + study.resolve("parquet/metrics")
                .toAbsolutePath() + "/*.parquet') WHERE run_key = 'boom/x=1'")).containsExactly(List.of(0L));
    }

    @Test
    void everyTableHasTheColumnsAndTypesOfTheStoreSchema() throws Exception {
        Map<String, Map<String, String>> documented = documentedSchema();
        // the graph_* tables are written by flowscape graph only, never by a study on Spark
        documented.keySet().removeAll(org.flowscape.store.StoreSchema.GRAPH_TABLES);
        assertThat(documented.keySet()).hasSize(StoreTable.values().length);
        for (StoreTable table : StoreTable.values()) {
            assertThat(DuckRows.parquetTypes(study, table.tableName())).as(table.tableName())
                    .containsExactlyEntriesOf(documented.get(table.tableName()));
        }
        assertThat(DuckRows.parquet(study, "schema_info", "version"))
                .containsExactly(List.of(org.flowscape.store.StoreSchema.version()));
        assertThat(DuckRows.parquet(study, "study", "name, seed, scale"))
                .containsExactly(List.of("quick", 7L, "smoke"));
        for (StoreTable table : StoreTable.values()) {
            assertThat(DuckRows.parquetTypes(study, table.tableName())).as(table.tableName())
                    .isEqualTo(DuckRows.storeTypes(local, table.tableName()));
        }
    }

    @Test
    void resumeRunsOnlyWhatIsMissingAndNeverDuplicates(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("resumed");
        List<RunSpec> runs = plan.runs();
        StudyPlan firstTwo = new StudyPlan(plan.name(), plan.seed(), plan.scale(), plan.specYaml(), runs.subList(0, 2));
        SparkExecutor executor = new SparkExecutor(LOOKUP);
        executor.execute(firstTwo, out, TWO);
        List<List<Object>> firstRows = DuckRows.parquet(out, "runs", "run_key, started_at, wall_ms");
        assertThat(firstRows).hasSize(2);
        killedStudy(out, runs.get(2), runs.get(runs.size() - 2));

        assertThatThrownBy(() -> executor.execute(plan, out, TWO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--resume");
        executor.execute(plan, out, RESUME);

        assertThat(DuckRows.parquet(out, "runs", "run_key, started_at, wall_ms")).containsAll(firstRows);
        assertThat(DuckRows.parquet(out, "runs", "run_key")).containsExactlyElementsOf(
                DuckRows.parquet(study, "runs", "run_key"));
        for (StoreTable table : StoreTable.RECORDS) {
            assertThat(DuckRows.parquet(out, table.tableName(), "*")).as(table.tableName())
                    .isEqualTo(DuckRows.parquet(study, table.tableName(), "*"));
        }
        assertThat(out.resolve(".parquet-staging")).doesNotExist();
    }

    /**
     * Leaves {@code out} as a killed study would: {@code staged}'s batch written but never committed, and
     * {@code moving}'s batch committed with only its metrics file moved into place.
     */
    private static void killedStudy(Path out, RunSpec staged, RunSpec moving) throws Exception {
        ParquetStore store = new ParquetStore(out);
        Path batch = store.newBatch();
        PartitionTask.run(0, List.of(staged).iterator(), LOOKUP, 0, batch.toString());
        batch = store.newBatch();
        List<StagedFile> files = new ArrayList<>();
        PartitionTask.run(0, List.of(moving).iterator(), LOOKUP, 0, batch.toString()).forEachRemaining(files::add);
        store.writeCommitList(batch, files);
        String metrics = files.stream().filter(f -> f.table() == StoreTable.METRICS).findFirst().orElseThrow().name();
        Files.move(batch.resolve("metrics").resolve(metrics), store.directory(StoreTable.METRICS).resolve(metrics));
    }

    @Test
    void refusesADirectoryHoldingTheLocalRunnersStore() {
        assertThatThrownBy(() -> new SparkExecutor(LOOKUP).execute(plan, local, RESUME))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("results.duckdb");
    }

    @Test
    void theServiceLoaderFindsTheSparkExecutor() {
        assertThat(ServiceLoader.load(StudyExecutor.class).stream().map(p -> p.get().name()))
                .contains("spark");
    }

    /** quick.yaml at scale smoke, six descent runs (two learning rates × three seeds) and one run that throws. */
    private static StudyPlan plan() throws IOException {
        StudyPlan quick = StudyExpander.expand(StudyFile.read(Path.of("..", "examples", "studies", "quick.yaml")),
                "smoke");
        List<RunSpec> runs = new ArrayList<>(quick.runs());
        for (String lr : List.of("0.05", "0.2")) {
            for (int seed = 1; seed <= 3; seed++) {
                Map<String, String> params = new LinkedHashMap<>();
                params.put("model", "mlp:2-3-1:tanh");
                params.put("data", "gaussian:n=20,d=2,seed=5");
                params.put("lr", lr);
                params.put("steps", "12");
                runs.add(new RunSpec("descent/lr=" + lr + "/seed=" + seed, "descent", params,
                        1000L * seed + lr.length(), Map.of("grad_tol", 1e-3)));
            }
        }
        runs.add(new RunSpec("boom/x=1", "boom", Map.of("x", "1"), 7, Map.of()));
        return new StudyPlan(quick.name(), quick.seed(), quick.scale(), quick.specYaml(), runs);
    }

    /** Table → (column → DuckDB type) as written in docs/store.md; a bare {@code run_key} is VARCHAR. */
    private static Map<String, Map<String, String>> documentedSchema() throws IOException {
        Map<String, Map<String, String>> tables = new LinkedHashMap<>();
        Pattern line = Pattern.compile("^\\| `(\\w+)` \\| [^|]+ \\| (.+) \\|$");
        Pattern column = Pattern.compile("`(\\w+)(?: ([A-Z]+))?[^`]*`(?: \\([^)]*\\))?");
        for (String text : Files.readAllLines(Path.of("..", "docs", "store.md"))) {
            Matcher m = line.matcher(text);
            if (!m.matches()) {
                continue;
            }
            Map<String, String> columns = new LinkedHashMap<>();
            Matcher c = column.matcher(m.group(2));
            while (c.find()) {
                if (c.start() == 0 || m.group(2).startsWith(", ", c.start() - 2)) {
                    columns.put(c.group(1), c.group(2) == null ? "VARCHAR" : c.group(2));
                }
            }
            tables.put(m.group(1), columns);
        }
        return tables;
    }

    /** Writes a metric, then throws: the run must be stored as failed with no records. */
    private static final class Boom implements Analysis {
        @Override
        public String name() {
            return "boom";
        }

        @Override
        public void run(RunContext context, RecordSink sink) {
            sink.metric("before_failure", 1);
            throw new IllegalStateException("planted failure");
        }
    }
}
