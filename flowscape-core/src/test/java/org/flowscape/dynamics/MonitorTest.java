package org.flowscape.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.flowscape.linalg.Matrix;
import org.flowscape.linalg.SymmetricEigen;
import org.flowscape.objective.EmpiricalRisk;
import org.junit.jupiter.api.Test;

class MonitorTest {
    private static final FlowConfig TIGHT = FlowConfig.of(FlowMethod.DOPRI853).withTolerances(1e-12, 1e-14);

    @Test
    void deepLinearBalanceIsConservedAtTightTolerance() {
        EmpiricalRisk f = Fixtures.gaussian("linear:3x4x4x2", 8, 5);
        double[] theta0 = Fixtures.theta(f.dim(), 0.6, 9);
        BalanceMonitor balance = new BalanceMonitor();
        TraceMonitor trace = new TraceMonitor();
        FlowResult r = GradientFlow.run(f, theta0, TIGHT, StoppingRule.horizon(5), SampleGrid.none(),
                List.of(balance, trace));
        assertEquals(2, balance.quantities().size());
        assertTrue(balance.maxRelativeDrift() < 1e-9, "drift " + balance.maxRelativeDrift());
        assertTrue(r.loss() < r.initialLoss());
        assertEquals(r.steps() + 1, trace.loss().size());
        double[] l = trace.loss().values();
        for (int i = 1; i < l.length; i++) {
            assertTrue(l[i] <= l[i - 1], "loss must not increase along the flow");
        }
    }

    @Test
    void rk4BalanceDriftFallsLikeTheFourthPower() {
        EmpiricalRisk f = Fixtures.gaussian("linear:2x3x2", 5, 2);
        double[] theta0 = Fixtures.theta(f.dim(), 1.0, 4);
        double[] drift = new double[2];
        for (int i = 0; i < 2; i++) {
            BalanceMonitor m = new BalanceMonitor();
            GradientFlow.run(f, theta0, FlowConfig.rk4(0.02 / (1 << i)), StoppingRule.horizon(4), SampleGrid.none(),
                    List.of(m));
            drift[i] = m.quantities().get(0).drift();
        }
        double ratio = drift[0] / drift[1];
        assertTrue(ratio > 12 && ratio < 20, "RK4 drift ratio " + ratio);
    }

    @Test
    void vectorImbalanceEqualsItsClosedFormAndIsConserved() {
        EmpiricalRisk f = Fixtures.scalar("linear:1x3x1", 2.0);
        double[] theta0 = {0.4, -0.3, 0.9, 0.2, 0.5, -0.7};
        BalanceMonitor m = new BalanceMonitor();
        GradientFlow.run(f, theta0, TIGHT, StoppingRule.horizon(3), SampleGrid.none(), List.of(m));
        double s = 0;
        double z = 0;
        for (int i = 0; i < 3; i++) {
            s += theta0[i] * theta0[i] + theta0[3 + i] * theta0[3 + i];
            z += theta0[i] * theta0[3 + i];
        }
        assertEquals(s * s - 4 * z * z, m.initialValues()[1][0], 1e-14);
        assertEquals("imbalance c", m.quantities().get(1).name());
        assertTrue(m.maxRelativeDrift() < 1e-9);
    }

    @Test
    void homogeneousNeuronBalanceIsConserved() {
        EmpiricalRisk f = Fixtures.gaussian("mlp:2-3-1:leaky_relu(0.1)", 6, 8);
        double[] theta0 = Fixtures.theta(f.dim(), 0.8, 1);
        NeuronBalanceMonitor m = new NeuronBalanceMonitor();
        GradientFlow.run(f, theta0, TIGHT, StoppingRule.horizon(2), SampleGrid.none(), List.of(m));
        assertTrue(m.maxRelativeDrift() < 1e-8, "drift " + m.maxRelativeDrift());
        assertThrows(IllegalArgumentException.class, () -> GradientFlow.run(Fixtures.gaussian("mlp:2-3-1:tanh", 4, 1),
                new double[13], TIGHT, StoppingRule.horizon(1), SampleGrid.none(),
                List.of(new NeuronBalanceMonitor())));
    }

    @Test
    void oneNeuronSigmoidInvariantIsConserved() {
        EmpiricalRisk f = Fixtures.scalar("mlp:1-1-1:algebraic_sigmoid:nobias", 1.0);
        double[] theta0 = {0.3, -0.8};
        OneNeuronInvariantMonitor m = new OneNeuronInvariantMonitor();
        GradientFlow.run(f, theta0, TIGHT, StoppingRule.horizon(10), SampleGrid.none(), List.of(m));
        assertEquals(0.64 - 0.5 * 1.09 * 1.09, m.initialValues()[0][0], 1e-15);
        assertTrue(m.maxRelativeDrift() < 1e-9, "drift " + m.maxRelativeDrift());
        OneNeuronInvariantMonitor t = new OneNeuronInvariantMonitor();
        GradientFlow.run(Fixtures.scalar("mlp:1-1-1:tanh:nobias", 0.5), theta0, TIGHT, StoppingRule.horizon(10),
                SampleGrid.none(), List.of(t));
        assertTrue(t.maxRelativeDrift() < 1e-9);
    }

    @Test
    void ntkMonitorMatchesTheKernelSpectrumAndIntegrates() {
        EmpiricalRisk f = Fixtures.linearModel();
        NtkMonitor m = new NtkMonitor();
        double[] theta0 = {0.1, 0.2, -0.3, 0.4};
        GradientFlow.run(f, theta0, FlowConfig.rk4(0.05), StoppingRule.horizon(2), SampleGrid.none(), List.of(m));
        double[] k = f.ntk(theta0, new double[9]);
        double lambda = SymmetricEigen.values(new Matrix(3, 3, k)).min();
        assertEquals(0.3508697, lambda, 1e-7);
        assertEquals(lambda, m.lambdaMin().values()[0], 1e-14);
        assertEquals(lambda, m.infimum(), 1e-12);
        assertEquals(2 * lambda, m.integral().last(), 1e-12);
        assertEquals(2 * lambda, m.guaranteedRate(), 1e-12);
    }

    @Test
    void sharpnessAndPlRatioOnAQuadratic() {
        Quadratic q = Quadratic.withSpectrum(new double[] {0.5, 3.0}, new double[] {0, 0});
        SharpnessMonitor s = new SharpnessMonitor(1, 0.5);
        PlMonitor pl = new PlMonitor(0);
        Descent.run(q, new double[] {1, 1}, GradientDescent.constant(0.5), StoppingRule.horizon(5), SampleGrid.none(),
                List.of(s, pl));
        assertEquals(3.0, s.sharpness().max(), 1e-12);
        assertEquals(4.0, s.threshold(), 0);
        assertEquals(0, s.pointsAboveThreshold());
        assertTrue(pl.infimum() >= 0.5 - 1e-12 && pl.infimum() <= 3.0);
        Quadratic one = Quadratic.withSpectrum(new double[] {2.0}, new double[] {0});
        PlMonitor p1 = new PlMonitor(0);
        GradientFlow.run(one, new double[] {1}, TIGHT, StoppingRule.horizon(1), SampleGrid.none(), List.of(p1));
        assertEquals(2.0, p1.ratio().min(), 1e-12);
        assertEquals(2.0, p1.ratio().max(), 1e-12);
    }
}
