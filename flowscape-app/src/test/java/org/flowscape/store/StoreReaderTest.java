package org.flowscape.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreReaderTest {
    @TempDir
    Path tmp;

    /** Writes {@code dir/parquet/runs/part-0/x.parquet} (a nested file, as partitioned writers leave) only. */
    private Path runsOnly(Path dir) throws Exception {
        Path runs = Files.createDirectories(dir.resolve("parquet/runs/part-0"));
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute(StoreSchema.ddl("runs"));
            s.execute("INSERT INTO runs VALUES ('a/seed=1', 'eval', '{}', 1, 'ok', '', "
                    + "TIMESTAMP '2026-11-23 12:00:00', 1.0, 'v', '17', 'java', '{}'), ('b/seed=1', 'eval', '{}', 2, 'failed', 'x', "
                    + "TIMESTAMP '2026-11-23 12:00:00', 1.0, 'v', '17', 'java', '{}')");
            s.execute("COPY runs TO '" + runs.resolve("x.parquet") + "' (FORMAT PARQUET)");
        }
        return dir;
    }

    @Test
    void missingRecordTablesReadAsEmptyAndAMissingSchemaInfoIsNoted() throws Exception {
        try (StoreReader r = StoreReader.open(runsOnly(tmp.resolve("s")))) {
            assertThat(r.fromParquet()).isTrue();
            assertThat(r.source()).endsWith("(Parquet)");
            assertThat(r.outcomeCounts()).isEqualTo(Map.of("failed", 1L, "ok", 1L));
            for (String t : StoreSchema.RECORD_TABLES) {
                assertThat(r.rows("SELECT * FROM " + t)).as(t).isEmpty();
            }
            assertThat(r.hasTable("study")).isTrue();
            assertThat(r.hasTable("schema_info")).isFalse();
            assertThat(r.schemaVersion()).isZero();
            assertThat(r.notes()).singleElement().asString().contains("no schema_info row");
            assertThat(r.doubles("SELECT seed FROM runs ORDER BY seed")).containsExactly(1.0, 2.0);
            assertThat(r.strings("SELECT message FROM runs WHERE outcome = ?", "failed")).containsExactly("x");
        }
    }

    @Test
    void aDirectoryWithoutRunsOrStoreIsAUserError() throws Exception {
        Files.createDirectories(tmp.resolve("e/parquet/metrics"));
        assertThatThrownBy(() -> StoreReader.open(tmp.resolve("e"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has no runs table");
        assertThatThrownBy(() -> StoreReader.open(tmp.resolve("none"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("study directory not found");
    }
}
