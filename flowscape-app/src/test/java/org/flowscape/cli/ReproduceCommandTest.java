package org.flowscape.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flowscape.reproduce.Claim;
import org.flowscape.reproduce.Claims;
import org.flowscape.reproduce.Judgement;
import org.flowscape.reproduce.Records;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code flowscape reproduce --scale smoke}: decides every claim, writes the report and the study store, prints their
 * paths; the store can be exported and a second run into the same directory replaces it.
 */
class ReproduceCommandTest {
    @TempDir
    Path dir;

    @Test
    void smokeScaleDecidesEveryClaimAndWritesTheReport() throws Exception {
        Path out = dir.resolve("report");
        long t0 = System.nanoTime();
        CliRun run = CliRun.of("reproduce", "--scale", "smoke", "--threads", "2", "--out", out.toString());
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertThat(run.exit()).as(run.describe()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("report: " + out.resolve("report.html").toAbsolutePath(),
                "store: " + out.resolve("results.duckdb").toAbsolutePath());
        JsonNode doc = new ObjectMapper().readTree(out.resolve("results.json").toFile());
        assertThat(doc.get("claims")).hasSize(Claims.all().size());
        for (JsonNode c : doc.get("claims")) {
            assertThat(c.get("verdict").asText()).as(c.get("id") + ": " + c.get("deciding")).isIn("holds", "fails");
            assertThat(c.get("figures").size()).as(c.get("id").asText()).isGreaterThan(0);
        }
        String html = Files.readString(out.resolve("report.html"));
        assertThat(html).contains("Paper A", "id=\"fig-A4\"", "<svg", "verdicts");
        storeHoldsEveryClaimRunAndItsMetrics(out, doc);
        CliRun export = CliRun.of("export", out.toString(), "--format", "csv");
        assertThat(export.exit()).as(export.describe()).isEqualTo(ExitCodes.OK);
        assertThat(out.resolve("csv/metrics.csv")).exists();
        CliRun again = CliRun.of("reproduce", "--paper", "D", "--scale", "smoke", "--threads", "2", "--out",
                out.toString());
        assertThat(again.exit()).as(again.describe()).isEqualTo(ExitCodes.OK);
        System.out.printf("reproduce --scale smoke: %.1f s wall%n", seconds);
    }

    /**
     * One run row per claim; every metric of results.json stored under the claim's run; D3 judged again on the
     * series and metrics read back from the store gives the same verdict and deciding text.
     */
    private static void storeHoldsEveryClaimRunAndItsMetrics(Path out, JsonNode doc) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + out.resolve("results.duckdb"));
             Statement st = c.createStatement()) {
            ResultSet runs = st.executeQuery("SELECT count(*), count(DISTINCT analysis) FROM runs "
                    + "WHERE analysis NOT IN ('verdict', 'reproduce')"); // the verdicts: ReproduceVerdictStoreTest
            runs.next();
            assertThat(runs.getInt(1)).isEqualTo(Claims.all().size());
            assertThat(runs.getInt(2)).isEqualTo(Claims.all().size());
            for (JsonNode claim : doc.get("claims")) {
                String key = "reproduce/" + claim.get("id").asText() + "/smoke";
                Records stored = new Records();
                ResultSet m = st.executeQuery("SELECT name, value FROM metrics WHERE run_key = '" + key
                        + "' ORDER BY rowid");
                while (m.next()) {
                    stored.metric(m.getString(1), m.getDouble(2));
                }
                claim.get("metrics").properties().forEach(e -> {
                    if (e.getValue().isNumber()) {
                        assertThat(stored.metric(e.getKey())).as(key + " " + e.getKey())
                                .isEqualTo(e.getValue().asDouble());
                    }
                });
                if (claim.get("id").asText().equals("D3")) {
                    ResultSet s = st.executeQuery("SELECT name, list(x ORDER BY idx), list(y ORDER BY idx) "
                            + "FROM series WHERE run_key = '" + key + "' GROUP BY name");
                    while (s.next()) {
                        stored.series(s.getString(1), doubles(s.getArray(2)), doubles(s.getArray(3)));
                    }
                    Claim d3 = Claims.byId("D3");
                    Judgement j = d3.judge(stored, d3.tolerances());
                    assertThat(j.verdict().label()).isEqualTo(claim.get("verdict").asText());
                    assertThat(j.deciding()).isEqualTo(claim.get("deciding").asText());
                    ResultSet b = st.executeQuery("SELECT count(*) FROM basins WHERE run_key = '" + key + "'");
                    b.next();
                    assertThat(b.getInt(1)).isEqualTo(3 * 3 * 100);
                }
            }
        }
    }

    private static double[] doubles(java.sql.Array a) throws Exception {
        Object[] o = (Object[]) a.getArray();
        double[] d = new double[o.length];
        for (int i = 0; i < o.length; i++) {
            d[i] = ((Number) o[i]).doubleValue();
        }
        return d;
    }

    @Test
    void unknownScaleOrPaperIsAUserError() throws Exception {
        CliRun bad = CliRun.of("reproduce", "--scale", "huge", "--out", dir.toString());
        assertThat(bad.exit()).as(bad.describe()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(bad.err()).contains("smoke, default or full");
        CliRun paper = CliRun.of("reproduce", "--paper", "E", "--out", dir.toString());
        assertThat(paper.exit()).as(paper.describe()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(paper.err()).contains("A, B, C, D or all");
        Path study = dir.resolve("study");
        Files.createDirectories(study);
        Files.writeString(study.resolve("results.duckdb"), "");
        CliRun other = CliRun.of("reproduce", "--paper", "D", "--scale", "smoke", "--out", study.toString());
        assertThat(other.exit()).as(other.describe()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(other.err()).contains("reproduce did not write", "--out");
    }
}
