package org.flowscape.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class LawsCommandTest {
    @Test
    void reluNetworkHasOneBalanceLawPerHiddenNeuron() throws Exception {
        JsonNode doc = EvalCommandTest.json(CliRun.of("laws", "--model", "mlp:2-3-1:relu", "--json"));
        assertThat(doc.get("command").asText()).isEqualTo("laws");
        assertThat(doc.get("parameters").asInt()).isEqualTo(13);
        assertThat(doc.get("laws").asInt()).isEqualTo(3);
        assertThat(doc.get("quadratic_laws").asInt()).isEqualTo(3);
        assertThat(doc.get("agrees").asBoolean()).isTrue();
        assertThat(doc.at("/quadratic/0").asText()).isEqualTo("W2[0,0]^2 - b1[0]^2 - W1[0,1]^2 - W1[0,0]^2");
    }

    @Test
    void textTableAndBadInput() {
        CliRun run = CliRun.of("laws", "--model", "linear:2x2x2");
        assertThat(run.exit()).as(run.describe()).isZero();
        assertThat(run.out()).contains("8 - 5 = 3").contains("the balancedness laws and no others");
        CliRun bad = CliRun.of("laws", "--model", "mlp:2-3-1:tanh");
        assertThat(bad.exit()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(bad.err()).contains("tanh");
    }
}
