package org.flowscape.dynamics;

import static org.flowscape.testing.NumericAssert.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Values computed by hand: the optimizers and schedules over a few steps, the Hermite dense output on a cubic it must
 * reproduce exactly, the gradient the Hipparchus steppers record with each step, and the Rosenbrock stepper's local
 * error and error control on the scalar flow θ' = −λθ (exact solution θ0·e^{−λt}).
 */
class DynamicsValuesTest {
    private static final double TOL = 1e-15;

    private static double[] run(Optimizer opt, double[] theta0, double[][] grads) {
        double[] theta = theta0.clone();
        Optimizer.Run r = opt.start(theta.length);
        for (int k = 0; k < grads.length; k++) {
            r.update(k, theta, grads[k]);
        }
        return theta;
    }

    @Test
    void adamTwoStepsByHand() {
        // β1 = ½, β2 = ¾, ε = 1, η = 0.1, θ0 = (1, 1)
        Adam adam = new Adam(Schedule.constant(0.1), 0.5, 0.75, 1);
        // step 0, g = (2, −4): m = (1, −2), v = (1, 4), m̂ = m/½ = (2, −4), v̂ = v/¼ = (4, 16)
        // θ ← θ − 0.1·(2/(2+1), −4/(4+1)) = (1 − 1/15, 1.08)
        double[] one = run(adam, new double[] {1, 1}, new double[][] {{2, -4}});
        assertClose("Adam step 0", new double[] {1 - 1.0 / 15, 1.08}, one, TOL, 0);
        // step 1, g = (1, 2): m = (1, 0), v = (1, 4), m̂ = m/¾, v̂ = v/(1 − 9/16) = v·16/7
        double[] two = run(adam, new double[] {1, 1}, new double[][] {{2, -4}, {1, 2}});
        double first = 1 - 1.0 / 15 - 0.1 * (4.0 / 3) / (StrictMath.sqrt(16.0 / 7) + 1);
        assertClose("Adam step 1", new double[] {first, 1.08}, two, TOL, 0);
        assertEquals("adam", adam.name());
        Adam d = Adam.defaults(0.01);
        assertEquals(0.9, d.beta1());
        assertEquals(0.999, d.beta2());
        assertEquals(1e-8, d.epsilon());
    }

    @Test
    void momentumMethodsTwoStepsByHand() {
        double[][] g = {{1, -2}, {3, 0.5}};
        // heavy ball, η = 0.5, μ = 0.25: v = (−0.5, 1), then v = (−0.125 − 1.5, 0.25 − 0.25)
        double[] hb = run(new HeavyBall(Schedule.constant(0.5), 0.25), new double[] {0, 0}, g);
        assertClose("heavy ball", new double[] {-0.5 - 1.625, 1 + 0}, hb, TOL, 0);
        // Nesterov, η = 0.5, μ = 0.25: b = g0, θ −= 0.5(g0 + ¼g0); b = ¼g0 + g1, θ −= 0.5(g1 + ¼b)
        double[] b1 = {0.25 * 1 + 3, 0.25 * -2 + 0.5};
        double[] ne = run(new Nesterov(Schedule.constant(0.5), 0.25), new double[] {0, 0}, g);
        assertClose("Nesterov", new double[] {-0.625 - 0.5 * (3 + 0.25 * b1[0]), 1.25 - 0.5 * (0.5 + 0.25 * b1[1])},
                ne, TOL, 0);
        // gradient descent with η_k = 0.5·0.5^k
        double[] gd = run(new GradientDescent(Schedule.exponential(0.5, 0.5)), new double[] {0, 0}, g);
        assertClose("gd, exponential schedule", new double[] {-0.5 - 0.75, 1 - 0.125}, gd, TOL, 0);
    }

    @Test
    void schedulesAndTheirTimeMaps() {
        Schedule c = Schedule.constant(0.2);
        assertEquals(0.2, c.rate(7));
        assertClose("constant t_5", 1.0, c.time(5), TOL, 0);
        Schedule e = Schedule.exponential(1, 0.5);
        assertEquals(0.125, e.rate(3));
        assertClose("exponential t_3", 1.75, e.time(3), TOL, 0);
        assertClose("exponential q = 1 t_3", 3 * 0.3, Schedule.exponential(0.3, 1).time(3), TOL, 0);
        Schedule inv = Schedule.inverseTime(1, 2);
        assertEquals(0.5, inv.rate(2));
        assertClose("inverse-time t_3", 1 + 2.0 / 3 + 0.5, inv.time(3), TOL, 0);
        assertEquals(0.0, inv.time(0));
    }

    /** θ(t) = (1 − 2t + ½t² + t³, 3 − t³) and its derivative, read by −∇L = θ'. */
    private static double[] cubic(double t) {
        return new double[] {1 - 2 * t + 0.5 * t * t + t * t * t, 3 - t * t * t};
    }

    private static double[] minusDerivative(double t) {
        return new double[] {-(-2 + t + 3 * t * t), 3 * t * t};
    }

    @Test
    void hermiteInterpolantReproducesACubic() {
        double t0 = 0.5;
        double t1 = 2;
        StepInterpolant h = StepInterpolant.hermite(t0, cubic(t0), minusDerivative(t0), t1, cubic(t1),
                minusDerivative(t1));
        assertEquals(t0, h.startTime());
        assertEquals(t1, h.endTime());
        double[] out = new double[2];
        for (double t : new double[] {0.5, 0.7, 1.1, 1.25, 1.9, 2}) {
            h.state(t, out);
            assertClose("Hermite at " + t, cubic(t), out, 1e-14, 1e-14);
        }
    }

    /** Records each accepted step's point. */
    private static final class Recorder implements StepObserver {
        final List<FlowPoint> points = new ArrayList<>();

        @Override
        public void onStep(FlowPoint point) {
            // the point is a view of the tracker's buffers: copy them
            points.add(new FlowPoint(point.step(), point.time(), point.theta().clone(), point.loss(),
                    point.gradient().clone()));
        }
    }

    @Test
    void explicitSteppersRecordTheGradientAtEachStep() {
        Quadratic q = Quadratic.withSpectrum(new double[] {0.5, 2}, new double[] {1, -1});
        for (FlowConfig c : new FlowConfig[] {FlowConfig.of(FlowMethod.DOPRI54), FlowConfig.of(FlowMethod.DOPRI853),
            FlowConfig.rk4(0.1)}) {
            Recorder rec = new Recorder();
            GradientFlow.run(q, new double[] {3, 2}, c, StoppingRule.horizon(1), SampleGrid.none(), List.of(rec));
            assertTrue(rec.points.size() > 2);
            for (FlowPoint pt : rec.points) {
                double[] g = new double[2];
                double loss = q.valueAndGradient(pt.theta(), g);
                assertClose(c.method() + " gradient at step " + pt.step(), g, pt.gradient(), 1e-14, 1e-12);
                assertClose(c.method() + " loss at step " + pt.step(), loss, pt.loss(), 1e-14, 1e-12);
            }
        }
    }

    private static Quadratic scalar(double lambda) {
        return Quadratic.withSpectrum(new double[] {lambda}, new double[] {0});
    }

    /** |θ1 − e^{−λh}| after one fixed step h from θ0 = 1 on θ' = −λθ. */
    private static double localError(RosenbrockTableau tab, double lambda, double h) {
        FlowConfig c = FlowConfig.of(FlowMethod.STIFF).withTableau(tab).withStepSize(h);
        FlowResult r = GradientFlow.run(scalar(lambda), new double[] {1}, c, StoppingRule.horizon(h));
        assertEquals(Status.HORIZON_REACHED, r.status());
        assertEquals(1, r.steps());
        return Math.abs(r.theta()[0] - StrictMath.exp(-lambda * h));
    }

    @Test
    void rosenbrockLocalErrorHasTheTableausOrder() {
        for (RosenbrockTableau tab : new RosenbrockTableau[] {RosenbrockTableau.SHAMPINE4, RosenbrockTableau.ROS2}) {
            // local error C·h^{p+1}: halving h divides it by 2^{p+1}
            double ratio = localError(tab, 1, 0.1) / localError(tab, 1, 0.05);
            double expected = Math.pow(2, tab.order() + 1);
            assertTrue(ratio > 0.8 * expected && ratio < 1.25 * expected, tab.name() + ": ratio " + ratio);
        }
        // one step of ROS2 on a linear problem is its stability function R(z) = (1 + (1 − 2γ)z + (½ − 2γ + γ²)z²)
        // / (1 − γz)², z = −λh
        double g = 1 - Math.sqrt(0.5);
        double z = -0.5;
        double rz = (1 + (1 - 2 * g) * z + (0.5 - 2 * g + g * g) * z * z) / ((1 - g * z) * (1 - g * z));
        FlowResult r = GradientFlow.run(scalar(1), new double[] {1},
                FlowConfig.of(FlowMethod.STIFF).withTableau(RosenbrockTableau.ROS2).withStepSize(0.5),
                StoppingRule.horizon(0.5));
        assertClose("ROS2 one step = R(z)", rz, r.theta()[0], 1e-15, 0);
    }

    @Test
    void rosenbrockErrorControlMeetsAMixedTolerance() {
        // atol = rtol = 1e-6 at |θ| ≈ 1: the weight atol + rtol·|θ| is 2e-6, never 0
        for (RosenbrockTableau tab : new RosenbrockTableau[] {RosenbrockTableau.SHAMPINE4, RosenbrockTableau.ROS2}) {
            FlowConfig c = FlowConfig.of(FlowMethod.STIFF).withTableau(tab).withTolerances(1e-6, 1e-6);
            FlowResult r = GradientFlow.run(scalar(1), new double[] {1}, c, StoppingRule.horizon(2));
            assertEquals(Status.HORIZON_REACHED, r.status(), tab.name() + ": " + r.event());
            assertClose(tab.name() + " theta(2)", StrictMath.exp(-2), r.theta()[0], 2e-5, 0);
            // the error estimate is C·h^{q+1} with q = 3 (shampine4) or 1 (ros2): about 20 or 500 steps are needed
            int bound = tab.embeddedOrder() == 3 ? 200 : 2000;
            assertTrue(r.steps() > 5 && r.steps() < bound, tab.name() + " took " + r.steps() + " steps");
            // ten times tighter tolerances: more steps and a smaller error
            FlowResult tight = GradientFlow.run(scalar(1), new double[] {1}, c.withTolerances(1e-8, 1e-8),
                    StoppingRule.horizon(2));
            assertTrue(tight.steps() > r.steps(), tab.name());
            assertTrue(Math.abs(tight.theta()[0] - StrictMath.exp(-2)) < Math.abs(r.theta()[0] - StrictMath.exp(-2)),
                    tab.name());
        }
    }
}
