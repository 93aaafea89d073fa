package org.flowscape.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flowscape.cli.Main;
import org.flowscape.store.StoreReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: runs the real example study {@code examples/studies/tour.yaml} (all six analyses) with the local
 * runner, then builds the report from its DuckDB store and checks that every figure the analyses call for is there
 * with data, i.e. that the names the analyses write are the names the report reads.
 */
class TourStudyTest {
    static final Path TOUR = Path.of("..", "examples", "studies", "tour.yaml");

    @TempDir
    Path tmp;

    /** Runs the tour study into {@code out}; returns out. */
    static Path runTour(Path out) throws Exception {
        StringWriter text = new StringWriter();
        picocli.CommandLine cli = Main.newCommandLine(false);
        cli.setOut(new PrintWriter(text, true));
        cli.setErr(new PrintWriter(text, true));
        int exit = cli.execute("run", TOUR.toString(), "--out", out.toString(), "--threads", "2");
        assertThat(exit).as(text.toString()).isZero();
        return out;
    }

    @Test
    void everyAnalysisReachesItsFigure() throws Exception {
        Path dir = runTour(tmp.resolve("tour"));
        try (StoreReader store = StoreReader.open(dir)) {
            assertThat(store.strings("SELECT DISTINCT analysis FROM runs WHERE outcome = 'ok' ORDER BY 1"))
                    .containsExactly("basins", "critical", "eval", "flow", "landscape", "spectrum");
            // L − L* ≈ C exp(−r t) near the minimum with r = 2 λ_min⁺(H): the fit and the prediction agree
            double[] rates = store.doubles("SELECT value FROM metrics WHERE run_key LIKE 'flow/%' "
                    + "AND name IN ('rate_fit', 'rate_predicted') ORDER BY name");
            assertThat(rates).hasSize(2);
            assertThat(rates[0]).isPositive().isCloseTo(rates[1], org.assertj.core.data.Percentage.withPercentage(5));
            assertThat(store.strings("SELECT DISTINCT params_json->>'$.\"sweep.width\"' FROM runs "
                    + "WHERE analysis = 'eval' ORDER BY 1")).containsExactly("2", "3");
        }
        String html = Files.readString(StudyReport.write(dir));
        assertThat(html).contains("Flowscape study: tour");
        for (String id : new String[] {"flow-loss", "flow-drift", "flow-rates", "critical-census",
            "basin-probability"}) {
            assertThat(figure(html, id)).as(id).contains("<path");
        }
        // the loss curve carries both rate lines
        assertThat(figure(html, "flow-loss")).contains("rate fit").contains("rate predicted");
        assertThat(html).containsPattern("id=\"spectrum-eval-width-2-seed-1-hessian\"")
                .containsPattern("id=\"spectrum-spectrum-width-2-seed-1-lanczos\"");
        assertThat(figure(html, "slice-landscape-width-2-seed-1-loss")).contains("<path");
        // landscape's 1-D 'loss' series is not a flow: only the flow run is on the loss plot
        assertThat(figure(html, "flow-loss")).doesNotContain("landscape/");
        assertThat(html).doesNotContain("no data").doesNotContain("NaN</td>");
    }

    /** The markup of figure {@code id} (from its opening tag to its closing one). */
    static String figure(String html, String id) {
        Matcher m = Pattern.compile("<figure id=\"" + Pattern.quote(id) + "\".*?</figure>", Pattern.DOTALL)
                .matcher(html);
        assertThat(m.find()).as("figure " + id + " in the report").isTrue();
        return m.group();
    }
}
