package org.flowscape.spark;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@link SparkMain}'s arguments are {@code flowscape run}'s, with the Spark executor unless another is chosen. */
class SparkMainTest {
    @Test
    void addsTheSparkExecutor() {
        assertThat(SparkMain.arguments("s.yaml", "--out", "d"))
                .containsExactly("run", "s.yaml", "--out", "d", "--executor", "spark");
    }

    @Test
    void keepsAnExecutorTheUserChose() {
        assertThat(SparkMain.arguments("s.yaml", "--executor=local"))
                .containsExactly("run", "s.yaml", "--executor=local");
        assertThat(SparkMain.arguments("s.yaml", "--executor", "local"))
                .containsExactly("run", "s.yaml", "--executor", "local");
    }
}
