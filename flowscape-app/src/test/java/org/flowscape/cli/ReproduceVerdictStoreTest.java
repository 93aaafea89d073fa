package org.flowscape.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flowscape.reproduce.Claims;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code reproduce} stores its verdicts, deciding text and figure data beside its runs, and {@code flowscape report}
 * on the directory draws the same verdict page from the store alone (not the generic study page).
 */
class ReproduceVerdictStoreTest {
    @TempDir
    Path dir;

    @Test
    void reportOnAReproductionDrawsTheVerdictPageFromTheStore() throws Exception {
        Path out = dir.resolve("d");
        CliRun run = CliRun.of("reproduce", "--paper", "D", "--scale", "smoke", "--threads", "2", "--out",
                out.toString());
        assertThat(run.exit()).as(run.describe()).isEqualTo(ExitCodes.OK);
        String written = Files.readString(out.resolve("report.html"));
        int claims = Claims.ofPaper("D").size();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + out.resolve("results.duckdb"));
             Statement st = c.createStatement()) {
            ResultSet v = st.executeQuery("SELECT count(*), count(*) FILTER (WHERE message LIKE 'holds: %' OR "
                    + "message LIKE 'fails: %' OR message LIKE 'inconclusive: %') FROM runs "
                    + "WHERE analysis = 'verdict'");
            v.next();
            assertThat(v.getInt(1)).isEqualTo(claims);
            assertThat(v.getInt(2)).isEqualTo(claims);
            ResultSet f = st.executeQuery("SELECT count(DISTINCT name) FROM series WHERE run_key LIKE 'verdict/%' "
                    + "AND name LIKE 'figure:%'");
            f.next();
            assertThat(f.getInt(1)).isGreaterThan(0);
            ResultSet m = st.executeQuery("SELECT count(*) FROM metrics WHERE run_key LIKE 'verdict/%' "
                    + "AND name = 'verdict' AND value IN (1, 0, -1)");
            m.next();
            assertThat(m.getInt(1)).isEqualTo(claims);
        }
        Files.delete(out.resolve("report.html"));
        Files.delete(out.resolve("results.json")); // the page must come from the store alone
        CliRun report = CliRun.of("report", out.toString());
        assertThat(report.exit()).as(report.describe()).isEqualTo(ExitCodes.OK);
        String drawn = Files.readString(out.resolve("report.html"));
        assertThat(drawn).contains("Flowscape reproduce", "verdicts", "Paper D");
        assertThat(drawn).isEqualTo(written);
    }
}
