package org.flowscape.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The consistency check of issue 16: where both methods apply (a polynomial loss whose real critical points lie in
 * the box), the interval census and the homotopy census certify the same real critical points with the same index.
 */
class CensusMethodsAgreeTest {
    @Test
    void decayedFactorisation() throws Exception {
        agree("fn:0.5*(p1*p2-1)^2", "0.19", 3);
    }

    @Test
    void tiltedDoubleWellHasNineRealCriticalPoints() throws Exception {
        // Bézout 3·3 = 9, and all nine critical points are real and inside [-2, 2]²
        agree("fn:(p1^2-1)^2+(p2^2-1)^2+0.3*p1*p2", "0", 9);
    }

    @Test
    void homotopyTextAndErrors() {
        CliRun run = CliRun.of("census", "--model", "linear:1x1x1", "--data", "gaussian:n=3,d=1,seed=2", "--l2", "0.1",
                "--method", "homotopy");
        assertThat(run.exit()).as(run.describe()).isZero();
        assertThat(run.out()).contains("paths (Bezout number)          9")
                .contains("complete                       yes");
        CliRun budget = CliRun.of("census", "--model", "linear:2x2x2", "--data", "gaussian:n=3,d=2,k=2,seed=2",
                "--l2", "0.1", "--method", "homotopy", "--path-budget", "100");
        assertThat(budget.exit()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(budget.err()).contains("6561 paths").contains("budget of 100");
        CliRun tanh = CliRun.of("census", "--model", "mlp:1-2-1:tanh", "--data", "gaussian:n=3,d=1,seed=2",
                "--method", "homotopy");
        assertThat(tanh.exit()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(tanh.err()).contains("not polynomial");
        CliRun nobox = CliRun.of("census", "--model", "fn:p1^2", "--method", "interval");
        assertThat(nobox.exit()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(nobox.err()).contains("--box");
    }

    private static void agree(String model, String l2, int expected) throws Exception {
        JsonNode interval = EvalCommandTest.json(CliRun.of("census", "--model", model, "--l2", l2, "--box", "-2:2",
                "--samples", "0", "--quiet", "--json"));
        JsonNode homotopy = EvalCommandTest.json(CliRun.of("census", "--model", model, "--l2", l2, "--method",
                "homotopy", "--json"));
        assertThat(interval.get("complete").asBoolean()).isTrue();
        assertThat(homotopy.get("complete").asBoolean()).isTrue();
        List<JsonNode> real = new ArrayList<>();
        homotopy.get("solutions").forEach(s -> {
            if (s.get("real").asBoolean()) {
                real.add(s);
            }
        });
        assertThat(real).hasSize(expected);
        assertThat(interval.get("points")).hasSize(expected);
        for (JsonNode point : interval.get("points")) {
            JsonNode match = real.stream().filter(s -> distance(s.get("theta"), point.get("midpoint")) < 1e-8)
                    .findFirst().orElseThrow(() -> new AssertionError("no homotopy root at " + point.get("midpoint")));
            assertThat(match.get("index").asInt()).isEqualTo(point.get("index").asInt());
            assertThat(match.get("loss").asDouble()).isCloseTo(point.get("loss").get(0).asDouble(), within(1e-8));
        }
    }

    private static double distance(JsonNode a, JsonNode b) {
        double s = 0;
        for (int i = 0; i < a.size(); i++) {
            double d = a.get(i).asDouble() - b.get(i).asDouble();
            s += d * d;
        }
        return Math.sqrt(s);
    }
}
