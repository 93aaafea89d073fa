package org.flowscape.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.flowscape.cli.UserErrorAssert.assertUserError;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code flowscape census}: text, JSON, the negative control and the user errors. */
class CensusCommandTest {
    static final String FACTOR = "fn:0.5*(p1*p2-1)^2";

    @Test
    void jsonOfTheDecayedFactorisationListsTheThreeCertifiedPoints() throws Exception {
        JsonNode doc = EvalCommandTest.json(CliRun.of("census", "--model", FACTOR, "--l2", "0.19", "--box", "-2:2",
                "--samples", "10", "--quiet", "--json"));
        assertThat(doc.get("command").asText()).isEqualTo("census");
        assertThat(doc.get("complete").asBoolean()).isTrue();
        assertThat(doc.get("points")).hasSize(3);
        assertThat(doc.get("counts_by_index").get(0).asInt()).isEqualTo(2);
        assertThat(doc.get("counts_by_index").get(1).asInt()).isEqualTo(1);
        JsonNode first = doc.get("points").get(0);
        assertThat(first.get("type").asText()).isEqualTo("minimum");
        assertThat(Math.abs(first.get("midpoint").get(0).asDouble())).isCloseTo(Math.sqrt(0.81), within(1e-12));
        assertThat(first.get("loss").get(0).asDouble()).isCloseTo(0.17195, within(1e-12));
        assertThat(doc.at("/consistency/euler").asText()).isEqualTo("holds");
        assertThat(doc.at("/problem/loss/l2").asDouble()).isEqualTo(0.19);
        assertThat(doc.at("/settings/lo").get(1).asDouble()).isEqualTo(-2);
        assertThat(doc.get("undecided")).isEmpty();
    }

    @Test
    void textOfTheNegativeControlReportsTheCurveUndecided() {
        CliRun run = CliRun.of("census", "--model", FACTOR, "--box", "-2:2", "--min-width", "2e-3", "--samples", "0",
                "--quiet");
        assertThat(run.exit()).as(run.describe()).isZero();
        assertThat(run.out()).contains("1 critical point(s) certified").contains("saddle (1)")
                .contains("not isolated").contains("cluster 1").contains("euler     sum (-1)^index = -1; not "
                        + "applicable");
    }

    @Test
    void perCoordinateBoxesAndTheirMistakes() {
        CliRun run = CliRun.of("census", "--model", "fn:(p1^2-1)^2+p2^2", "--box", "-2:2,-1:1.5", "--quiet",
                "--samples", "0");
        assertThat(run.exit()).as(run.describe()).isZero();
        assertThat(run.out()).contains("[-2, 2] x [-1, 1.5]").contains("index 0: 2, index 1: 1");
        assertUserError(CliRun.of("census", "--model", FACTOR, "--box", "-2:2,0:1,3:4"), "P = 2");
        assertUserError(CliRun.of("census", "--model", FACTOR, "--box", "2:-2"), "LO < HI");
        assertUserError(CliRun.of("census", "--model", FACTOR, "--box", "a:b"), "two numbers");
        assertUserError(CliRun.of("census", "--model", FACTOR, "--box", "-1:1", "--min-width", "2"), "--min-width");
        assertUserError(CliRun.of("census", "--model", "mlp:1-2-1:relu", "--data", "gaussian:n=3,d=1,seed=1",
                "--box", "-1:1"), "relu");
    }
}
