package org.flowscape.geometry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.flowscape.testing.NumericAssert.assertClose;

import org.flowscape.loss.Losses;
import org.flowscape.model.Models;
import org.flowscape.objective.EmpiricalRisk;
import org.junit.jupiter.api.Test;

/**
 * Theorem 1 on the D.5 data (ε = 0.05) with two ReLU neurons, θ = (w1, w2, v1, v2): neuron 2 is held at w2 = 1,
 * v2 = 0.1 so that the predictions never all vanish (requirement 1), while neuron 1 moves from the bad side w1 = 2 to
 * the good side w1 = −1. The straight path climbs out of the bad basin (L rises from about 0.5 to about 0.535 near
 * w1 = 0) and is not monotone; the construction is.
 */
class MonotonePathTest {
    private static final double[] FROM = {2, 1, 1, 0.1};
    private static final double[] TO = {-1, 1, 1, 0.1};

    static EmpiricalRisk risk(String loss) {
        return new EmpiricalRisk(Models.parse("mlp:1-2-1:relu:nobias"), Losses.parse(loss),
                new SafranShamirExample(0.05).dataset(1));
    }

    @Test
    void aNonMonotoneStraightPathIsMadeMonotone() {
        EmpiricalRisk f = risk("mse-mean");
        MonotonePathResult r = MonotonePath.straight(f, FROM, TO, MonotonePathConfig.withPoints(301));
        assertThat(r.straight().monotone()).isFalse();
        // the bad-side minimum w1 = 2(sqrt(2 eps) - 0.05) is passed at lambda = (2 - w1)/3 = 0.489
        assertThat(r.straight().firstIncreaseLambda()).isBetween(0.489, 0.4892 + 2.0 / 300);
        assertThat(r.straight().barrier()).isGreaterThan(0.1);
        assertThat(r.status()).as(r.message()).isEqualTo(MonotonePathStatus.CERTIFIED);
        assertThat(r.method()).contains("closed form");
        assertThat(r.largestIncrement()).isLessThan(0);
        assertClose("L(0) = (2 eps + 1)/2", 0.55, r.zeroLoss(), 1e-15, 0);
        assertClose("c~(0) = 1", 1.0, r.scales()[0], 0, 0);
        assertClose("v(0) = L(W0)", r.startLoss(), r.losses()[0], 1e-15, 0);
        // v(1) = (2/3) L0 + (1/3) max{L(0), L1} and the path follows v to round-off
        double v1 = (2.0 / 3) * r.startLoss() + (1.0 / 3) * Math.max(r.zeroLoss(), r.targetLoss());
        assertClose("v(1)", v1, r.targets()[r.targets().length - 1], 1e-15, 1e-15);
        assertThat(r.maxResidual()).isLessThan(1e-13);
        // P(W1) = (0.05, 1) against y = (sqrt(0.1), 1): c -> L(c P(W1)) still falls at c = 1, so the end is W1 with
        // its last layer scaled by c' = 2B/A - 1 > 1, at the target's loss exactly.
        double a = 0.05 * 0.05 + 1;
        double b = 0.05 * Math.sqrt(0.1) + 1;
        assertClose("c'", 2 * b / a - 1, r.endScale(), 1e-15, 1e-14);
        assertThat(r.endTheta()).containsExactly(-1, 1, r.endScale(), 0.1 * r.endScale());
        assertClose("end loss", r.targetLoss(), r.finalLosses()[r.finalLosses().length - 1], 1e-15, 1e-13);
    }

    @Test
    void bracketingRootFindingAgreesWithTheClosedForm() {
        MonotonePathConfig config = MonotonePathConfig.withPoints(41);
        MonotonePathResult closed = MonotonePath.straight(risk("mse-mean"), FROM, TO, config);
        MonotonePathResult brent = MonotonePath.straight(risk("cost:(x-y)^2"), FROM, TO, config);
        assertThat(brent.method()).contains("Brent");
        assertThat(brent.status()).as(brent.message()).isEqualTo(MonotonePathStatus.CERTIFIED);
        assertClose("same L0", closed.startLoss(), brent.startLoss(), 1e-14, 1e-13);
        assertClose("c~(lambda)", closed.scales(), brent.scales(), 1e-11, 1e-11);
        assertClose("losses", closed.losses(), brent.losses(), 1e-12, 1e-11);
    }

    /** With v1 = 0.5 the best scale of W1's predictions is about 2.04, so c' = 2B/A − 1 is about 3.1. */
    @Test
    void endScaleAboveOneEndsAtTheTargetLossOnBothSolvers() {
        double[] to = {-1, 1, 0.5, 0.1};
        double eps = 0.05;
        double[] p = {0.1 * 0.5, 0.5};
        double[] y = {Math.sqrt(2 * eps), 1};
        double a = p[0] * p[0] + p[1] * p[1];
        double b = p[0] * y[0] + p[1] * y[1];
        for (String loss : new String[] {"mse-mean", "cost:(x-y)^2"}) {
            MonotonePathResult r = MonotonePath.straight(risk(loss), FROM, to, MonotonePathConfig.withPoints(51));
            assertThat(r.status()).as(loss + ": " + r.message()).isEqualTo(MonotonePathStatus.CERTIFIED);
            assertClose(loss + " c'", 2 * b / a - 1, r.endScale(), 1e-11, 1e-11);
            assertClose(loss + " end loss", r.targetLoss(), r.finalLosses()[r.finalLosses().length - 1], 1e-13,
                    1e-10);
            // v1 = 2 overshoots (best scale about 0.5 < 1): the end is W1 itself
            MonotonePathResult over = MonotonePath.straight(risk(loss), FROM, new double[] {-1, 1, 2, 0.1},
                    MonotonePathConfig.withPoints(51));
            assertThat(over.status()).as(loss + ": " + over.message()).isEqualTo(MonotonePathStatus.CERTIFIED);
            assertThat(over.endScale()).isEqualTo(1.0);
        }
    }

    @Test
    void failedRequirementsAreReportedAsStatus() {
        EmpiricalRisk f = risk("mse-mean");
        MonotonePathResult low = MonotonePath.straight(f, TO, FROM, MonotonePathConfig.withPoints(11));
        assertThat(low.status()).isEqualTo(MonotonePathStatus.INIT_NOT_ABOVE_ZERO_PREDICTOR);
        double[] higher = {2.5, 1, 1, 0.1};
        MonotonePathResult up = MonotonePath.straight(f, FROM, higher, MonotonePathConfig.withPoints(11));
        assertThat(up.status()).isEqualTo(MonotonePathStatus.TARGET_NOT_LOWER);
        // One neuron: every path from w = 2 to w = -1 passes w = 0, where all predictions vanish.
        EmpiricalRisk one = new EmpiricalRisk(Models.parse("mlp:1-1-1:relu:nobias"), Losses.parse("mse-mean"),
                new SafranShamirExample(0.05).dataset(1));
        MonotonePathResult none = MonotonePath.general(one, lam -> new double[] {lam < 0.5 ? 2 - 4 * lam : 0.0
                - 2 * (lam - 0.5), 1}, MonotonePathConfig.withPoints(5));
        assertThat(none.status()).as(none.message()).isEqualTo(MonotonePathStatus.NO_ROOT);
        assertThat(none.message()).contains("lambda = 0.5");
    }
}
