package org.flowscape.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code --problem FILE.yaml}: same keys as the flags, flags override, unknown keys rejected. */
class ProblemFileOptionTest {
    @TempDir
    Path dir;

    Path yaml(String content) throws Exception {
        Path p = dir.resolve("problem.yaml");
        Files.writeString(p, content);
        return p;
    }

    @Test
    void fileGivesTheSameResultAsTheFlags() throws Exception {
        Path p = yaml("model: mlp:3-4-2:tanh\ndata: gaussian:n=6,d=3,k=2,seed=1\nloss: mse-mean\nseed: 5\n");
        JsonNode fromFile = EvalCommandTest.json(CliRun.of("eval", "--problem", p.toString(), "--json"));
        JsonNode fromFlags = EvalCommandTest.json(CliRun.of("eval", "--model", "mlp:3-4-2:tanh", "--data",
                "gaussian:n=6,d=3,k=2,seed=1", "--loss", "mse-mean", "--seed", "5", "--json"));
        assertThat(fromFile.at("/problem/loss/spec").asText()).isEqualTo("mse-mean");
        assertThat(fromFile.at("/theta/seed").asLong()).isEqualTo(5);
        assertThat(fromFile.get("loss").asDouble()).isEqualTo(fromFlags.get("loss").asDouble());
    }

    @Test
    void flagsOverrideTheFile() throws Exception {
        Path p = yaml("model: mlp:3-4-2:tanh\ndata: gaussian:n=6,d=3,k=2,seed=1\nloss: mse-mean\nseed: 5\n");
        JsonNode doc = EvalCommandTest.json(CliRun.of("eval", "--problem", p.toString(), "--loss", "mse", "--seed",
                "6", "--model", "mlp:3-5-2:tanh", "--json"));
        assertThat(doc.at("/problem/loss/spec").asText()).isEqualTo("mse");
        assertThat(doc.at("/theta/seed").asLong()).isEqualTo(6);
        assertThat(doc.at("/problem/model/spec").asText()).isEqualTo("mlp:3-5-2:tanh");
        assertThat(doc.at("/problem/data/n").asInt()).isEqualTo(6);
    }

    @Test
    void paramsFlagReplacesTheFileSeed() throws Exception {
        Path theta = dir.resolve("theta.json");
        Files.writeString(theta, java.util.Arrays.toString(new double[26]));
        Path p = yaml("model: mlp:3-4-2:tanh\ndata: gaussian:n=6,d=3,k=2,seed=1\nseed: 5\n");
        JsonNode doc = EvalCommandTest.json(CliRun.of("eval", "--problem", p.toString(), "--params",
                theta.toString(), "--json"));
        assertThat(doc.at("/theta/source").asText()).isEqualTo("file");
    }

    @Test
    void unknownKeyIsAUserErrorListingTheAllowedKeys() throws Exception {
        Path p = yaml("model: mlp:3-4-2:tanh\ndata: gaussian:n=6,d=3,k=2,seed=1\nlearning_rate: 0.1\n");
        CliRun run = CliRun.of("eval", "--problem", p.toString());
        UserErrorAssert.assertUserError(run, "learning_rate");
        assertThat(run.err()).contains("model, data, loss, seed, params");
    }

    @Test
    void malformedYamlIsAUserError() throws Exception {
        Path p = yaml("model: [unclosed\ndata: x\n");
        UserErrorAssert.assertUserError(CliRun.of("eval", "--problem", p.toString()), "not valid YAML");
    }

    @Test
    void nonIntegerSeedIsAUserError() throws Exception {
        Path p = yaml("model: mlp:3-4-2:tanh\ndata: gaussian:n=6,d=3,k=2,seed=1\nseed: 1.5\n");
        UserErrorAssert.assertUserError(CliRun.of("eval", "--problem", p.toString()), "seed");
    }

    @Test
    void missingProblemFileIsAUserError() {
        UserErrorAssert.assertUserError(CliRun.of("eval", "--problem", dir.resolve("nope.yaml").toString()),
                "file not found");
    }
}
