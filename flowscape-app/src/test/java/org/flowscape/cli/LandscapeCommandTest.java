package org.flowscape.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.flowscape.cli.UserErrorAssert.assertUserError;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LandscapeCommandTest {
    static final String MODEL = "mlp:2-3-1:relu";
    static final String DATA = "gaussian:n=12,d=2,seed=1";

    @TempDir
    Path dir;

    Path params(String name, double... theta) throws Exception {
        Path p = dir.resolve(name);
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < theta.length; i++) {
            b.append(i == 0 ? "" : ",").append(theta[i]);
        }
        Files.writeString(p, b.append(']').toString());
        return p;
    }

    @Test
    void randomTwoDimensionalSliceAsJsonAndCsv() throws Exception {
        Path theta = params("t.json", 0.5, -0.3, 0.8, 0.1, -0.6, 0.4, 0.1, 0.2, -0.1, 0.7, -0.5, 0.9, 0.05);
        Path csv = dir.resolve("slice.csv");
        JsonNode doc = EvalCommandTest.json(CliRun.of("landscape", "--model", MODEL, "--data", DATA, "--params",
                theta.toString(), "--grid", "5", "--range", "0.5", "--eigs", "--seed", "3", "--json", "--csv",
                csv.toString()));
        assertThat(doc.get("command").asText()).isEqualTo("landscape");
        assertThat(doc.get("seed").asLong()).isEqualTo(3);
        JsonNode s = doc.get("slice");
        assertThat(s.get("dimension").asInt()).isEqualTo(2);
        assertThat(s.get("x").size()).isEqualTo(5);
        assertThat(s.at("/x/2").asDouble()).isZero();
        assertThat(s.at("/x/4").asDouble()).isEqualTo(0.5);
        assertThat(s.get("loss").size()).isEqualTo(5);
        assertThat(s.at("/loss/2/2").asDouble()).isEqualTo(s.get("origin_loss").asDouble());
        assertThat(s.at("/min_eigenvalue/0/0").asDouble()).isLessThanOrEqualTo(s.at("/max_eigenvalue/0/0")
                .asDouble());
        assertThat(s.get("directions").size()).isEqualTo(2);
        assertThat(Files.readAllLines(csv)).hasSize(1 + 25).first().isEqualTo("i,j,x,y,loss,min_eigenvalue,"
                + "max_eigenvalue");
        JsonNode again = EvalCommandTest.json(CliRun.of("landscape", "--model", MODEL, "--data", DATA, "--params",
                theta.toString(), "--grid", "5", "--range", "0.5", "--seed", "3", "--json"));
        assertThat(again.at("/slice/loss")).isEqualTo(s.get("loss"));
    }

    @Test
    void planeThroughThreeParamFilesAndHessianLine() throws Exception {
        Path a = params("a.json", 0.5, -0.3, 0.8, 0.1, -0.6, 0.4, 0.1, 0.2, -0.1, 0.7, -0.5, 0.9, 0.05);
        Path b = params("b.json", 0.4, -0.2, 0.8, 0.3, -0.6, 0.4, 0.1, 0.2, -0.1, 0.7, -0.5, 0.9, 0.05);
        Path c = params("c.json", 0.5, -0.3, 0.8, 0.1, -0.6, 0.4, 0.1, 0.2, -0.1, 0.7, -0.5, 0.5, 0.05);
        JsonNode doc = EvalCommandTest.json(CliRun.of("landscape", "--model", MODEL, "--data", DATA, "--params",
                a.toString(), "--directions", "points:" + a + "," + b + "," + c, "--grid", "7", "--json"));
        JsonNode s = doc.get("slice");
        assertThat(s.get("directions_kind").asText()).isEqualTo("points");
        assertThat(s.at("/anchors/0/0").asDouble()).isZero();
        assertThat(s.at("/anchors/1/0").asDouble()).isCloseTo(Math.sqrt(0.01 + 0.01 + 0.04), within(1e-12));
        CliRun line = CliRun.of("landscape", "--model", MODEL, "--data", DATA, "--params", a.toString(),
                "--directions", "hessian", "--slice", "1d", "--grid", "9");
        assertThat(line.exit()).as(line.describe()).isZero();
        assertThat(line.out()).contains("top dense Hessian eigenvectors");
    }

    /** The flow's own CSV overlays onto a random slice; its first point is θ itself, so its projection error is 0. */
    @Test
    void flowTrajectoryOverlay() throws Exception {
        Path theta = params("t.json", 0.5, -0.3, 0.8, 0.1, -0.6, 0.4, 0.1, 0.2, -0.1, 0.7, -0.5, 0.9, 0.05);
        Path flow = dir.resolve("flow.csv");
        CliRun f = CliRun.of("flow", "--model", MODEL, "--data", DATA, "--params", theta.toString(), "--method", "gd",
                "--step", "0.1", "--horizon", "2", "--samples", "5", "--csv", flow.toString());
        assertThat(f.exit()).as(f.describe()).isZero();
        JsonNode doc = EvalCommandTest.json(CliRun.of("landscape", "--model", MODEL, "--data", DATA, "--params",
                theta.toString(), "--grid", "3", "--trajectory", flow.toString(), "--json"));
        JsonNode t = doc.get("trajectory");
        assertThat(t.get("points").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(t.at("/projection_error/0").asDouble()).isLessThan(1e-12);
        assertThat(t.at("/projected_loss/0").asDouble()).isCloseTo(t.at("/true_loss/0").asDouble(), within(1e-12));
        assertThat(t.get("max_projection_error").asDouble()).isPositive();
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "t,loss\n0,1\n");
        assertUserError(CliRun.of("landscape", "--model", MODEL, "--data", DATA, "--params", theta.toString(),
                "--trajectory", bad.toString()), "theta_0");
    }

    @Test
    void badInputIsOneLineWithExitTwo() throws Exception {
        Path a = params("a.json", 0.5, -0.3, 0.8);
        assertUserError(CliRun.of("landscape", "--model", MODEL, "--data", DATA, "--params", a.toString()),
                "13");
        Path ok = params("ok.json", 0.5, -0.3, 0.8, 0.1, -0.6, 0.4, 0.1, 0.2, -0.1, 0.7, -0.5, 0.9, 0.05);
        assertUserError(CliRun.of("landscape", "--model", MODEL, "--data", DATA, "--params", ok.toString(),
                "--slice", "3d"), "1d or 2d");
        assertUserError(CliRun.of("landscape", "--model", MODEL, "--data", DATA, "--params", ok.toString(),
                "--directions", "sideways"), "random");
        assertUserError(CliRun.of("landscape", "--model", MODEL, "--data", DATA, "--params", ok.toString(),
                "--directions", "points:" + ok + "," + ok + "," + ok), "collinear");
        assertUserError(CliRun.of("landscape", "--model", MODEL, "--data", DATA, "--params", ok.toString(),
                "--grid", "1"), "grid");
    }
}
