package org.flowscape.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlowCommandTest {
    private static final String PRODUCT_DATA = "identity:1,target=[[3]]";

    private static Path params(Path dir, String json) throws Exception {
        Path p = dir.resolve("theta.json");
        Files.writeString(p, json);
        return p;
    }

    @Test
    void productModelReachesTheLossTargetWithItsPredictedRate(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("traj.csv");
        JsonNode doc = EvalCommandTest.json(CliRun.of("flow", "--model", "product:2", "--data", PRODUCT_DATA,
                "--loss", "frobenius", "--params", params(dir, "[1, 0.25]").toString(), "--method", "dopri853",
                "--rtol", "1e-12", "--atol", "1e-14", "--until-loss", "1e-20", "--horizon", "10",
                "--monitor", "imbalance,pl", "--samples", "11", "--csv", csv.toString(), "--json"));
        assertThat(doc.get("command").asText()).isEqualTo("flow");
        assertThat(doc.get("status").asText()).isEqualTo("LOSS_REACHED");
        assertThat(doc.get("loss").asDouble()).isLessThanOrEqualTo(1e-20 * (1 + 1e-6));
        assertThat(doc.at("/invariants/1/name").asText()).isEqualTo("imbalance c");
        assertThat(doc.at("/invariants/1/relative_drift").asDouble()).isLessThan(1e-9);
        double predicted = doc.at("/rate/predictions").get("2 f''(z*) sqrt(c + 4 z*^2) (product model)").asDouble();
        assertThat(predicted).isCloseTo(2 * Math.sqrt(0.87890625 + 36), within(1e-12));
        assertThat(doc.at("/rate/fitted").asDouble()).isCloseTo(predicted, within(1e-3 * predicted));
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo("t,loss,grad_norm,theta_0,theta_1");
        assertThat(lines.size()).isBetween(2, 12);
    }

    @Test
    void textSummaryOfGradientDescentWithMonitors() {
        CliRun run = CliRun.of("flow", "--model", "linear:3x4x2", "--data", "gaussian:n=6,d=3,k=2,seed=1",
                "--seed", "2", "--method", "gd", "--step", "0.05", "--horizon", "5", "--monitor",
                "imbalance,ntk,sharpness");
        assertThat(run.exit()).as(run.describe()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).contains("outcome  HORIZON_REACHED").contains("100 steps").contains("drift    C_1")
                .contains("ntk").contains("2/eta = 40").contains("descent factor");
    }

    @Test
    void divergenceIsReportedAsAnOutcome() throws Exception {
        JsonNode doc = EvalCommandTest.json(CliRun.of("flow", "--model", "linear:3x1", "--data",
                "gaussian:n=6,d=3,seed=1", "--seed", "1", "--method", "gd", "--step", "100", "--horizon", "1e6",
                "--norm-bound", "1e6", "--json"));
        assertThat(doc.get("status").asText()).isEqualTo("NORM_EXCEEDED");
    }

    @Test
    void autoMethodReportsItsChoice() throws Exception {
        JsonNode doc = EvalCommandTest.json(CliRun.of("flow", "--model", "mlp:2-3-1:tanh", "--data",
                "gaussian:n=5,d=2,seed=1", "--horizon", "2", "--json"));
        assertThat(doc.get("choice").asText()).startsWith("auto");
        assertThat(doc.get("status").asText()).isEqualTo("HORIZON_REACHED");
        assertThat(doc.get("time").asDouble()).isEqualTo(2.0);
    }

    @Test
    void userErrorsAreOneLine() {
        for (String[] args : new String[][] {
            {"flow", "--model", "product:2", "--data", PRODUCT_DATA, "--method", "euler"},
            {"flow", "--model", "product:2", "--data", PRODUCT_DATA, "--method", "rk4"},
            {"flow", "--model", "product:2", "--data", PRODUCT_DATA, "--method", "gd"},
            {"flow", "--model", "product:2", "--data", PRODUCT_DATA, "--monitor", "wobble"},
            {"flow", "--model", "mlp:1-2-1:tanh", "--data", PRODUCT_DATA, "--monitor", "imbalance"}}) {
            CliRun run = CliRun.of(args);
            assertThat(run.exit()).as(run.describe()).isEqualTo(ExitCodes.USER_ERROR);
            assertThat(run.errLines()).as(run.describe()).hasSize(1);
        }
    }

    @Test
    void edgeOfStabilityMonitorListsCrossingsOfTwoOverEta() throws Exception {
        JsonNode doc = EvalCommandTest.json(CliRun.of("flow", "--model", "mlp:1-8-1:tanh", "--data",
                "smooth:n=20,d=1,seed=3", "--seed", "4", "--method", "gd", "--step", "1", "--horizon", "300",
                "--monitor", "eos", "--json"));
        JsonNode eos = doc.at("/monitors/eos");
        assertThat(eos.get("threshold").asDouble()).isEqualTo(2.0);
        assertThat(eos.get("observations").asInt()).isEqualTo(31);
        assertThat(eos.get("lambda_max").size()).isEqualTo(31);
        for (JsonNode c : eos.get("crossings")) {
            int k = c.get("step").asInt() / 10;
            double before = eos.get("lambda_max").get(k - 1).asDouble();
            double after = eos.get("lambda_max").get(k).asDouble();
            boolean entry = c.get("kind").asText().equals("entry");
            assertThat(after > 2.0).isEqualTo(entry);
            assertThat(before > 2.0).isEqualTo(!entry);
        }
        UserErrorAssert.assertUserError(CliRun.of("flow", "--model", "mlp:1-8-1:tanh", "--data",
                "smooth:n=20,d=1,seed=3", "--monitor", "eos"), "--monitor eos");
    }
}
