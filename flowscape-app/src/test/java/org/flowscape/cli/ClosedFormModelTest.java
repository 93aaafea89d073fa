package org.flowscape.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.flowscape.cli.UserErrorAssert.assertUserError;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code --model fn:EXPR} and {@code --l2 LAMBDA} through the commands that take a problem. */
class ClosedFormModelTest {
    static final String FACTOR = "fn:0.5*(p1*p2-1)^2";

    @Test
    void evalOfTheFactorisationWithWeightDecayHasTheClosedFormValueAndHessian(@TempDir Path dir) throws Exception {
        Path theta = Files.writeString(dir.resolve("t.json"), "[2, -3]");
        JsonNode doc = EvalCommandTest.json(CliRun.of("eval", "--model", FACTOR, "--l2", "0.25", "--params",
                theta.toString(), "--hessian", "--json"));
        // ½(ab − 1)² + λ/2(a² + b²) = 24.5 + 1.625; Hessian [[b² + λ, 2ab − 1], [2ab − 1, a² + λ]]
        assertThat(doc.get("loss").asDouble()).isEqualTo(26.125);
        assertThat(doc.at("/problem/loss/l2").asDouble()).isEqualTo(0.25);
        assertThat(doc.at("/problem/model/parameters").asInt()).isEqualTo(2);
        assertThat(doc.at("/problem/data/n").asInt()).isZero();
        double disc = Math.sqrt(Math.pow(9.25 - 4.25, 2) + 4 * 169);
        assertThat(doc.at("/hessian/min").asDouble()).isCloseTo((13.5 - disc) / 2, within(1e-12));
        assertThat(doc.at("/hessian/max").asDouble()).isCloseTo((13.5 + disc) / 2, within(1e-12));
        assertThat(doc.at("/ntk/computed").asBoolean()).isFalse();
    }

    @Test
    void criticalFindsTheThreeCriticalPointsOfTheDecayedFactorisation() {
        CliRun run = CliRun.of("critical", "--model", FACTOR, "--l2", "0.19", "--starts", "12", "--seed", "2");
        assertThat(run.exit()).as(run.describe()).isZero();
        // minima at a = b = ±sqrt(1 − λ) = ±0.9 with L = λ(1 − λ) + λ²/2 ... = ½λ² + λ(1 − λ) = 0.17195
        assertThat(run.out()).contains("MINIMUM").contains("0.17195");
    }

    @Test
    void otherCommandsTakeAClosedFormModel() {
        for (String[] args : new String[][] {
            {"spectrum", "--model", FACTOR, "--l2", "0.1"},
            {"landscape", "--model", FACTOR, "--grid", "5"},
            {"flow", "--model", FACTOR, "--l2", "0.1", "--horizon", "1"}}) {
            CliRun run = CliRun.of(args);
            assertThat(run.exit()).as(run.describe()).isZero();
        }
    }

    @Test
    void closedFormMistakesAreOneLineUserErrors() {
        assertUserError(CliRun.of("eval", "--model", FACTOR, "--data", "gaussian:n=3,d=1,seed=1"), "takes no data");
        assertUserError(CliRun.of("eval", "--model", "fn:x^2"), "p1, p2");
        assertUserError(CliRun.of("eval", "--model", FACTOR, "--l2", "-1"), "--l2");
        assertUserError(CliRun.of("critical", "--model", FACTOR, "--polish", "gn"), "census");
    }

    @Test
    void theProblemFileTakesL2(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("p.yaml"), "model: \"" + FACTOR + "\"\nl2: 0.25\n");
        Path theta = Files.writeString(dir.resolve("t.json"), "[2, -3]");
        JsonNode doc = EvalCommandTest.json(CliRun.of("eval", "--problem", file.toString(), "--params",
                theta.toString(), "--json"));
        assertThat(doc.get("loss").asDouble()).isEqualTo(26.125);
    }
}
