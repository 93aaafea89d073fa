package org.flowscape.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {
    @TempDir
    Path tmp;

    @Test
    void writesTheReportAndPrintsItsPath() throws Exception {
        store(tmp, 1);
        CliRun r = CliRun.of("report", tmp.toString());
        assertThat(r.exit()).as(r.describe()).isZero();
        assertThat(r.out().strip()).isEqualTo(tmp.resolve("report.html").toString());
        assertThat(Files.readString(tmp.resolve("report.html"))).contains("<h2>Runs");
    }

    @Test
    void missingDirectoryStoreOrNewerSchemaExitTwoWithOneLine() throws Exception {
        for (Path dir : new Path[] {tmp.resolve("absent"), Files.createDirectories(tmp.resolve("empty"))}) {
            CliRun r = CliRun.of("report", dir.toString());
            assertThat(r.exit()).as(r.describe()).isEqualTo(ExitCodes.USER_ERROR);
            assertThat(r.errLines()).as(r.describe()).hasSize(1);
        }
        Path newer = Files.createDirectories(tmp.resolve("newer"));
        store(newer, 9);
        CliRun r = CliRun.of("report", newer.toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(r.errLines()).singleElement().asString().contains("schema version 9");
    }

    private static void store(Path dir, int version) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("results.duckdb"));
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE schema_info (version INTEGER, created_at TIMESTAMP, flowscape_version VARCHAR)");
            s.execute("INSERT INTO schema_info VALUES (" + version + ", TIMESTAMP '2026-01-01 00:00:00', '0.1.0')");
            s.execute("CREATE TABLE runs (run_key VARCHAR, analysis VARCHAR, params_json VARCHAR, seed BIGINT, "
                    + "outcome VARCHAR, message VARCHAR, started_at TIMESTAMP, wall_ms DOUBLE, code_version VARCHAR, "
                    + "jdk VARCHAR, backend VARCHAR, tolerances_json VARCHAR)");
            s.execute("INSERT INTO runs VALUES ('eval/a', 'eval', '{}', 1, 'ok', '', TIMESTAMP '2026-01-01 00:00:00', "
                    + "3, 'v', '17', 'java', '{}')");
            for (String t : new String[] {"metrics (run_key VARCHAR, name VARCHAR, value DOUBLE)",
                "series (run_key VARCHAR, name VARCHAR, idx INTEGER, x DOUBLE, y DOUBLE)",
                "spectra (run_key VARCHAR, name VARCHAR, idx INTEGER, value DOUBLE, weight DOUBLE)",
                "critical_points (run_key VARCHAR, idx INTEGER, loss DOUBLE, grad_norm DOUBLE, morse_index INTEGER, "
                    + "nullity INTEGER, orbit_dim INTEGER, efficient BOOLEAN, certified BOOLEAN, "
                    + "cert_radius DOUBLE, lambda_min DOUBLE, lambda_max DOUBLE)",
                "basins (run_key VARCHAR, init INTEGER, width INTEGER, data VARCHAR, basin_value DOUBLE, "
                    + "kkt_gap DOUBLE, final_loss DOUBLE)",
                "grids (run_key VARCHAR, name VARCHAR, i INTEGER, j INTEGER, x DOUBLE, y DOUBLE, value DOUBLE)"}) {
                s.execute("CREATE TABLE " + t);
            }
        }
    }
}
