package org.flowscape.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * {@link RosenbrockTableau#satisfiedOrder} on tableaus built inside the test (the built-in constants are built at class
 * load, before a changed check could act on them): Shampine's pair, ROS2 from its standard form, one-stage methods
 * whose order is known by hand, and perturbed weights.
 */
class RosenbrockOrderConditionsTest {
    // Also: a fixed-step run whose stage matrix is singular ends with NON_FINITE (a bug this test found).
    private static final double[][] SHAMPINE_A = {{0, 0, 0, 0}, {2, 0, 0, 0}, {48.0 / 25, 6.0 / 25, 0, 0},
        {48.0 / 25, 6.0 / 25, 0, 0}};
    private static final double[][] SHAMPINE_C = {{0, 0, 0, 0}, {-8, 0, 0, 0}, {372.0 / 25, 12.0 / 5, 0, 0},
        {-112.0 / 125, -54.0 / 125, -2.0 / 5, 0}};
    private static final double[] SHAMPINE_M = {19.0 / 9, 1.0 / 2, 25.0 / 108, 125.0 / 108};
    private static final double[] SHAMPINE_E = {17.0 / 54, 7.0 / 36, 0, 125.0 / 108};

    private static RosenbrockTableau shampine(String name, int order, int embedded, double[] m) {
        return new RosenbrockTableau(name, order, embedded, 0.5, SHAMPINE_A, SHAMPINE_C, m, SHAMPINE_E);
    }

    @Test
    void shampinesPairHasOrderFourWithAnOrderThreePartner() {
        double[] embedded = new double[4];
        for (int i = 0; i < 4; i++) {
            embedded[i] = SHAMPINE_M[i] - SHAMPINE_E[i];
        }
        assertEquals(4, RosenbrockTableau.satisfiedOrder(0.5, SHAMPINE_A, SHAMPINE_C, SHAMPINE_M));
        assertEquals(3, RosenbrockTableau.satisfiedOrder(0.5, SHAMPINE_A, SHAMPINE_C, embedded));
        RosenbrockTableau t = shampine("copy", 4, 3, SHAMPINE_M);
        assertEquals(4, t.stages());
        assertTrue(t.reusesPrevious(3));
        assertTrue(!t.reusesPrevious(2) && !t.reusesPrevious(1) && !t.reusesPrevious(0));
    }

    @Test
    void ros2FromItsStandardFormHasOrderTwo() {
        double g = 1 - Math.sqrt(0.5);
        RosenbrockTableau t = RosenbrockTableau.fromStandard("ros2-test", 2, 1, g, new double[][] {{0, 0}, {1, 0}},
                new double[][] {{0, 0}, {Math.sqrt(2) - 2, 0}}, new double[] {0.5, 0.5}, new double[] {1, 0});
        assertEquals(2, RosenbrockTableau.satisfiedOrder(g, t.a(), t.c(), t.m()));
        // u = Γk: Γ⁻¹ = [[1/γ, 0], [−(√2 − 2)/γ², 1/γ]]... checked through the transformed weights m = bΓ⁻¹
        assertEquals(0.5 / g + 0.5 * -(Math.sqrt(2) - 2) / (g * g), t.m()[0], 1e-14);
        assertEquals(0.5 / g, t.m()[1], 1e-14);
        assertEquals(1 / g, t.a()[1][0], 1e-14);
        assertEquals((Math.sqrt(2) - 2) / (g * g), t.c()[1][0], 1e-14);
        // the wrong γ breaks the order-2 condition b·β' = ½ − γ
        assertThrows(IllegalArgumentException.class, () -> RosenbrockTableau.fromStandard("bad", 2, 1, 0.3,
                new double[][] {{0, 0}, {1, 0}}, new double[][] {{0, 0}, {Math.sqrt(2) - 2, 0}},
                new double[] {0.5, 0.5}, new double[] {1, 0}));
    }

    @Test
    void oneStageMethodsHaveTheirOrderByHand() {
        double[][] zero = {{0}};
        // linearly implicit Euler: γ = 1, b = 1 (m = b/γ): order 1 (b·β' = 0 ≠ ½ − γ)
        assertEquals(1, RosenbrockTableau.satisfiedOrder(1, zero, zero, new double[] {1}));
        // γ = ½, b = 1 (m = 2): order 2 (½ − γ = 0), not 3 (b·α² = 0 ≠ ⅓)
        assertEquals(2, RosenbrockTableau.satisfiedOrder(0.5, zero, zero, new double[] {2}));
        // b = 1.001: not even consistent
        assertEquals(0, RosenbrockTableau.satisfiedOrder(0.5, zero, zero, new double[] {2.002}));
        // a residual of 1e-13 passes, 1e-11 fails (tolerance 1e-12)
        assertEquals(2, RosenbrockTableau.satisfiedOrder(0.5, zero, zero, new double[] {2 + 2e-13}));
        assertEquals(0, RosenbrockTableau.satisfiedOrder(0.5, zero, zero, new double[] {2 + 2e-11}));
    }

    @Test
    void eachPerturbedShampineWeightLowersTheOrder() {
        for (int i = 0; i < 4; i++) {
            double[] m = SHAMPINE_M.clone();
            m[i] += 1e-6;
            assertTrue(RosenbrockTableau.satisfiedOrder(0.5, SHAMPINE_A, SHAMPINE_C, m) < 4, "weight " + i);
        }
        double[][] c = {{0, 0, 0, 0}, {-8, 0, 0, 0}, {372.0 / 25, 12.0 / 5, 0, 0},
            {-112.0 / 125, -54.0 / 125, -0.4001, 0}};
        assertTrue(RosenbrockTableau.satisfiedOrder(0.5, SHAMPINE_A, c, SHAMPINE_M) < 4);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> shampine("declared-five", 5, 3, SHAMPINE_M));
        assertTrue(e.getMessage().contains("to order 4 (embedded 3) but declares 5 (3)"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> shampine("declared-two", 4, 2, SHAMPINE_M));
    }

    @Test
    void aSingularStageMatrixAtAFixedStepIsNotSilentlyAccepted() {
        // L = −θ², H = −2; Shampine's γ = ½ at h = 1 makes I/(hγ) + H = 0
        Quadratic concave = Quadratic.withSpectrum(new double[] {-2}, new double[] {0});
        FlowResult r = GradientFlow.run(concave, new double[] {1},
                FlowConfig.of(FlowMethod.STIFF).withStepSize(1), StoppingRule.horizon(1));
        // before the fix the step was accepted with a stale y1 = 0 and the run reported HORIZON_REACHED at θ = 0
        assertEquals(Status.NON_FINITE, r.status());
        assertEquals(1.0, r.theta()[0], "the last good state is returned");
        assertEquals(0.0, r.time());
        assertTrue(r.event().contains("singular"), r.event());
        // the adaptive stepper retries with a smaller step and follows θ(t) = e^{2t}
        FlowResult adaptive = GradientFlow.run(concave, new double[] {1},
                FlowConfig.of(FlowMethod.STIFF).withTolerances(1e-8, 1e-10), StoppingRule.horizon(1));
        assertEquals(Status.HORIZON_REACHED, adaptive.status());
        assertEquals(StrictMath.exp(2), adaptive.theta()[0], 1e-5);
    }
}
