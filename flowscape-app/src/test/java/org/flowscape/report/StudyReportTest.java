package org.flowscape.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudyReportTest {
    @TempDir
    Path tmp;

    @Test
    void reportShowsEverySectionFromADuckDbStore() throws Exception {
        Path dir = StoreFixture.write(tmp.resolve("study"), 1);
        Path file = StudyReport.write(dir);
        assertThat(file).isEqualTo(dir.resolve("report.html"));
        String html = Files.readString(file);
        assertThat(html).contains("Flowscape study: demo &lt;study&gt;")
                .contains("<dd>0.1.0-test</dd>").contains("<dd>17.0.15</dd>").contains("<dd>java</dd>")
                .contains("{&quot;rtol&quot;:1e-10}")
                .contains("<td class=\"tone-bad\">failed</td>").contains("NaN in data")
                .contains("<td class=\"tone-warn\">not_converged</td>")
                .contains("id=\"flow-loss\"").contains("id=\"flow-drift\"").contains("id=\"flow-rates\"")
                .contains("id=\"spectrum-spectrum-a-hessian\"").contains("id=\"spectrum-spectrum-a-slq\"")
                .contains("id=\"critical-census\"").contains("id=\"slice-landscape-a-loss\"")
                .contains("id=\"basin-probability\"")
                .contains("flow/seed=1: rate fit 0.8").contains("flow/seed=2: rate predicted 1.68");
        // drift(0) = 0 cannot sit on the log axis, and the caption says so
        assertThat(html).contains("&#39;flow/seed=1&#39;: 1 point(s) with values \u2264 0 not drawn");
        // flow summary: 3 flow runs, one row per outcome, 1.5 s each
        assertThat(html).contains("<td>flow</td><td class=\"tone-good\">ok</td><td class=\"num\">1</td>"
                + "<td class=\"num\">1.5</td>");
        // critical census: index 0 has 2 points, one of nullity 1
        assertThat(html).contains("<tr><td class=\"num\">0</td><td class=\"num\">0</td><td class=\"num\">1</td>");
        // basins: 0 of 10 good at width 2: Wilson upper bound z²/(n + z²) = 0.2775; 7 of 10 at width 8
        assertThat(html).contains("[0, 0.2775]").contains("<td class=\"num\">0.7</td>");
        assertThat(Files.readString(StudyReport.write(dir))).isEqualTo(html);
    }

    @Test
    void parquetTablesGiveTheSamePage() throws Exception {
        Path db = StoreFixture.write(tmp.resolve("db"), 1);
        Path pq = StoreFixture.toParquet(db, tmp.resolve("pq"));
        String a = Files.readString(StudyReport.write(db));
        String b = Files.readString(StudyReport.write(pq));
        String source = "(Parquet)";
        assertThat(b).contains(source);
        assertThat(b.replaceAll("<dd>[^<]*</dd>", "")).isEqualTo(a.replaceAll("<dd>[^<]*</dd>", ""));
    }

    @Test
    void wilsonIntervalMatchesTheClosedForm() {
        double z = StudySections.Z95;
        // the report's bands come from the one Wilson interval (org.flowscape.geometry.basins.Wilson)
        org.flowscape.geometry.basins.Wilson none = org.flowscape.geometry.basins.Wilson.of(0, 10, z);
        assertThat(none.lower()).isEqualTo(0.0);
        assertThat(none.upper()).isCloseTo(z * z / (10 + z * z), org.assertj.core.data.Offset.offset(1e-14));
        org.flowscape.geometry.basins.Wilson half = org.flowscape.geometry.basins.Wilson.of(50, 100, z);
        assertThat(half.lower() + half.upper()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-14));
        // known value: 50/100 at 95 % gives [0.4038, 0.5962]
        assertThat(half.lower()).isCloseTo(0.40383, org.assertj.core.data.Offset.offset(1e-5));
    }

    @Test
    void newerSchemaAndMissingStoreAreUserErrors() throws Exception {
        Path dir = StoreFixture.write(tmp.resolve("new"), 3);
        assertThatThrownBy(() -> StudyReport.write(dir)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("schema version 3, newer than");
        Files.createDirectories(tmp.resolve("empty"));
        assertThatThrownBy(() -> StudyReport.write(tmp.resolve("empty"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no results in");
        assertThatThrownBy(() -> StudyReport.write(tmp.resolve("absent")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("study directory not found");
    }
}
