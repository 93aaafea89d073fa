package org.flowscape.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code --params} in each accepted format gives the same loss as the same θ in another format. */
class ParamsOptionTest {
    /** linear:2x3x1 has P = 6 + 3 = 9. */
    static final String MODEL = "linear:2x3x1";
    static final String DATA = "gaussian:n=5,d=2,seed=4";
    static final double[] THETA = {0.1, -0.2, 0.3, 0.4, -0.5, 0.6, 0.7, 0.8, -0.9};

    @TempDir
    Path dir;

    double loss(Path params) throws Exception {
        JsonNode doc = EvalCommandTest.json(CliRun.of("eval", "--model", MODEL, "--data", DATA, "--params",
                params.toString(), "--json"));
        assertThat(doc.at("/theta/file").asText()).isEqualTo(params.toString());
        return doc.get("loss").asDouble();
    }

    Path write(String name, String content) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, content);
        return p;
    }

    static String array() {
        return java.util.Arrays.toString(THETA);
    }

    @Test
    void jsonArrayAndJsonObjectAgree() throws Exception {
        double fromArray = loss(write("theta.json", array()));
        double fromObject = loss(write("theta-object.json", "{\"theta\": " + array() + ", \"note\": \"x\"}"));
        assertThat(fromArray).isFinite().isEqualTo(fromObject);
    }

    @Test
    void npyOfAnyShapeIsFlattenedInCOrder() throws Exception {
        double fromJson = loss(write("theta.json", array()));
        Path npy = dir.resolve("theta.npy");
        org.flowscape.io.Npy.write(npy, new org.flowscape.io.NpyArray(new int[] {3, 3}, THETA));
        assertThat(loss(npy)).isEqualTo(fromJson);
    }

    @Test
    void npyOfWrongLengthIsAUserError() throws Exception {
        Path npy = dir.resolve("short.npy");
        org.flowscape.io.Npy.write(npy, new org.flowscape.io.NpyArray(new int[] {2, 2}, new double[4]));
        UserErrorAssert.assertUserError(CliRun.of("eval", "--model", MODEL, "--data", DATA, "--params",
                npy.toString()), "has 4 entries");
    }

    @Test
    void wrongLengthIsAUserErrorNamingBothCounts() throws Exception {
        Path p = write("short.json", "[1, 2, 3]");
        CliRun run = CliRun.of("eval", "--model", MODEL, "--data", DATA, "--params", p.toString());
        UserErrorAssert.assertUserError(run, "has 3 entries");
        assertThat(run.err()).contains("P = 9");
    }

    @Test
    void nonNumericEntryIsAUserError() throws Exception {
        Path p = write("text.json", "[1, \"two\", 3]");
        UserErrorAssert.assertUserError(CliRun.of("eval", "--model", MODEL, "--data", DATA, "--params",
                p.toString()), "not a number");
    }

    @Test
    void malformedJsonIsAUserError() throws Exception {
        Path p = write("broken.json", "[1, 2,");
        UserErrorAssert.assertUserError(CliRun.of("eval", "--model", MODEL, "--data", DATA, "--params",
                p.toString()), "not valid JSON");
    }

    @Test
    void paramsAndSeedTogetherIsAUserError() throws Exception {
        Path p = write("theta.json", array());
        UserErrorAssert.assertUserError(CliRun.of("eval", "--model", MODEL, "--data", DATA, "--params",
                p.toString(), "--seed", "1"), "--seed");
    }
}
