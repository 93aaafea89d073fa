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
}
