package org.flowscape.reproduce;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Paper D on planted cases: the construction holds on the honest solver and fails when its root solve is cut short
 * (a bracketing solve to accuracy 0.1 misses the targets v(λ), so the certificate is refused).
 */
class PaperDClaimsTest {
    @Test
    void d1HoldsAndFailsWithACoarseRootSolve() throws Exception {
        ClaimD1 d1 = new ClaimD1();
        Judgement good = Planted.judge(d1, Map.of("trials", "3"));
        assertThat(good.verdict()).as(good.deciding()).isEqualTo(Verdict.HOLDS);
        Judgement bad = Planted.judge(d1, Map.of("trials", "3", "loss", "cost:(x-y)^2", "root_accuracy", "0.1"));
        assertThat(bad.verdict()).as(bad.deciding() + " " + bad.details()).isEqualTo(Verdict.FAILS);
    }

    @Test
    void d1ExampleStraightPathIsNotMonotone() throws Exception {
        Records r = Planted.run(new ClaimD1(), Map.of("trials", "1"));
        assertThat(r.metric("straight_monotone/example")).isZero();
        assertThat(r.metric("certified/example")).isOne();
        assertThat(r.metric("start_loss/example")).isCloseTo(0.652786, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void d2ExactProbabilitiesMatchTheDigest() {
        assertThat(ClaimD2.exactSingleton(8, 4)).isCloseTo(0.5347715, org.assertj.core.data.Offset.offset(1e-7));
        assertThat(ClaimD2.exactSingleton(32, 10)).isCloseTo(0.9980371, org.assertj.core.data.Offset.offset(1e-7));
        assertThat(ClaimD2.exactOrthonormal(10, 5)).isCloseTo(0.7852942, org.assertj.core.data.Offset.offset(1e-7));
    }

    @Test
    void d2HoldsUnderAssumptionOneAndFailsWhenOutputWeightsAreBiasedNegative() throws Exception {
        ClaimD2 d2 = new ClaimD2();
        Judgement good = Planted.judge(d2, Map.of("draws", "2000"));
        assertThat(good.verdict()).as(good.deciding()).isEqualTo(Verdict.HOLDS);
        Judgement bad = Planted.judge(d2, Map.of("draws", "2000", "v_negative_prob", "0.9"));
        assertThat(bad.verdict()).as(bad.deciding()).isEqualTo(Verdict.FAILS);
    }
}
