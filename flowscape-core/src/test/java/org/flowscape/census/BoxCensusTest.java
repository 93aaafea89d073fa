package org.flowscape.census;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.flowscape.data.Dataset;
import org.flowscape.linalg.Matrix;
import org.flowscape.loss.Losses;
import org.flowscape.model.Models;
import org.flowscape.objective.EmpiricalRisk;
import org.flowscape.objective.ExpressionObjective;
import org.flowscape.objective.Objective;
import org.flowscape.objective.WeightDecay;
import org.flowscape.testing.ClosedForms;
import org.junit.jupiter.api.Test;

/** Censuses with closed-form answers, and the negative control of a continuum of critical points. */
class BoxCensusTest {

    private static CensusResult census(Objective f, double lo, double hi, double minWidth, int samples) {
        int p = f.dim();
        double[] a = new double[p];
        double[] b = new double[p];
        java.util.Arrays.fill(a, lo);
        java.util.Arrays.fill(b, hi);
        CensusConfig c = new CensusConfig(a, b, minWidth, 2_000_000, 120, CensusConfig.DEFAULT_ZERO_TOL, samples, 7);
        return BoxCensus.run(f, c, null);
    }

    private static void assertEncloses(CertifiedPoint pt, double... x) {
        for (int i = 0; i < x.length; i++) {
            assertThat(pt.lo()[i]).as("lower bound %d of %s", i, java.util.Arrays.toString(pt.lo())).isLessThanOrEqualTo(x[i]);
            assertThat(pt.hi()[i]).as("upper bound %d", i).isGreaterThanOrEqualTo(x[i]);
        }
        assertThat(pt.width()).isLessThan(1e-9);
    }

    @Test
    void scalarFactorisationWithWeightDecayHasExactlyTwoMinimaAndTheSaddle() {
        double lambda = 0.19;
        Objective f = WeightDecay.of(ExpressionObjective.parse(ClosedForms.FACTORISATION), lambda);
        CensusResult r = census(f, -2, 2, 1e-4, 40);
        assertThat(r.complete()).as("undecided %s", r.undecided()).isTrue();
        assertThat(r.points()).hasSize(3);
        double s = Math.sqrt(1 - lambda);
        // minima at a = b = ±sqrt(1 − λ) with L = λ²/2 + λ(1 − λ) = 0.17195; the saddle at 0 with L = 1/2
        List<CertifiedPoint> minima = r.points().stream().filter(pt -> pt.index() == 0).toList();
        assertThat(minima).hasSize(2);
        for (CertifiedPoint m : minima) {
            double sign = Math.signum(m.midpoint()[0]);
            assertEncloses(m, sign * s, sign * s);
            assertThat(m.lossLo()).isLessThanOrEqualTo(0.17195 + 1e-15).isCloseTo(0.17195, within(1e-9));
            assertThat(m.lossHi()).isGreaterThanOrEqualTo(0.17195 - 1e-15);
        }
        CertifiedPoint saddle = r.points().stream().filter(pt -> pt.index() == 1).findFirst().orElseThrow();
        assertEncloses(saddle, 0, 0);
        assertThat(saddle.lossLo()).isLessThanOrEqualTo(0.5);
        assertThat(saddle.lossHi()).isGreaterThanOrEqualTo(0.5);
        assertThat(saddle.type()).isEqualTo("saddle");
        assertThat(r.excludedVolume() + r.certifiedVolume()).isCloseTo(1, within(1e-12));
        assertThat(r.consistency().boundaryOutward()).isTrue();
        assertThat(r.consistency().euler()).isEqualTo(Consistency.Verdict.HOLDS);
        assertThat(r.consistency().eulerSum()).isEqualTo(1);
        assertThat(r.consistency().pointsFound()).isBetween(1, 3);
        assertThat(r.consistency().outsideFound()).isZero();
        assertThat(r.orbitSizes()).containsExactly(1, 1, 1);
    }

    @Test
    void mullerBrownHasThreeMinimaAndTwoSaddles() {
        Objective f = ExpressionObjective.parse(ClosedForms.MULLER_BROWN);
        CensusConfig c = new CensusConfig(new double[] {-1.5, -0.5}, new double[] {1.2, 2.0}, 1e-4, 2_000_000, 120,
                CensusConfig.DEFAULT_ZERO_TOL, 30, 3);
        CensusResult r = BoxCensus.run(f, c, null);
        assertThat(r.complete()).as("undecided %s", r.undecided()).isTrue();
        int[] counts = r.countsByIndex();
        assertThat(counts[0]).isEqualTo(3);
        assertThat(counts[1]).isEqualTo(2);
        assertThat(counts[2]).isZero();
        CertifiedPoint global = r.points().get(0);
        assertThat(global.index()).isZero();
        assertThat(global.midpoint()[0]).isCloseTo(-0.558, within(1e-3));
        assertThat(global.midpoint()[1]).isCloseTo(1.442, within(1e-3));
        assertThat(global.lossLo()).isCloseTo(-146.70, within(0.005));
        assertThat(r.consistency().pointsFound()).isPositive();
    }

    @Test
    void oneDimensionalDoubleWellHasTwoMinimaAndAMaximum() {
        Objective f = ExpressionObjective.parse("fn:(p1^2-1)^2");
        CensusResult r = census(f, -2, 2, 1e-6, 10);
        assertThat(r.complete()).isTrue();
        assertThat(r.points()).hasSize(3);
        assertEncloses(r.points().get(0), -1);
        assertEncloses(r.points().get(1), 1);
        assertEncloses(r.points().get(2), 0);
        assertThat(r.points().get(2).type()).isEqualTo("maximum");
        assertThat(r.points().get(2).lossLo()).isLessThanOrEqualTo(1);
        assertThat(r.consistency().euler()).isEqualTo(Consistency.Verdict.HOLDS);
    }

    @Test
    void aCurveOfCriticalPointsIsNeverCertifiedAsPoints() {
        // ½(ab − 1)² without weight decay: a hyperbola ab = 1 of minima (the rescaling symmetry), and the saddle at 0
        Objective f = ExpressionObjective.parse(ClosedForms.FACTORISATION);
        CensusResult r = census(f, -2, 2, 1e-3, 0);
        assertThat(r.complete()).isFalse();
        for (CertifiedPoint pt : r.points()) {
            double[] m = pt.midpoint();
            assertThat(Math.abs(m[0] * m[1] - 1)).as("certified point %s on the hyperbola",
                    java.util.Arrays.toString(m)).isGreaterThan(0.1);
        }
        assertThat(r.points()).hasSize(1);
        assertEncloses(r.points().get(0), 0, 0);
        assertThat(r.undecided()).allSatisfy(u -> {
            double[] c = BoxCensus.centre(u.lo(), u.hi());
            assertThat(Math.abs(c[0] * c[1] - 1)).isLessThan(0.05);
        });
        assertThat(r.undecided()).anySatisfy(u -> assertThat(u.reason()).isEqualTo(UndecidedBox.Reason.NOT_ISOLATED));
        assertThat(r.consistency().euler()).isEqualTo(Consistency.Verdict.NOT_APPLICABLE);
    }

    @Test
    void aTinyBudgetLeavesTheRestUndecidedAsBudget() {
        Objective f = ExpressionObjective.parse(ClosedForms.MULLER_BROWN);
        CensusResult r = census(f, -1.5, 2, 1e-4, 0);
        CensusResult small = BoxCensus.run(f, new CensusConfig(new double[] {-1.5, -1.5}, new double[] {2, 2}, 1e-4,
                5, 60, 1e-8, 0, 0), null);
        assertThat(small.boxes()).isEqualTo(5);
        assertThat(small.undecided()).isNotEmpty().allSatisfy(u -> assertThat(u.reason())
                .isEqualTo(UndecidedBox.Reason.BUDGET));
        assertThat(r.boxes()).isGreaterThan(5);
    }

    @Test
    void weightDecayedLinearModelHasTheUniqueRidgeMinimum() {
        // f(x) = w x + b on x = (1, 2), y = (1, 3), mse (1/2n): L = 1/4 Σ (w x + b − y)² + λ/2 (w² + b²)
        Dataset data = new Dataset("two", Matrix.of(new double[][] {{1}, {2}}), Matrix.of(new double[][] {{1}, {3}}));
        double lambda = 0.1;
        Objective f = WeightDecay.of(new EmpiricalRisk(Models.parse("mlp:1-1:identity"), Losses.parse("mse"), data),
                lambda);
        CensusResult r = census(f, -5, 5, 1e-4, 5);
        assertThat(r.complete()).isTrue();
        assertThat(r.points()).hasSize(1);
        // normal equations: [Σx²/2 + λ, Σx/2; Σx/2, n/2 + λ] (w, b) = (Σxy/2, Σy/2) = [[2.6, 1.5], [1.5, 1.1]] (w, b)
        // = (3.5, 2)
        double det = 2.6 * 1.1 - 1.5 * 1.5;
        double w = (3.5 * 1.1 - 1.5 * 2) / det;
        double b = (2.6 * 2 - 1.5 * 3.5) / det;
        assertEncloses(r.points().get(0), w, b);
        assertThat(r.points().get(0).index()).isZero();
    }
}
