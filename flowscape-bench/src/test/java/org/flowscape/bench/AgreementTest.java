package org.flowscape.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AgreementTest {

    @Test
    void locatesTheLargestDifference() {
        Agreement a = Agreement.of("x", new double[] {1, 2, 3.5}, new double[] {1, 2.1, 3}, 4, 1e-10);
        assertThat(a.index()).isEqualTo(2);
        assertThat(a.relative()).isEqualTo(0.125);
        assertThat(a.passes()).isFalse();
        assertThat(a.describe("index 2")).contains("DISAGREE", "index 2", "3.5");
    }

    @Test
    void acceptsRoundOff() {
        Agreement a = Agreement.of("x", new double[] {1, Math.nextUp(2.0)}, new double[] {1, 2}, 2, 1e-10);
        assertThat(a.passes()).isTrue();
        assertThat(a.describe("")).contains("agree");
    }

    @Test
    void nanNeverPasses() {
        Agreement a = Agreement.of("x", new double[] {Double.NaN, 1}, new double[] {1, 1}, 1, 1e-10);
        assertThat(a.passes()).isFalse();
        assertThat(a.index()).isZero();
    }

    @Test
    void runsWarmupThenTimedCalls() {
        int[] calls = {0};
        Stopwatch.Timing t = Stopwatch.time(() -> calls[0]++, 3, 4, 10);
        assertThat(calls[0]).isEqualTo(7);
        assertThat(t.reps()).isEqualTo(4);
        assertThat(t.minMs()).isLessThanOrEqualTo(t.medianMs());
    }

    @Test
    void aZeroBudgetStillRunsOneWarmupAndOneTimedCall() {
        int[] calls = {0};
        Stopwatch.Timing t = Stopwatch.time(() -> calls[0]++, 5, 10, 0);
        assertThat(calls[0]).isEqualTo(2);
        assertThat(t.reps()).isEqualTo(1);
    }
}
