package org.flowscape.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpectrumCommandTest {
    @TempDir
    Path dir;

    @Test
    void lanczosTraceAndDensityOfTheMatrixSaddle() throws Exception {
        Path theta = dir.resolve("zero.json");
        Files.writeString(theta, "[0,0,0,0,0,0,0,0,0,0,0,0]");
        JsonNode doc = EvalCommandTest.json(CliRun.of("spectrum", "--model", "linear:2x3x2", "--data",
                "identity:2,target=[[2,1],[0,1]]", "--loss", "frobenius", "--params", theta.toString(), "--top", "1",
                "--bottom", "1", "--trace", "--trace-probes", "30", "--density", "--probes", "4", "--steps", "12",
                "--json"));
        assertThat(doc.get("command").asText()).isEqualTo("spectrum");
        double big = Math.sqrt(3 + Math.sqrt(5));
        assertThat(doc.at("/lanczos/eigenvalues/0").asDouble()).isCloseTo(-big, within(1e-10));
        assertThat(doc.at("/lanczos/eigenvalues/1").asDouble()).isCloseTo(big, within(1e-10));
        assertThat(doc.at("/lanczos/status").asText()).isEqualTo("converged");
        JsonNode h = doc.at("/trace/hutchinson");
        assertThat(Math.abs(h.get("estimate").asDouble())).isLessThanOrEqualTo(3 * h.get("standard_error").asDouble()
                + 1e-12);
        assertThat(doc.at("/density/grid").size()).isEqualTo(200);
        assertThat(doc.at("/density/standard_error").size()).isEqualTo(200);
    }

    @Test
    void textOutputListsThePairs() {
        CliRun run = CliRun.of("spectrum", "--model", "mlp:3-4-2:tanh", "--data", "gaussian:n=6,d=3,k=2,seed=1",
                "--top", "2", "--bottom", "2");
        assertThat(run.exit()).as(run.describe()).isZero();
        assertThat(run.out()).contains("lanczos").contains("residual");
        CliRun bad = CliRun.of("spectrum", "--model", "mlp:3-4-2:tanh", "--data", "gaussian:n=6,d=3,k=2,seed=1",
                "--top", "0", "--bottom", "0");
        assertThat(bad.exit()).isEqualTo(ExitCodes.USER_ERROR);
    }
}
