package org.flowscape.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.flowscape.linalg.Vectors;
import org.flowscape.objective.EmpiricalRisk;
import org.flowscape.testing.NumericAssert;
import org.junit.jupiter.api.Test;

class CriticalPointsTest {
    private static final PolishConfig NEWTON = PolishConfig.defaults(PolishMethod.NEWTON);
    private static final PolishConfig LM = PolishConfig.defaults(PolishMethod.LEVENBERG_MARQUARDT);

    @Test
    void newtonPolishesTheEfficientTanhMinimumToMorse() {
        EmpiricalRisk f = Fixtures.shallowTanh(2);
        PolishResult r = Polisher.polish(f, Fixtures.b7Minimum(), NEWTON);
        assertEquals(PolishStatus.CONVERGED, r.status(), () -> r.history().toString());
        assertTrue(r.gradientNorm() <= 1e-12);
        assertEquals(0.0104463203265, r.value(), 1e-12);
        CriticalPointReport c = Classifier.classify(f, r.theta(), 1e-10);
        assertEquals(CriticalPointType.MINIMUM, c.type());
        assertTrue(c.morse());
        assertEquals(0, c.nullity());
        assertEquals(0, c.orbitDimension());
        assertEquals(4.0005e-4, c.spectrum().values()[0], 1e-8);
        assertEquals(1.73467, c.spectrum().values()[6], 1e-5);
    }

    @Test
    void levenbergMarquardtFindsTheProductSaddleAndNewtonTheMinimizers() {
        EmpiricalRisk f = Fixtures.product(2, 1.5);
        PolishResult saddle = Polisher.polish(f, new double[] {0.01, -0.02}, LM);
        assertEquals(PolishStatus.CONVERGED, saddle.status());
        NumericAssert.assertClose("origin", new double[2], saddle.theta(), 1e-12, 0);
        CriticalPointReport c = Classifier.classify(f, saddle.theta(), 1e-10);
        assertEquals(CriticalPointType.SADDLE, c.type());
        assertTrue(c.strictSaddle() && c.morse());
        assertEquals(1, c.index());
        PolishResult min = Polisher.polish(f, new double[] {0.01, -0.02}, NEWTON);
        assertEquals(PolishStatus.CONVERGED, min.status());
        assertEquals(1.5, min.theta()[0] * min.theta()[1], 1e-12);
        assertTrue(min.history().size() > 2 && min.history().get(0).gradientNorm() > 1e-3);
    }

    @Test
    void productMinimizerIsDegenerateButExplainedBySymmetry() {
        EmpiricalRisk f = Fixtures.product(3, 2);
        PolishResult r = Polisher.polish(f, new double[] {1.1, 0.9, 2.1}, NEWTON);
        assertEquals(PolishStatus.CONVERGED, r.status());
        CriticalPointReport c = Classifier.classify(f, r.theta(), 1e-10);
        assertEquals(CriticalPointType.DEGENERATE_NONNEGATIVE, c.type());
        assertEquals(2, c.nullity());
        assertEquals(2, c.orbitDimension());
        assertEquals(2, c.nullityExplained());
        assertEquals(0, c.excessNullity());
        assertTrue(c.morseModuloSymmetry());
        assertFalse(c.morse());
        assertEquals(2, c.realisationNullity());
        assertEquals(0, c.unexplainedNullity());
        CriticalPointReport origin = Classifier.classify(f, new double[3], 1e-10);
        assertEquals(3, origin.nullity());
        assertEquals(0, origin.orbitDimension());
        assertEquals(3, origin.excessNullity());
        assertFalse(origin.strictSaddle());
    }

    @Test
    void matrixOriginIsAStrictMorseSaddleOfIndexSix() {
        EmpiricalRisk f = Fixtures.matrixA4();
        CriticalPointReport c = Classifier.classify(f, new double[12], 1e-12);
        assertEquals(CriticalPointType.SADDLE, c.type());
        assertEquals(6, c.index());
        assertEquals(0, c.orbitDimension());
    }

    @Test
    void deepLinearMinimumHasTheGaugeOrbitAsItsNullSpace() {
        EmpiricalRisk f = Fixtures.matrixA4();
        double[] start = f.network().initialize(3);
        PolishResult r = Polisher.polish(f, start, NEWTON);
        assertEquals(PolishStatus.CONVERGED, r.status());
        CriticalPointReport c = Classifier.classify(f, r.theta(), 1e-10);
        // {W2 W1 = A} has dimension 12 − 4 = 8; GL(3)'s stabilizer {E : E W1 = 0, W2 E = 0} has dimension 1, so the
        // orbit has dimension 9 − 1 = 8: every flat direction is a symmetry.
        assertEquals(8, c.orbitDimension());
        assertEquals(c.nullity(), c.nullityExplained());
        assertEquals(c.orbitDimension(), c.nullity());
        assertEquals(0, c.index());
    }

    @Test
    void interpolatingMinimumIsFlatByOverparameterizationNotSymmetry() {
        org.flowscape.model.Network net = org.flowscape.model.Models.parse("mlp:1-5-1:tanh");
        double[] teacher = net.initialize(1);
        EmpiricalRisk f = new EmpiricalRisk(net, org.flowscape.loss.Losses.mse(),
                org.flowscape.testing.Problems.realizable(net, teacher, 5, 2));
        double[] start = teacher.clone();
        for (int i = 0; i < start.length; i++) {
            start[i] += 0.01 * Math.sin(i + 1.0);
        }
        PolishResult r = Polisher.polish(f, start, NEWTON);
        assertEquals(PolishStatus.CONVERGED, r.status());
        CriticalPointReport c = Classifier.classify(f, r.theta(), 1e-10);
        assertTrue(c.value() < 1e-20);
        assertEquals(16 - 5, c.nullity());
        assertEquals(0, c.orbitDimension());
        assertEquals(11, c.excessNullity());
        assertEquals(11, c.realisationNullity());
        assertEquals(0, c.unexplainedNullity());
    }

    @Test
    void eigenvectorFollowingClimbsFromAMinimumToTheIndexOneSaddle() {
        DoubleWell f = new DoubleWell();
        PolishConfig config = new PolishConfig(PolishMethod.NEWTON, 1e-12, 100, 0.2, 1e6);
        PolishResult r = EigenvectorFollowing.search(f, new double[] {1, 0}, 0, -1, config);
        assertEquals(PolishStatus.CONVERGED, r.status(), () -> r.history().toString());
        assertTrue(Vectors.normInf(r.theta()) < 1e-12);
        CriticalPointReport c = Classifier.classify(f, r.theta(), 1e-10);
        assertEquals(1, c.index());
        assertEquals(CriticalPointType.SADDLE, c.type());
    }

    @Test
    void matrixFreeLevenbergMarquardtAgreesWithTheDenseOne() {
        EmpiricalRisk f = Fixtures.product(2, 1.5);
        PolishResult saddle = MatrixFreeLevenbergMarquardt.polish(f, new double[] {0.01, -0.02}, LM, 10);
        assertEquals(PolishStatus.CONVERGED, saddle.status());
        NumericAssert.assertClose("origin", new double[2], saddle.theta(), 1e-12, 0);
        EmpiricalRisk g = Fixtures.shallowTanh(2);
        double[] start = Fixtures.b7Minimum();
        start[0] += 1e-3;
        PolishResult dense = Polisher.polish(g, start, LM);
        PolishResult free = MatrixFreeLevenbergMarquardt.polish(g, start, LM, 20);
        assertEquals(PolishStatus.CONVERGED, free.status(), () -> free.history().toString());
        NumericAssert.assertClose("same critical point", dense.theta(), free.theta(), 1e-9, 0);
    }

    @Test
    void polishingIsDeterministicAndRecordsItsHistory() {
        EmpiricalRisk f = Fixtures.shallowTanh(2);
        double[] start = f.network().initialize(12);
        PolishResult a = Polisher.polish(f, start, NEWTON.withMaxIterations(30));
        PolishResult b = Polisher.polish(f, start, NEWTON.withMaxIterations(30));
        assertTrue(java.util.Arrays.equals(a.theta(), b.theta()));
        assertEquals(a.iterations(), a.history().size() - (a.converged() ? 1 : 0));
    }
}
