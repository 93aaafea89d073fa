package org.flowscape.reproduce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Paper A's second-edition claims: A6's closed-form Hessian at the origin (±√(3 ± √5), theory.md A.4) and its
 * degenerate deep origin, A7's starts (same product, growing imbalance) and its verdict on planted curves that
 * break Proposition 7's order, and A2's stable set of the origin and PD-PL test per cost.
 */
class PaperANewClaimsTest {
    @Test
    void a6PinsTheOriginEigenvaluesOfTheoryMd() {
        assertThat(ClaimA6.ORIGIN_EIGEN[0]).isCloseTo(2.2882456113, offset(1e-10));
        assertThat(ClaimA6.ORIGIN_EIGEN[1]).isCloseTo(0.8740320489, offset(1e-10));
        double[] ev = {2.2882456113, -0.8740320489, 0.8740320489, -2.2882456113, 2.2882456113, -0.8740320489,
            0.8740320489, -2.2882456113, 2.2882456113, -0.8740320489, 0.8740320489, -2.2882456113};
        assertThat(ClaimA6.deviation(ev)).isLessThan(1e-9);
        ev[0] = 2.3;
        assertThat(ClaimA6.deviation(ev)).isGreaterThan(1e-2);
        assertThat(ClaimA6.deviation(new double[6])).isInfinite();
    }

    @Test
    void a6HoldsOnOneStartPerProblemAndFailsOnAPlantedNonStrictSaddle() throws Exception {
        ClaimA6 a6 = new ClaimA6();
        Records r = Planted.run(a6, Map.of("starts", "1", "saddle_starts", "3"));
        Judgement j = a6.judge(r, a6.tolerances());
        assertThat(j.verdict()).as(j.deciding() + " " + j.details()).isEqualTo(Verdict.HOLDS);
        assertThat(r.metric("origin_max_abs/2x3x3x2")).as("N = 3: the Hessian at 0 vanishes").isZero();
        r.metric("lm_loss/99", 0.5);
        r.metric("lm_lambda_min/99", 0);
        assertThat(a6.judge(r, a6.tolerances()).verdict()).isEqualTo(Verdict.FAILS);
    }

    @Test
    void a7StartsShareTheProductAndGrowInImbalance() {
        double[][] frame = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
        double[] small = ClaimA7.start(frame, 0.5, 1, 1, 1);
        double[] large = ClaimA7.start(frame, 2, 1, 1, 1);
        assertThat(small[0] * small[3] + small[1] * small[4] + small[2] * small[5]).isCloseTo(ClaimA7.Z0,
                offset(1e-15));
        assertThat(ClaimA7.imbalance(large)).isGreaterThan(ClaimA7.imbalance(small));
        // w1 = (1, 0, 0), w2 = (1, 0, 0): balanced, c = S^2 - 4z^2 = 4 - 4 = 0
        assertThat(ClaimA7.imbalance(new double[] {1, 0, 0, 1, 0, 0})).isZero();
        // k = 1 reading: c = (w1^2 - w2^2)^2 = (4 - 1)^2 = 9
        assertThat(ClaimA7.imbalance(new double[] {2, 0, 0, 1, 0, 0})).isCloseTo(9, offset(1e-12));
    }

    @Test
    void a7FailsWhenTheLargerImbalanceHasTheLargerLoss() {
        ClaimA7 a7 = new ClaimA7();
        Records r = new Records();
        double[] t = {0, 1, 2};
        r.metric("c/q/0/0", 1);
        r.metric("c/q/0/1", 4);
        r.series("loss/q/0/0", t, new double[] {1, 0.5, 0.2});
        r.series("loss/q/0/1", t, new double[] {1, 0.4, 0.1});
        for (String l : new String[] {"q/0/0", "q/0/1"}) {
            r.metric("lambda_pred/" + l, 2);
            r.metric("hessian_max/" + l, 2);
            r.metric("rate_fit/" + l, 4);
        }
        assertThat(a7.judge(r, a7.tolerances()).verdict()).isEqualTo(Verdict.HOLDS);
        r.series("loss/q/0/1", t, new double[] {1, 0.4, 0.3});
        assertThat(a7.judge(r, a7.tolerances()).verdict()).isEqualTo(Verdict.FAILS);
        r.series("loss/q/0/1", t, new double[] {1, 0.4, 0.1});
        r.metric("rate_fit/q/0/1", 3);
        assertThat(a7.judge(r, a7.tolerances()).verdict()).as("fitted rate off 2 lambda").isEqualTo(Verdict.FAILS);
    }

    @Test
    void a2FindsTheOriginsStableSetAndThePdPlCosts() {
        assertThat(ClaimA2.stableReach(Costs.DOUBLE_WELL.scalar(), 1)).isCloseTo(0.025016, offset(1e-5));
        assertThat(ClaimA2.stableReach(Costs.QUADRATIC.scalar(), -1)).isInfinite();
        assertThat(ClaimA2.criticalPoints(Costs.DOUBLE_WELL.scalar())).isEqualTo(3);
        assertThat(ClaimA2.criticalPoints(Costs.QUARTIC.scalar())).isEqualTo(1);
        double[] th = {1, 1, 1, 1, 1, 1};
        ClaimA2.intoStableSet(th, 0.03, 0.5);
        assertThat(th[0] * th[3] + th[1] * th[4] + th[2] * th[5]).isCloseTo(0.015, offset(1e-15));
    }
}
