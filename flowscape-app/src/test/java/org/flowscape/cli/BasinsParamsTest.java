package org.flowscape.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code basins --params FILE} (Bas(W) of one network), {@code --init-scale}, {@code --init}, {@code --single-neuron}.
 */
class BasinsParamsTest {
    @TempDir
    Path tmp;

    @Test
    void basinValueOfTheGivenNetwork() throws Exception {
        Path w = tmp.resolve("w.json");
        Files.writeString(w, "[1,1,1]");
        String[] args = {"basins", "--data", "identity:2,target=[[1,-2]]", "--params", w.toString()};
        CliRun text = CliRun.of(args);
        assertThat(text.exit()).as(text.describe()).isZero();
        assertThat(text.out()).contains("Bas(W)    1.000000000").contains("kkt       certified");
        JsonNode doc = EvalCommandTest.json(CliRun.of("basins", "--data", "identity:2,target=[[1,-2]]", "--params",
                w.toString(), "--json"));
        assertThat(doc.get("basin_value").asDouble()).isCloseTo(1.0, offset(1e-12));
        assertThat(doc.get("initial_loss").asDouble()).isEqualTo(2.25);
        assertThat(doc.get("kkt").get("certified").asBoolean()).isTrue();
    }

    @Test
    void initialDistributionOptions() throws Exception {
        JsonNode doc = EvalCommandTest.json(CliRun.of("basins", "--data", "orthonormal:m=3,seed=2", "--widths", "1",
                "--inits", "20", "--init-scale", "0.5", "--init", "standard", "--single-neuron", "--json"));
        assertThat(doc.get("init").get("scale").asDouble()).isEqualTo(0.5);
        assertThat(doc.get("init").get("distribution").asText()).isEqualTo("standard");
        assertThat(doc.get("init").get("single_neuron").asBoolean()).isTrue();
        UserErrorAssert.assertUserError(CliRun.of("basins", "--data", "orthonormal:m=3,seed=2", "--single-neuron",
                "--train", "gd"), "--single-neuron");
        UserErrorAssert.assertUserError(CliRun.of("basins", "--data", "orthonormal:m=3,seed=2", "--init-scale", "0"),
                "--init-scale");
    }
}
