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
    void d1RecordedConstructionEndsAtTheLowerPointsLoss() throws Exception {
        Records r = Planted.run(new ClaimD1(), Map.of("trials", "1"));
        for (String label : new String[] {"example", "random/0"}) {
            Records.Curve c = r.series("constructed/" + label);
            assertThat(c).as(label).isNotNull();
            double last = c.y()[c.y().length - 1];
            assertThat(last).as(label).isCloseTo(r.metric("target_loss/" + label),
                    org.assertj.core.data.Offset.offset(1e-9 * (1 + r.metric("target_loss/" + label))));
            assertThat(c.x()[c.x().length - 1]).isEqualTo(1 + ClaimD1.FINAL_SPAN);
            for (int k = 1; k < c.y().length; k++) {
                assertThat(c.y()[k]).as(label + " node " + k).isLessThan(c.y()[k - 1]);
            }
        }
        // the 1-D example's lower point (w, v) = (-0.5, 1): its loss, computed afresh, is where the curve ends
        var ex = new org.flowscape.geometry.SafranShamirExample(0.1);
        var f = new org.flowscape.objective.EmpiricalRisk(org.flowscape.model.Models.parse("mlp:1-1-1:relu:nobias"),
                org.flowscape.loss.Losses.parse("mse-mean"), ex.dataset(1));
        Records.Curve c = r.series("constructed/example");
        assertThat(c.y()[c.y().length - 1]).isCloseTo(f.value(new double[] {-0.5, 1}),
                org.assertj.core.data.Offset.offset(1e-9));
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
    @Test
    void d3HoldsOnStructuredDataAndIsNotDecidedWhenTheStructuredDataAreGaussian() throws Exception {
        ClaimD3 d3 = new ClaimD3();
        Records r = Planted.run(d3, Map.of());
        Judgement good = d3.judge(r, d3.tolerances());
        assertThat(good.verdict()).as(good.deciding() + " " + good.details()).isEqualTo(Verdict.HOLDS);
        assertThat(r.basins()).hasSize(3 * 3 * 100);
        assertThat(r.series("bound/clustered/theorem5")).isNotNull();
        assertThat(r.series("bound/lowdim/theorem3")).isNotNull();
        assertThat(d3.figures(r).get(0).curves()).hasSize(3);
        // "clustered" and "lowdim" data that are in fact Gaussian (another seed): the bands overlap, no verdict
        String fake = "gaussian:n=12,d=4,seed=2";
        Judgement same = Planted.judge(d3, Map.of("clustered", fake, "lowdim", fake, "widths", "1,2"));
        assertThat(same.verdict()).as(same.deciding() + " " + same.details()).isNotEqualTo(Verdict.HOLDS);
    }

    @Test
    void d3FailsWhenTheLabelsAreSwappedOrABoundExceedsItsEstimate() {
        ClaimD3 d3 = new ClaimD3();
        Records swapped = d3Records(new double[] {0, 20, 38}, new double[] {0, 0, 1}, new double[] {0, 2, 15});
        assertThat(d3.judge(swapped, d3.tolerances()).verdict()).isEqualTo(Verdict.FAILS);
        Records honest = d3Records(new double[] {0, 0, 1}, new double[] {2, 12, 30}, new double[] {10, 20, 38});
        assertThat(d3.judge(honest, d3.tolerances()).verdict()).isEqualTo(Verdict.HOLDS);
        // lowdim's band at width 4 reaches 0.95 at most: a bound of 0.99 there is a broken theorem
        honest.series("bound/lowdim/theorem3", new double[] {1, 2, 4}, new double[] {0, 0, 0.99});
        honest.series("bound_hits/lowdim/theorem3", new double[] {1, 2, 4}, new double[] {10, 20, 30});
        Judgement broken = d3.judge(honest, d3.tolerances());
        assertThat(broken.verdict()).as(broken.details().toString()).isEqualTo(Verdict.FAILS);
        // uncertified values count against the claim: all of clustered's hits uncertified leaves no decision
        Records unsure = d3Records(new double[] {0, 0, 1}, new double[] {0, 0, 0}, new double[] {10, 20, 38});
        unsure.series("uncertified/clustered", new double[] {1, 2, 4}, new double[] {2, 12, 30});
        assertThat(d3.judge(unsure, d3.tolerances()).verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    }

    /** Planted D3 records: 40 inits, widths 1, 2, 4, certified hits per data type. */
    private static Records d3Records(double[] gaussian, double[] clustered, double[] lowdim) {
        Records r = new Records();
        r.metric("inits", 40);
        r.metric("alpha_rel", 0.05);
        double[] w = {1, 2, 4};
        r.series("hits/gaussian", w, gaussian);
        r.series("hits/clustered", w, clustered);
        r.series("hits/lowdim", w, lowdim);
        return r;
    }
}
