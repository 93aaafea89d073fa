package org.flowscape.reproduce;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Paper A's verdicts on planted cases: a crude integrator, an improper cost and an inadmissible cost must make the
 * verdict come out FAILS, and the honest computation on the same small sizes HOLDS, so no verdict is a constant.
 */
class PaperAClaimsTest {
    @Test
    void a1HoldsWithDop853AndFailsWithExplicitEuler() throws Exception {
        ClaimA1 a1 = new ClaimA1();
        Judgement good = Planted.judge(a1, Map.of("starts", "1", "horizon", "2"));
        assertThat(good.verdict()).as(good.deciding()).isEqualTo(Verdict.HOLDS);
        Judgement broken = Planted.judge(a1, Map.of("starts", "1", "horizon", "2", "integrator", "euler:0.01"));
        assertThat(broken.verdict()).as(broken.deciding()).isEqualTo(Verdict.FAILS);
    }

    @Test
    void a2FailsForACostWithoutMinimizer() throws Exception {
        Judgement j = Planted.judge(new ClaimA2(), Map.of("starts", "1", "costs", "expr:exp(x)"));
        assertThat(j.verdict()).as(j.deciding()).isEqualTo(Verdict.FAILS);
    }

    @Test
    void a2PredictsTheLimitOfTheOneDimensionalFlow() {
        var well = Costs.DOUBLE_WELL.scalar();
        assertThat(ClaimA2.limit(well, -0.5, false)).isCloseTo(-1.0124, org.assertj.core.data.Offset.offset(1e-3));
        assertThat(ClaimA2.limit(well, 0.5, false)).isCloseTo(0.9867, org.assertj.core.data.Offset.offset(1e-3));
        assertThat(ClaimA2.limit(well, 0.01, true)).isZero();
        assertThat(ClaimA2.limit(Costs.QUADRATIC.scalar(), -2, true)).isZero();
        assertThat(ClaimA2.limit(Costs.QUADRATIC.scalar(), -2, false)).isCloseTo(3, org.assertj.core.data.Offset
                .offset(1e-12));
    }

    @Test
    void a3HoldsForAdmissibleCostsAndFailsWhenFPrimeVanishesAtZero() throws Exception {
        Judgement good = Planted.judge(new ClaimA3(), Map.of("starts", "2", "costs", "quadratic,log-cosh"));
        assertThat(good.verdict()).as(good.deciding()).isEqualTo(Verdict.HOLDS);
        Judgement bad = Planted.judge(new ClaimA3(), Map.of("starts", "2", "costs", "quadratic,expr:(x^2-1)^2"));
        assertThat(bad.verdict()).as(bad.deciding()).isEqualTo(Verdict.FAILS);
    }

    @Test
    void a4StartsHaveTheRequestedProductAndImbalance() {
        double[] w = ClaimA4.start(0.25, 15.875244140625);
        assertThat(w[0] * w[1]).isCloseTo(0.25, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(Math.pow(w[0] * w[0] - w[1] * w[1], 2)).isCloseTo(15.875244140625,
                org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void a4FailsWhenTheClockIsACrudeIntegrator() throws Exception {
        Judgement good = Planted.judge(new ClaimA4(), Map.of("points", "6", "c_max", "1e3"));
        assertThat(good.verdict()).as(good.deciding()).isEqualTo(Verdict.HOLDS);
        Judgement bad = Planted.judge(new ClaimA4(), Map.of("points", "6", "c_max", "1e3", "integrator",
                "euler:0.01"));
        assertThat(bad.verdict()).as(bad.deciding()).isEqualTo(Verdict.FAILS);
    }

    @Test
    void a4FailsOnPlantedTimesThatLevelOff() {
        Records r = new Records();
        double[] c = Plots.logspace(1, 1e4, 8);
        double[] t = new double[c.length];
        for (int i = 0; i < c.length; i++) {
            t[i] = 0.3 + 1 / Math.sqrt(c[i]);
        }
        r.series("time_measured", c, t);
        r.series("time_closed_form", c, t);
        assertThat(new ClaimA4().judge(r, new ClaimA4().tolerances()).verdict()).isEqualTo(Verdict.FAILS);
    }

    @Test
    void a5FailsWithExplicitEuler() throws Exception {
        Judgement bad = Planted.judge(new ClaimA5(), Map.of("starts", "1", "grid", "5", "integrator", "euler:0.02"));
        assertThat(bad.verdict()).as(bad.deciding()).isEqualTo(Verdict.FAILS);
    }
}
