package org.flowscape.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.flowscape.cli.UserErrorAssert.assertUserError;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PathCommandTest {
    @TempDir
    Path dir;

    /** The D.5 data at eps = 0.05 as CSV: (1/2, sqrt(0.1)) and (-1, 1). */
    Path data() throws Exception {
        Path p = dir.resolve("d5.csv");
        Files.writeString(p, "x,y\n0.5," + Math.sqrt(0.1) + "\n-1,1\n");
        return p;
    }

    Path params(String name, String json) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, json);
        return p;
    }

    @Test
    void straightPathIsNotMonotoneButTheConstructionIs() throws Exception {
        JsonNode doc = EvalCommandTest.json(CliRun.of("path", "--model", "mlp:1-2-1:relu:nobias", "--data",
                "csv:" + data(), "--loss", "mse-mean", "--from", params("a.json", "[2,1,1,0.1]").toString(), "--to",
                params("b.json", "[-1,1,1,0.1]").toString(), "--points", "61", "--monotone-construction", "--json"));
        assertThat(doc.get("command").asText()).isEqualTo("path");
        assertThat(doc.at("/path/monotone").asBoolean()).isFalse();
        assertThat(doc.at("/path/first_increase_lambda").asDouble()).isBetween(0.489, 0.5);
        assertThat(doc.at("/path/loss").size()).isEqualTo(61);
        JsonNode m = doc.get("monotone_construction");
        assertThat(m.get("status").asText()).isEqualTo("certified");
        assertThat(m.get("straight_monotone").asBoolean()).isFalse();
        assertThat(m.get("largest_increment").asDouble()).isNegative();
        assertThat(m.get("zero_loss").asDouble()).isCloseTo(0.55, within(1e-15));
        assertThat(doc.get("alignment").isNull()).isTrue();
    }

    @Test
    void alignmentUndoesAPlantedPermutation() throws Exception {
        // mlp:1-2-1:relu:nobias: theta = (w1, w2, v1, v2); swapping the two units gives (w2, w1, v2, v1)
        Path a = params("a.json", "[2,-0.5,1,0.3]");
        Path b = params("b.json", "[-0.5,2,0.3,1]");
        JsonNode doc = EvalCommandTest.json(CliRun.of("path", "--model", "mlp:1-2-1:relu:nobias", "--data",
                "csv:" + data(), "--from", a.toString(), "--to", b.toString(), "--points", "11", "--align",
                "--json"));
        assertThat(doc.at("/alignment/permutations/0/0").asInt()).isEqualTo(1);
        assertThat(doc.at("/alignment/function_change").asDouble()).isLessThan(1e-12);
        assertThat(doc.at("/alignment/path/barrier").asDouble()).isLessThan(1e-12);
        assertThat(doc.at("/alignment/path/barrier_above_endpoints").asDouble()).isLessThan(1e-12);
        CliRun text = CliRun.of("path", "--model", "mlp:1-2-1:relu:nobias", "--data", "csv:" + data(), "--from",
                a.toString(), "--to", b.toString(), "--align");
        assertThat(text.exit()).as(text.describe()).isZero();
        assertThat(text.out()).contains("aligned").contains("barrier");
    }

    @Test
    void badInputIsOneLineWithExitTwo() throws Exception {
        Path a = params("a.json", "[2,1,1,0.1]");
        assertUserError(CliRun.of("path", "--model", "mlp:1-2-1:relu", "--data", "csv:" + data(), "--from",
                a.toString(), "--to", a.toString()), "parameters");
        assertUserError(CliRun.of("path", "--model", "mlp:1-2-1:relu:nobias", "--data", "csv:" + data(), "--from",
                a.toString(), "--to", dir.resolve("missing.json").toString()), "not found");
        assertUserError(CliRun.of("path", "--model", "mlp:1-2-1:relu:nobias", "--data", "csv:" + data(), "--from",
                a.toString(), "--to", a.toString(), "--points", "1"), "--points");
        Path biased = params("c.json", "[2,1,0,0,1,0.1,0]");
        assertUserError(CliRun.of("path", "--model", "mlp:1-2-1:relu", "--data", "csv:" + data(), "--from",
                biased.toString(), "--to", biased.toString(), "--monotone-construction"), "bias");
    }
}
