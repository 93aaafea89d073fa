package org.flowscape.reproduce;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flowscape.experiment.RunContext;
import org.flowscape.experiment.RunSpec;
import org.flowscape.report.Figure;
import org.junit.jupiter.api.Test;

/**
 * Papers B and C on planted cases: an interpolating problem with fewer samples than parameters has degenerate
 * efficient minima (B1 fails), a planted distance to the redundant set that no minimum clears leaves every minimum
 * unresolved (B1 inconclusive), planted records pin B1's three classes and share rule, a planted nullity short of the prediction fails B2, an underparameterized network
 * (P &lt; n) has λ_min(K) = 0 and a loss plateau (C1 fails), and heavy-ball momentum is not the flow's discretization
 * (C2 fails).
 */
class PaperBcClaimsTest {
    @Test
    void b1FailsWhenSamplesAreFewerThanParameters() throws Exception {
        Judgement j = Planted.judge(new ClaimB1(), Map.of("problems", "1", "starts", "3", "samples", "4"));
        assertThat(j.verdict()).as(j.deciding() + " " + j.details()).isEqualTo(Verdict.FAILS);
        assertThat(j.deciding()).contains("degenerate");
    }

    @Test
    void b1IsInconclusiveWhenEveryMinimumIsWithinThePlantedDistanceOfTheRedundantSet() throws Exception {
        ClaimB1 b1 = new ClaimB1();
        Map<String, Double> tol = new HashMap<>(b1.tolerances());
        tol.put("efficient_dist", 1e6);
        Map<String, String> p = new HashMap<>(b1.sizes(Scale.SMOKE));
        p.put("problems", "1");
        p.put("starts", "4");
        Records r = new Records();
        b1.analysis().run(RunContext.of(new RunSpec("test", "B1", p, 7, tol)), r);
        Judgement j = b1.judge(r, tol);
        assertThat(j.verdict()).as(j.deciding() + " " + j.details()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(j.details()).anyMatch(d -> d.startsWith("unresolved ends:") && !d.contains(", 0 within "));
    }

    /** A planted minimum {@code 0/i} of class {@code cls} with λ_min/λ_max = ratio. */
    private static void minimum(Records r, int i, double ratio, int cls) {
        r.metric("lambda_min/0/" + i, ratio);
        r.metric("lambda_max/0/" + i, 1);
        r.metric("class/0/" + i, cls);
        r.metric("reason/0/" + i, cls == B1Search.UNRESOLVED ? B1Search.RANK_DEFICIENT : 0);
        r.metric("redundant/0/" + i, cls == B1Search.REDUNDANT ? 1 : 0);
    }

    @Test
    void b1ClassesDecideTheVerdict() {
        ClaimB1 b1 = new ClaimB1();
        Records r = new Records();
        r.metric("min_efficient", 2);
        minimum(r, 0, 1e-3, B1Search.EFFICIENT);
        assertThat(b1.judge(r, b1.tolerances()).verdict()).as("1 of 2 needed").isEqualTo(Verdict.INCONCLUSIVE);
        minimum(r, 1, 1e-10, B1Search.EFFICIENT);
        r.metric("certified/0/1", 1);
        minimum(r, 2, 1e-16, B1Search.REDUNDANT);
        r.metric("diverged/0/3", 500);
        Judgement holds = b1.judge(r, b1.tolerances());
        assertThat(holds.verdict()).as(holds.deciding()).isEqualTo(Verdict.HOLDS);
        assertThat(holds.deciding()).contains("unresolved share 0/3 = 0.00");
        assertThat(holds.details()).anyMatch(d -> d.contains("1 diverged"));
        minimum(r, 4, 1e-16, B1Search.UNRESOLVED);
        Judgement quarter = b1.judge(r, b1.tolerances());
        assertThat(quarter.verdict()).as("1/4 = 0.25 is not above the share").isEqualTo(Verdict.HOLDS);
        r.metric("unconverged/0/5", 1e-3);
        Judgement many = b1.judge(r, b1.tolerances());
        assertThat(many.verdict()).as(many.deciding()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(many.deciding()).contains("unresolved share 2/5 = 0.40");
        minimum(r, 6, 1e-13, B1Search.EFFICIENT);
        Judgement fails = b1.judge(r, b1.tolerances());
        assertThat(fails.verdict()).as("an uncertified efficient minimum at 1e-13").isEqualTo(Verdict.FAILS);
    }

    @Test
    void b1CountsCopiesOfOneMinimumOnceAndReportsExtendedPrecisionCertificates() {
        ClaimB1 b1 = new ClaimB1();
        Records r = new Records();
        r.metric("min_efficient", 2);
        for (int i = 0; i < 5; i++) {
            minimum(r, i, 3e-12, B1Search.EFFICIENT);
            r.metric("orbit/0/" + i, 0);
        }
        r.metric("certified/0/2", 1);
        r.metric("certified_digits/0/2", 50);
        r.metric("lambda_lower/0/2", 2.9e-12);
        r.metric("lambda_upper/0/2", 3.1e-12);
        Judgement one = b1.judge(r, b1.tolerances());
        assertThat(one.verdict()).as(one.deciding()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(one.deciding()).startsWith("1 distinct efficient minima: 1 certified");
        assertThat(one.details()).anyMatch(d -> d.contains("0/2 (5 copies)") && d.contains("50-digit"));
        r.metric("lambda_min/1/0", 1e-3);
        r.metric("lambda_max/1/0", 1);
        r.metric("class/1/0", B1Search.EFFICIENT);
        r.metric("orbit/1/0", 0);
        Judgement two = b1.judge(r, b1.tolerances());
        assertThat(two.verdict()).as(two.deciding()).isEqualTo(Verdict.HOLDS);
        assertThat(two.details()).anyMatch(d -> d.contains("6 converged to a minimum (2 distinct: 2 efficient"));
        r.metric("certified/0/2", 0);
        Judgement uncertified = b1.judge(r, b1.tolerances());
        assertThat(uncertified.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(uncertified.deciding()).contains("unresolved share 5/6");
    }

    @Test
    void b1QuadratureDataAreMidpointsWithSmoothTargets() {
        var d = QuadratureData.smooth(4, 2, 0.5, 3);
        assertThat(d.inputs().data()).containsExactly(-1.5, -0.5, 0.5, 1.5);
        assertThat(QuadratureData.smooth(4, 2, 0.5, 3).targets().data()).containsExactly(d.targets().data());
        assertThat(QuadratureData.smooth(4, 2, 0.5, 4).targets().data()).isNotEqualTo(d.targets().data());
    }

    @Test
    void b1HistogramCountsPerHalfDecadeAndDrawsThresholds() {
        Figure.Curve h = B1Histogram.steps("x", List.of(-8.2, -8.4, -3.0, -30.0));
        assertThat(h.y()[2 * 19]).as("bin [-8.5, -8)").isEqualTo(2);
        assertThat(h.y()[2 * 30]).as("bin [-3, -2.5)").isEqualTo(1);
        assertThat(h.y()[0]).as("clipped at -18").isEqualTo(1);
        assertThat(B1Histogram.threshold("t", -12, 5).x()).containsExactly(-12, -12);
    }

    @Test
    void b2HoldsOnSplitsAndFailsOnAPlantedNullityDeficit() throws Exception {
        ClaimB2 b2 = new ClaimB2();
        Records r = Planted.run(b2, Map.of("problems", "1", "starts", "4"));
        assertThat(b2.judge(r, b2.tolerances()).verdict()).isEqualTo(Verdict.HOLDS);
        Records planted = new Records();
        planted.metric("nullity/x", 0);
        planted.metric("predicted/x", 1);
        planted.metric("residual/x", 1e-3);
        planted.metric("curve/x", 0);
        planted.metric("grad/x", 0);
        planted.metric("index/x", 0);
        assertThat(b2.judge(planted, b2.tolerances()).verdict()).isEqualTo(Verdict.FAILS);
    }

    @Test
    void b2CountsIndependentFlatDirections() {
        var dirs = java.util.List.of(new double[] {1, 0, 0}, new double[] {2, 0, 0}, new double[] {0, 1, 1});
        assertThat(ClaimB2.rank(dirs, 3)).isEqualTo(2);
    }

    @Test
    void c1ReadsTheNtkExtremesOfTheNByNKernel() {
        org.flowscape.objective.EmpiricalRisk f = Costs.risk("mlp:3-8-1:relu", "gaussian:n=6,d=3,seed=2", "mse");
        double[] theta = f.network().initialize(3);
        double[] k = f.ntkByJacobian(theta, new double[36]);
        var e = org.flowscape.linalg.SymmetricEigen.values(new org.flowscape.linalg.Matrix(6, 6, k));
        assertThat(ClaimC1.ntkExtremes(f, theta)).containsExactly(new double[] {e.min(), e.max()},
                org.assertj.core.data.Offset.offset(1e-10 * e.max()));
        assertThat(e.min()).isPositive();
    }

    @Test
    void c1EnforcesTheNtkBoundOnlyWhereTheActivationIsSmooth() {
        ClaimC1 c1 = new ClaimC1();
        Records r = new Records();
        for (String m : new String[] {"fitted", "guaranteed", "inf_lambda_min", "violation", "reached", "lambda_max0",
            "analytic", "kinks"}) {
            r.metric(m + "/relu/0", switch (m) {
                case "fitted" -> 0.04;
                case "guaranteed" -> 0.01;
                case "inf_lambda_min", "reached" -> 1;
                case "violation" -> 1e7;
                case "lambda_max0" -> 100;
                case "kinks" -> 24;
                default -> 0;
            });
        }
        Judgement relu = c1.judge(r, c1.tolerances());
        assertThat(relu.verdict()).as(relu.deciding()).isEqualTo(Verdict.HOLDS);
        assertThat(relu.details()).anyMatch(d -> d.contains("24 preactivations") && d.contains("slides"));
        r.metric("analytic/relu/0", 1);
        assertThat(c1.judge(r, c1.tolerances()).verdict()).isEqualTo(Verdict.FAILS);
    }

    @Test
    void c1FailsForAnUnderparameterizedNetwork() throws Exception {
        Judgement j = Planted.judge(new ClaimC1(), Map.of("activations", "tanh", "width", "1", "decades", "4"));
        assertThat(j.verdict()).as(j.deciding() + " " + j.table()).isEqualTo(Verdict.FAILS);
    }

    @Test
    void c2HoldsOnWellConditionedProblemsAndFailsForHeavyBallMomentum() throws Exception {
        Judgement good = Planted.judge(new ClaimC2(), Map.of("steps", "0.5,1,1.9", "width", "32", "problems", "1"));
        assertThat(good.verdict()).as(good.deciding() + " " + good.details()).isEqualTo(Verdict.HOLDS);
        Judgement j = Planted.judge(new ClaimC2(), Map.of("steps", "0.5,1", "width", "32", "problems", "1",
                "optimizer", "momentum"));
        assertThat(j.verdict()).as(j.deciding() + " " + j.table()).isEqualTo(Verdict.FAILS);
    }

    @Test
    void c2IsInconclusiveOnTheFirstEditionsIllConditionedProblem() throws Exception {
        Judgement j = Planted.judge(new ClaimC2(), Map.of("data", "gaussian:n=8,d=3", "width", "12", "decades",
                "6", "window", "2", "problems", "1", "steps", "0.5,1"));
        assertThat(j.verdict()).as(j.deciding() + " " + j.details()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(j.details().get(0)).contains("cannot tell descent from flow");
    }

    @Test
    void c2PredictedRateIsTheSlowestModeForSmallSteps() {
        double[] lambdas = {0.01, 1};
        assertThat(ClaimC2.predictedRate(lambdas, 1e-3)).isCloseTo(0.02, org.assertj.core.data.Offset.offset(1e-5));
        assertThat(ClaimC2.predictedRate(lambdas, 1.9)).isCloseTo(-Math.log(0.981 * 0.981) / 1.9,
                org.assertj.core.data.Offset.offset(1e-12));
        // condition number 7.2: at eta lambda_max = 1.9 the lambda_max mode (factor 0.81) is the slowest and the
        // ratio to the flow's 2 lambda_min is -ln 0.81 / (2 * 1.9 / 7.2) = 0.399
        double[] wellConditioned = {1 / 7.2, 1};
        assertThat(ClaimC2.predictedRate(wellConditioned, 1.9) / (2 / 7.2)).isCloseTo(0.3993,
                org.assertj.core.data.Offset.offset(1e-4));
    }
}
