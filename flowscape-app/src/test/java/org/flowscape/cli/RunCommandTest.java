package org.flowscape.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.flowscape.cli.UserErrorAssert.assertUserError;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {
    private static final String QUICK = Path.of("..", "examples", "studies", "quick.yaml").toString();

    @TempDir
    Path tmp;

    private String out() {
        return tmp.resolve("out").toString();
    }

    @Test
    void runsTheExampleStudyAndExportsIt() throws Exception {
        CliRun run = CliRun.of("run", QUICK, "--scale", "smoke", "--out", out(), "--threads", "2");
        assertThat(run.exit()).as(run.describe()).isZero();
        assertThat(run.out()).contains("study quick at scale smoke: 4 of 4 runs stored (4 ok)")
                .contains("results.duckdb");
        CliRun again = CliRun.of("run", QUICK, "--scale", "smoke", "--out", out(), "--resume");
        assertThat(again.exit()).as(again.describe()).isZero();
        assertThat(again.out()).isEqualTo("study quick: nothing left to run; all 4 runs are already stored in " + out()
                + System.lineSeparator());
        CliRun csv = CliRun.of("export", out(), "--format", "csv");
        assertThat(csv.exit()).as(csv.describe()).isZero();
        assertThat(Files.readAllLines(tmp.resolve("out/csv/runs.csv"))).hasSize(5);
        CliRun parquet = CliRun.of("export", out(), "--format", "parquet");
        assertThat(parquet.exit()).as(parquet.describe()).isZero();
        assertThat(tmp.resolve("out/parquet/metrics/data.parquet")).isRegularFile();
        CliRun list = CliRun.of("run", QUICK, "--list");
        assertThat(list.out().lines()).hasSize(14).contains("eval/width=2/seed=1\tseed "
                + org.flowscape.experiment.RunKeys.seed(7, "eval/width=2/seed=1"));
    }

    @Test
    void badStudyFilesAreUserErrorsNamingTheLine() throws Exception {
        Path bad = Files.writeString(tmp.resolve("bad.yaml"), "name: x\nanalyses: [eval\n");
        assertUserError(CliRun.of("run", bad.toString()), "bad.yaml line");
        Path unknown = Files.writeString(tmp.resolve("unknown.yaml"), "name: x\nproblem: {model: "
                + "'mlp:1-2-1:tanh', data: 'smooth:n=5,d=1,seed=1'}\nanalyses: [eval]\nseeds: [1]\nthreads: 2\n");
        assertUserError(CliRun.of("run", unknown.toString()), "line 5 (threads): unknown key 'threads'");
        assertUserError(CliRun.of("run", tmp.resolve("missing.yaml").toString()), "file not found");
        assertUserError(CliRun.of("run", QUICK, "--scale", "huge"), "unknown scale 'huge'");
    }

    @Test
    void unwritableDirectoriesMissingExecutorsAndExistingResultsAreUserErrors() throws Exception {
        Path file = Files.writeString(tmp.resolve("plain"), "x");
        assertUserError(CliRun.of("run", QUICK, "--scale", "smoke", "--out", file.resolve("sub").toString()),
                "cannot write to the study directory");
        assertUserError(CliRun.of("run", QUICK, "--executor", "spark", "--out", out()), "flowscape-spark");
        assertUserError(CliRun.of("export", tmp.toString(), "--format", "csv"), "no results in");
        assertUserError(CliRun.of("export", tmp.toString(), "--format", "xml"), "--format");
    }

    @Test
    void aStoreFromANewerSchemaVersionIsRefused() throws Exception {
        assertThat(CliRun.of("run", QUICK, "--scale", "smoke", "--out", out(), "--threads", "1").exit()).isZero();
        assertUserError(CliRun.of("run", QUICK, "--scale", "smoke", "--out", out()), "pass --resume");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + tmp.resolve("out/results.duckdb"));
             Statement st = c.createStatement()) {
            st.execute("UPDATE schema_info SET version = 9");
        }
        assertUserError(CliRun.of("run", QUICK, "--scale", "smoke", "--out", out(), "--resume"),
                "schema version 9, newer than this flowscape reads (2)");
        assertUserError(CliRun.of("export", out(), "--format", "csv"), "schema version 9");
    }
}
