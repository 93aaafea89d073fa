package org.flowscape.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.flowscape.linalg.Matrix;
import org.flowscape.linalg.SymmetricEigen;
import org.flowscape.model.ParameterBlock;
import org.flowscape.objective.EmpiricalRisk;
import org.flowscape.testing.NumericAssert;
import org.junit.jupiter.api.Test;

class DescentTest {
    private static final double[] SPECTRUM = {0.5, 1.0, 2.0, 3.0};
    private static final double[] CENTER = {1.0, -2.0, 0.5, 0.0};
    private static final double[] THETA0 = {0.3, 0.7, -1.1, 2.0};

    @Test
    void gradientDescentMatchesItsClosedFormAndTheTimeMap() {
        Quadratic q = Quadratic.withSpectrum(SPECTRUM, CENTER);
        FlowResult r = Descent.run(q, THETA0, GradientDescent.constant(0.1), StoppingRule.horizon(3));
        assertEquals(Status.HORIZON_REACHED, r.status());
        assertEquals(30, r.steps());
        assertEquals(3.0, r.time(), 1e-15);
        assertEquals(31, r.gradientEvaluations());
        NumericAssert.assertClose("theta_30", q.exactDescent(THETA0, 0.1, 30), r.theta(), 1e-14, 0);
    }

    @Test
    void linearModelMatchesTheTheoryOracles() {
        EmpiricalRisk f = Fixtures.linearModel();
        double[] theta0 = new double[4];
        FlowConfig tight = FlowConfig.of(FlowMethod.DOPRI853).withTolerances(1e-12, 1e-14);
        assertEquals(0.0633638063, GradientFlow.run(f, theta0, tight, StoppingRule.horizon(1)).loss(), 1e-10);
        assertEquals(0.0082376326, GradientFlow.run(f, theta0, tight, StoppingRule.horizon(2)).loss(), 1e-10);
        FlowResult gd = Descent.run(f, theta0, GradientDescent.constant(0.1), StoppingRule.horizon(2));
        assertEquals(20, gd.steps());
        assertEquals(0.0069170294, gd.loss(), 1e-10);
    }

    @Test
    void descentIsUnstableExactlyAboveTwoOverLambdaMax() {
        EmpiricalRisk f = Fixtures.linearModel();
        double[] theta0 = new double[4];
        double[] h = f.hessian(theta0, new double[16]);
        double lambdaMax = SymmetricEigen.values(new Matrix(4, 4, h)).max();
        assertEquals(2 / 0.830025, lambdaMax, 1e-5);
        double eta = 2 / lambdaMax;
        StoppingRule stop = StoppingRule.horizon(2000 * eta).withNormBound(1e6);
        FlowResult stable = Descent.run(f, theta0, GradientDescent.constant(0.97 * eta), stop);
        FlowResult unstable = Descent.run(f, theta0, GradientDescent.constant(1.03 * eta), stop);
        assertEquals(Status.HORIZON_REACHED, stable.status());
        assertTrue(stable.loss() < 1e-20, "loss " + stable.loss());
        assertEquals(Status.NORM_EXCEEDED, unstable.status());
        assertTrue(unstable.diverged());
    }

    @Test
    void momentumMethodsAndAdamReachTheMinimum() {
        Quadratic q = Quadratic.withSpectrum(SPECTRUM, CENTER);
        List<Optimizer> methods = List.of(new HeavyBall(Schedule.constant(0.1), 0.9),
                new Nesterov(Schedule.constant(0.1), 0.9), new Adam(Schedule.exponential(0.05, 0.999), 0.9, 0.999,
                        1e-8), new GradientDescent(Schedule.inverseTime(0.3, 200)));
        for (Optimizer o : methods) {
            FlowResult r = Descent.run(q, THETA0, o, StoppingRule.horizon(1e9).withLossTarget(1e-12)
                    .withMaxEvaluations(20000));
            assertEquals(Status.LOSS_REACHED, r.status(), o.name() + " " + r.loss());
            NumericAssert.assertClose(o.name(), CENTER, r.theta(), 1e-5, 0);
            assertEquals(o.schedule().time(r.steps()), r.time(), 1e-12 * r.time());
        }
    }

    @Test
    void samplesMapToIteratesAndOverflowIsAnOutcome() {
        Quadratic q = Quadratic.withSpectrum(SPECTRUM, CENTER);
        FlowResult r = Descent.run(q, THETA0, GradientDescent.constant(0.1), StoppingRule.horizon(1),
                SampleGrid.linear(1, 3), List.of());
        assertEquals(3, r.samples().size());
        assertEquals(0.5, r.samples().get(1).time(), 1e-15);
        NumericAssert.assertClose("k=5", q.exactDescent(THETA0, 0.1, 5), r.samples().get(1).theta(), 1e-14, 0);
        FlowResult blowup = Descent.run(q, THETA0, GradientDescent.constant(1e100), StoppingRule.horizon(1e110));
        assertEquals(Status.NON_FINITE, blowup.status());
        assertTrue(org.flowscape.linalg.Vectors.allFinite(blowup.theta()));
    }

    @Test
    void oneDescentStepChangesTheBalanceByEtaSquaredTerms() {
        EmpiricalRisk f = Fixtures.gaussian("linear:3x4x5x2", 7, 11);
        List<ParameterBlock> w = BalanceMonitor.weightBlocks(f.layout());
        double[] theta = Fixtures.theta(f.dim(), 0.7, 3);
        double[] g = new double[f.dim()];
        f.valueAndGradient(theta, g);
        double eta = 0.05;
        double[][] before = BalanceMonitor.invariants(w, theta);
        double[] next = theta.clone();
        org.flowscape.linalg.Vectors.axpy(-eta, g, next);
        double[][] after = BalanceMonitor.invariants(w, next);
        double[][] predicted = BalanceMonitor.descentChange(w, g, eta);
        for (int i = 0; i < before.length; i++) {
            double scale = org.flowscape.linalg.Vectors.normInf(before[i]);
            double[] change = org.flowscape.linalg.Vectors.subtract(after[i], before[i]);
            NumericAssert.assertClose("Delta C_" + (i + 1), predicted[i], change, 4e-15 * scale, 0);
        }
    }
}
