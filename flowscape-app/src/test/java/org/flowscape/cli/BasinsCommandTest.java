package org.flowscape.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class BasinsCommandTest {
    @Test
    void singletonDataReportTheoremTwoWithItsExactProbability() throws Exception {
        JsonNode doc = EvalCommandTest.json(CliRun.of("basins", "--widths", "2,6", "--inits", "60", "--data",
                "singleton:d=2,eps=0.1", "--seed", "3", "--threads", "2", "--json"));
        assertThat(doc.get("command").asText()).isEqualTo("basins");
        JsonNode w6 = doc.at("/widths/1");
        assertThat(w6.get("width").asInt()).isEqualTo(6);
        assertThat(w6.get("certified").asInt()).isEqualTo(60);
        JsonNode t2 = w6.at("/bounds/1");
        assertThat(t2.get("name").asText()).isEqualTo("theorem2");
        // theory.md D.5: sum_p C(6,p) 2^-6 (1 - 2^(1-p))^2
        double exact = 0;
        for (int p = 2; p <= 6; p++) {
            exact += binomial(6, p) / 64.0 * Math.pow(1 - Math.pow(2, 1 - p), 2);
        }
        assertThat(t2.get("exact").asDouble()).isCloseTo(exact, within(1e-12));
        assertThat(t2.get("bound").asDouble()).isCloseTo(1 - 4 * Math.pow(0.75, 6), within(1e-12));
        assertThat(w6.at("/basin_values").size()).isEqualTo(60);
    }

    @Test
    void trainingAndBadInput() {
        CliRun run = CliRun.of("basins", "--widths", "1,3", "--inits", "8", "--data",
                "teacher:n=12,d=3,width=2,act=relu,seed=2", "--train", "gd", "--steps", "50");
        assertThat(run.exit()).as(run.describe()).isZero();
        assertThat(run.out()).contains("proposition2").contains("mean final loss");
        assertThat(CliRun.of("basins", "--data", "gaussian:n=5,d=2,seed=1", "--train", "sgd").exit())
                .isEqualTo(ExitCodes.USER_ERROR);
        assertThat(CliRun.of("basins", "--data", "gaussian:n=5,d=2,seed=1", "--inits", "0").exit())
                .isEqualTo(ExitCodes.USER_ERROR);
        assertThat(CliRun.of("basins", "--data", "nosuch:n=5").exit()).isEqualTo(ExitCodes.USER_ERROR);
    }

    private static double binomial(int n, int k) {
        double r = 1;
        for (int i = 1; i <= k; i++) {
            r = r * (n - k + i) / i;
        }
        return r;
    }
}
