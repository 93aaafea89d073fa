package org.flowscape.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.flowscape.experiment.BasinRow;
import org.flowscape.experiment.CriticalPointRow;
import org.flowscape.experiment.Outcome;
import org.flowscape.experiment.Provenance;
import org.flowscape.experiment.RecordBuffer;
import org.flowscape.experiment.RunResult;
import org.flowscape.experiment.RunSpec;
import org.flowscape.experiment.StudyPlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultStoreTest {
    @TempDir
    Path dir;

    private static final double AWKWARD = Math.nextUp(0.1) * Math.PI; // no short decimal form

    private static RunResult result(String key) {
        RecordBuffer b = new RecordBuffer();
        b.metric("final_loss", AWKWARD);
        b.metric("not_computed", Double.NaN);
        b.series("loss", new double[] {0, 0.5}, new double[] {1, Double.MIN_VALUE});
        b.spectrum("hessian", new double[] {-1e-300, 2}, new double[] {1, 1});
        b.criticalPoint(new CriticalPointRow(0, 0.25, 1e-13, 1, 2, 2, true, false, Double.NaN, -0.5, 3));
        b.basin(new BasinRow(3, 8, "gaussian:n=5", 0.125, 1e-12, Double.NaN));
        b.grid("slice", new double[] {0, 1}, new double[] {-1, 0, 1}, new double[][] {{1, 2, 3}, {4, 5, AWKWARD}});
        b.outcome(Outcome.NOT_CONVERGED, "horizon");
        RunSpec spec = new RunSpec(key, "flow", Map.of("model", "mlp:1-2-1:tanh", "b", "x"), 42,
                Map.of("rtol", 1e-9));
        return new RunResult(spec, b.outcome(), b.message(), Instant.parse("2026-01-02T03:04:05Z"), 12.5,
                new Provenance("1.0", "17", "java"), b);
    }

    private static StudyPlan plan() {
        return new StudyPlan("s", 1, "", "name: s", List.of());
    }

    @Test
    void aRunRoundTripsBitForBit() throws Exception {
        try (ResultStore s = ResultStore.open(dir)) {
            s.begin(plan(), false);
            s.write(result("a"));
        }
        List<String> rows = StoreDump.rows(dir);
        assertThat(rows).contains("metrics | a | final_loss | " + Long.toHexString(Double.doubleToRawLongBits(AWKWARD)),
                "metrics | a | not_computed | 7ff8000000000000",
                "series | a | loss | 1 | " + Long.toHexString(Double.doubleToRawLongBits(0.5)) + " | 1");
        assertThat(rows.stream().filter(r -> r.startsWith("grids"))).hasSize(6);
        assertThat(rows.stream().filter(r -> r.startsWith("runs"))).containsExactly(
                "runs | a | flow | {\"b\":\"x\",\"model\":\"mlp:1-2-1:tanh\"} | 42 | not_converged | horizon "
                        + "| 1.0 | 17 | java | {\"rtol\":1.0E-9}");
        assertThat(rows.stream().filter(r -> r.startsWith("critical_points"))).containsExactly(
                "critical_points | a | 0 | 3fd0000000000000 | " + Long.toHexString(Double.doubleToRawLongBits(1e-13))
                        + " | 1 | 2 | 2 | true | false | 7ff8000000000000 | bfe0000000000000 | 4008000000000000");
    }

    @Test
    void aFailedWriteLeavesNothingOfThatRun() throws Exception {
        try (ResultStore s = ResultStore.open(dir)) {
            s.begin(plan(), false);
            s.write(result("a"));
            assertThatThrownBy(() -> s.write(result("a"))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("cannot write the results store").hasMessageContaining("Duplicate key")
                    .hasMessageEndingWith("; the runs committed before are kept")
                    .hasCauseInstanceOf(java.sql.SQLException.class);
            s.write(result("b"));
            assertThat(s.finishedKeys()).containsExactly("a", "b");
        }
        List<String> rows = StoreDump.rows(dir);
        assertThat(rows.stream().filter(r -> r.startsWith("metrics | a"))).hasSize(2); // not 4
        assertThat(rows.stream().filter(r -> r.startsWith("grids | b"))).hasSize(6);
    }

    @Test
    void aWriteThatEndsTheTransactionReportsItsOwnCauseNotTheRollback() throws Exception {
        ResultStore s = ResultStore.open(dir);
        s.begin(plan(), false);
        s.write(result("a"));
        s.close(); // the write fails, and so does the rollback: the first failure is the one told
        assertThatThrownBy(() -> s.write(result("b"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot write the results store").hasMessageNotContaining("rollback");
        assertThat(StoreDump.rows(dir).stream().filter(r -> r.startsWith("runs | a"))).hasSize(1);
    }

    @Test
    void resumeAcceptsTheSameStudyWithOnlyCommentsChanged() throws Exception {
        try (ResultStore s = ResultStore.open(dir)) {
            s.begin(new StudyPlan("s", 1, "", "name: s\nseeds: [1]\n", List.of()), false);
            s.write(result("a"));
        }
        try (ResultStore s = ResultStore.open(dir)) {
            s.begin(new StudyPlan("s", 1, "", "# a new comment\nname: s   # and another\nseeds: [ 1 ]\n", List.of()),
                    true);
            assertThatThrownBy(() -> s.begin(new StudyPlan("s", 1, "", "name: s\nseeds: [2]\n", List.of()), true))
                    .hasMessageContaining("different study file or scale");
        }
    }

    @Test
    void aStoreWithResultsIsContinuedOnlyWithResumeAndTheSameStudy() throws Exception {
        try (ResultStore s = ResultStore.open(dir)) {
            s.begin(plan(), false);
            s.write(result("a"));
        }
        try (ResultStore s = ResultStore.open(dir)) {
            assertThatThrownBy(() -> s.begin(plan(), false))
                    .hasMessageContaining("already holds 1 runs; pass --resume");
            assertThatThrownBy(() -> s.begin(new StudyPlan("s", 2, "", "name: s", List.of()), true))
                    .hasMessageContaining("different study file or scale");
            s.begin(plan(), true);
        }
    }

    @Test
    void aNewerSchemaVersionIsRefused() throws Exception {
        ResultStore.open(dir).close();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + dir.resolve(StoreSchema.FILE));
             Statement st = c.createStatement()) {
            st.execute("UPDATE schema_info SET version = 3");
        }
        assertThatThrownBy(() -> ResultStore.open(dir)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("schema version 3, newer than this flowscape reads (2)");
        assertThatThrownBy(() -> StoreReader.open(dir)).hasMessageContaining("schema version 3");
    }

    @Test
    void exportsToCsvAndParquetAndReadsParquetBackUnchanged() throws Exception {
        try (ResultStore s = ResultStore.open(dir)) {
            s.begin(plan(), false);
            s.write(result("a"));
            s.write(result("b"));
        }
        List<String> original = StoreDump.rows(dir);
        List<Path> csv = Exporter.export(dir, Exporter.Format.CSV);
        assertThat(csv).hasSize(StoreSchema.TABLES.size());
        assertThat(Files.readAllLines(dir.resolve("csv/metrics.csv")).get(0)).isEqualTo("run_key,name,value");
        assertThat(Files.readAllLines(dir.resolve("csv/metrics.csv"))).hasSize(5);
        Exporter.export(dir, Exporter.Format.PARQUET);
        Path copy = dir.resolve("copy");
        Files.createDirectories(copy);
        Files.move(dir.resolve("parquet"), copy.resolve("parquet"));
        assertThat(StoreDump.rows(copy)).isEqualTo(original);
        try (StoreReader r = StoreReader.open(copy); Statement st = r.connection().createStatement();
             ResultSet rs = st.executeQuery("SELECT version FROM schema_info")) {
            assertThat(r.fromParquet()).isTrue();
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(StoreSchema.VERSION);
        }
    }

    @Test
    void anUnwritableDirectoryIsAUserError() throws Exception {
        Path file = Files.writeString(dir.resolve("plain-file"), "x");
        assertThatThrownBy(() -> ResultStore.open(file.resolve("sub"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot write to the study directory").hasMessageContaining("--out");
    }
}
