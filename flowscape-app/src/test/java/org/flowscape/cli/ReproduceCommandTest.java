package org.flowscape.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.flowscape.reproduce.Claims;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code flowscape reproduce --scale smoke}: decides every claim, writes the report, prints its path. */
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
        assertThat(run.out()).contains("report: " + out.resolve("index.html").toAbsolutePath());
        JsonNode doc = new ObjectMapper().readTree(out.resolve("results.json").toFile());
        assertThat(doc.get("claims")).hasSize(Claims.all().size());
        for (JsonNode c : doc.get("claims")) {
            assertThat(c.get("verdict").asText()).as(c.get("id") + ": " + c.get("deciding")).isIn("holds", "fails");
            assertThat(c.get("figures").size()).as(c.get("id").asText()).isGreaterThan(0);
        }
        String html = Files.readString(out.resolve("index.html"));
        assertThat(html).contains("Paper A", "id=\"fig-A4\"", "<svg", "verdicts");
        System.out.printf("reproduce --scale smoke: %.1f s wall%n", seconds);
    }

    @Test
    void unknownScaleOrPaperIsAUserError() {
        CliRun bad = CliRun.of("reproduce", "--scale", "huge", "--out", dir.toString());
        assertThat(bad.exit()).as(bad.describe()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(bad.err()).contains("smoke, default or full");
        CliRun paper = CliRun.of("reproduce", "--paper", "E", "--out", dir.toString());
        assertThat(paper.exit()).as(paper.describe()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(paper.err()).contains("A, B, C, D or all");
    }
}
