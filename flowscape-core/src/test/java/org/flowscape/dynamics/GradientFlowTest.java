package org.flowscape.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.flowscape.linalg.Vectors;
import org.flowscape.testing.NumericAssert;
import org.junit.jupiter.api.Test;

class GradientFlowTest {
    private static final double[] SPECTRUM = {0.5, 1.0, 2.0, 3.0};
    private static final double[] CENTER = {1.0, -2.0, 0.5, 0.0};
    private static final double[] THETA0 = {0.3, 0.7, -1.1, 2.0};

    private static Quadratic quadratic() {
        return Quadratic.withSpectrum(SPECTRUM, CENTER);
    }

    private static double error(FlowResult r, Quadratic q, double t) {
        return Vectors.norm2(Vectors.subtract(r.theta(), q.exactFlow(THETA0, t)));
    }

    @Test
    void dopri853MatchesTheExactQuadraticFlowAtTightTolerance() {
        Quadratic q = quadratic();
        FlowResult r = GradientFlow.run(q, THETA0, FlowConfig.of(FlowMethod.DOPRI853).withTolerances(1e-13, 1e-15),
                StoppingRule.horizon(3));
        assertEquals(Status.HORIZON_REACHED, r.status());
        assertEquals(3.0, r.time(), 0);
        NumericAssert.assertClose("theta(3)", q.exactFlow(THETA0, 3), r.theta(), 1e-12, 0);
        assertTrue(r.gradientEvaluations() > 0);
    }

    @Test
    void dopri853SpendsTwelveGradientsPerStepUnlessInterpolated() {
        Quadratic q = quadratic();
        FlowConfig c = FlowConfig.of(FlowMethod.DOPRI853).withTolerances(1e-12, 1e-14).withStiffnessCheck(false);
        FlowResult r = GradientFlow.run(q, THETA0, c, StoppingRule.horizon(3));
        assertTrue(r.gradientEvaluations() <= 12 * r.steps() + 40, r.gradientEvaluations() + " for " + r.steps());
        assertEquals(0, r.auxiliaryEvaluations());
        FlowResult sampled = GradientFlow.run(q, THETA0, c, StoppingRule.horizon(3), SampleGrid.linear(3, 4),
                List.of());
        assertEquals(r.gradientEvaluations(), sampled.gradientEvaluations());
        assertTrue(sampled.auxiliaryEvaluations() > 0);
    }

    @Test
    void dopri54AndStiffMatchTheExactQuadraticFlow() {
        Quadratic q = quadratic();
        for (FlowMethod m : new FlowMethod[] {FlowMethod.DOPRI54, FlowMethod.STIFF}) {
            FlowResult r = GradientFlow.run(q, THETA0, FlowConfig.of(m).withTolerances(1e-10, 1e-12),
                    StoppingRule.horizon(2));
            NumericAssert.assertClose(m + " theta(2)", q.exactFlow(THETA0, 2), r.theta(), 1e-8, 0);
        }
    }

    @Test
    void rk4ConvergesWithOrderFour() {
        Quadratic q = quadratic();
        double e1 = error(GradientFlow.run(q, THETA0, FlowConfig.rk4(0.1), StoppingRule.horizon(2)), q, 2);
        double e2 = error(GradientFlow.run(q, THETA0, FlowConfig.rk4(0.05), StoppingRule.horizon(2)), q, 2);
        double ratio = e1 / e2;
        assertTrue(ratio > 14 && ratio < 18, "RK4 error ratio on halving the step: " + ratio);
    }

    @Test
    void rosenbrockConvergesWithItsOrder() {
        Quadratic q = quadratic();
        for (RosenbrockTableau tab : List.of(RosenbrockTableau.SHAMPINE4, RosenbrockTableau.ROS2)) {
            FlowConfig c = FlowConfig.of(FlowMethod.STIFF).withTableau(tab);
            double e1 = error(GradientFlow.run(q, THETA0, c.withStepSize(0.1), StoppingRule.horizon(2)), q, 2);
            double e2 = error(GradientFlow.run(q, THETA0, c.withStepSize(0.05), StoppingRule.horizon(2)), q, 2);
            double expected = Math.pow(2, tab.order());
            double ratio = e1 / e2;
            assertTrue(ratio > 0.85 * expected && ratio < 1.2 * expected, tab.name() + " ratio " + ratio);
        }
    }

    @Test
    void stiffMethodTakesFewStepsWhereExplicitOnesCrawl() {
        Quadratic q = Quadratic.withSpectrum(new double[] {1e-2, 1e4}, new double[] {0, 0});
        double[] theta0 = {1, 1};
        StoppingRule stop = StoppingRule.horizon(20);
        FlowResult stiff = GradientFlow.run(q, theta0, FlowConfig.of(FlowMethod.STIFF), stop);
        FlowResult explicit = GradientFlow.run(q, theta0, FlowConfig.of(FlowMethod.DOPRI54), stop);
        assertTrue(stiff.steps() < 500, "stiff steps " + stiff.steps());
        assertTrue(explicit.steps() > 50 * stiff.steps(), "explicit steps " + explicit.steps());
        assertFalse(explicit.stiffnessWarning().isEmpty());
        assertTrue(stiff.stiffnessWarning().isEmpty());
        NumericAssert.assertClose("stiff", q.exactFlow(theta0, 20), stiff.theta(), 1e-7, 0);
        FlowResult auto = GradientFlow.run(q, theta0, FlowConfig.defaults(), stop);
        assertTrue(auto.method().startsWith("stiff"), auto.choice());
        assertTrue(auto.choice().startsWith("auto"));
    }

    @Test
    void stiffMethodAgreesWithDopri853OnANetwork() {
        var f = Fixtures.gaussian("mlp:2-3-1:tanh", 6, 4);
        double[] theta0 = Fixtures.theta(f.dim(), 0.8, 5);
        FlowResult reference = GradientFlow.run(f, theta0, FlowConfig.of(FlowMethod.DOPRI853)
                .withTolerances(1e-12, 1e-14), StoppingRule.horizon(3));
        FlowResult stiff = GradientFlow.run(f, theta0, FlowConfig.of(FlowMethod.STIFF).withTolerances(1e-9, 1e-11),
                StoppingRule.horizon(3));
        NumericAssert.assertClose("stiff vs dopri853", reference.theta(), stiff.theta(), 1e-6, 0);
        assertTrue(stiff.hessianEvaluations() >= stiff.steps());
    }

    @Test
    void autoPicksAnExplicitMethodForAMildFlow() {
        FlowResult r = GradientFlow.run(quadratic(), THETA0, FlowConfig.defaults().withTolerances(1e-10, 1e-12),
                StoppingRule.horizon(1));
        assertEquals("dopri853", r.method(), r.choice());
    }

    @Test
    void lossTargetIsLocatedInsideTheStep() {
        Quadratic q = Quadratic.withSpectrum(new double[] {2.0}, new double[] {0});
        double[] theta0 = {1};
        // L(t) = ½·2·e^{−4t} = e^{−4t}: L = 1e-3 at t = ln(1000)/4.
        FlowResult r = GradientFlow.run(q, theta0, FlowConfig.of(FlowMethod.DOPRI853).withTolerances(1e-12, 1e-14),
                StoppingRule.horizon(100).withLossTarget(1e-3));
        assertEquals(Status.LOSS_REACHED, r.status());
        assertEquals(Math.log(1000) / 4, r.time(), 1e-9);
        assertEquals(1e-3, r.loss(), 1e-11);
    }

    @Test
    void gradientTargetAndUserEventStopTheRun() {
        Quadratic q = Quadratic.withSpectrum(new double[] {1.0}, new double[] {0});
        double[] theta0 = {1};
        FlowConfig c = FlowConfig.of(FlowMethod.DOPRI853).withTolerances(1e-12, 1e-14);
        FlowResult g = GradientFlow.run(q, theta0, c, StoppingRule.horizon(100).withGradientTarget(0.01));
        assertEquals(Status.GRADIENT_REACHED, g.status());
        assertEquals(Math.log(100), g.time(), 1e-9);
        FlowResult e = GradientFlow.run(q, theta0, c,
                StoppingRule.horizon(100).withEvent(FlowEvent.of("theta=0.5", p -> p.theta()[0] - 0.5)));
        assertEquals(Status.EVENT, e.status());
        assertEquals("theta=0.5", e.event());
        assertEquals(Math.log(2), e.time(), 1e-9);
    }

    @Test
    void divergenceIsAnOutcome() {
        // A concave quadratic: the flow runs off to infinity like e^{t}.
        Quadratic q = Quadratic.withSpectrum(new double[] {-1.0}, new double[] {0});
        double[] theta0 = {1};
        FlowResult r = GradientFlow.run(q, theta0, FlowConfig.of(FlowMethod.DOPRI54),
                StoppingRule.horizon(1e4).withNormBound(1e6));
        assertEquals(Status.NORM_EXCEEDED, r.status());
        assertTrue(r.diverged());
        assertEquals(Math.log(1e6), r.time(), 1e-5);
        FlowResult nan = GradientFlow.run(q, theta0, FlowConfig.of(FlowMethod.DOPRI54), StoppingRule.horizon(1e4));
        assertTrue(nan.status() == Status.NON_FINITE || nan.status() == Status.STEP_TOO_SMALL, nan.status().name());
        assertTrue(Vectors.allFinite(nan.theta()));
    }

    @Test
    void evaluationBudgetIsAnOutcome() {
        FlowResult r = GradientFlow.run(quadratic(), THETA0, FlowConfig.rk4(1e-3),
                StoppingRule.horizon(10).withMaxEvaluations(100));
        assertEquals(Status.EVALUATION_LIMIT, r.status());
        assertTrue(r.gradientEvaluations() <= 100);
    }

    @Test
    void denseOutputSamplesTheRequestedGrid() {
        Quadratic q = quadratic();
        SampleGrid grid = SampleGrid.log(1e-2, 4, 9);
        FlowResult r = GradientFlow.run(q, THETA0, FlowConfig.of(FlowMethod.DOPRI853).withTolerances(1e-12, 1e-14),
                StoppingRule.horizon(4), grid, List.of());
        assertEquals(9, r.samples().size());
        for (Sample s : r.samples()) {
            NumericAssert.assertClose("sample at " + s.time(), q.exactFlow(THETA0, s.time()), s.theta(), 1e-10, 0);
            assertEquals(q.value(s.theta()), s.loss(), 1e-15);
        }
        FlowResult stiff = GradientFlow.run(q, THETA0, FlowConfig.of(FlowMethod.STIFF).withTolerances(1e-9, 1e-12),
                StoppingRule.horizon(4), SampleGrid.linear(4, 5), List.of());
        assertEquals(5, stiff.samples().size());
        for (Sample s : stiff.samples()) {
            NumericAssert.assertClose("stiff sample at " + s.time(), q.exactFlow(THETA0, s.time()), s.theta(), 1e-6,
                    0);
        }
    }

    @Test
    void observersSeeEveryAcceptedStep() {
        long[] counts = new long[3];
        StepObserver o = new StepObserver() {
            @Override
            public void start(org.flowscape.objective.Objective objective, FlowPoint initial) {
                counts[0]++;
            }

            @Override
            public void onStep(FlowPoint point) {
                counts[1]++;
            }

            @Override
            public void finish(FlowPoint last) {
                counts[2]++;
            }
        };
        FlowResult r = GradientFlow.run(quadratic(), THETA0, FlowConfig.rk4(0.1), StoppingRule.horizon(1),
                SampleGrid.none(), List.of(o));
        assertEquals(1, counts[0]);
        assertEquals(r.steps(), counts[1]);
        assertEquals(10, r.steps());
        assertEquals(1, counts[2]);
    }

    @Test
    void wrongInputsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> GradientFlow.run(quadratic(), new double[3],
                FlowConfig.defaults(), StoppingRule.horizon(1)));
        assertThrows(IllegalArgumentException.class, () -> FlowConfig.of(FlowMethod.RK4));
        assertThrows(IllegalArgumentException.class, () -> FlowMethod.parse("euler"));
        assertThrows(IllegalArgumentException.class, () -> StoppingRule.horizon(Double.POSITIVE_INFINITY));
    }
}
