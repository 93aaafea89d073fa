package org.flowscape.dynamics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.hipparchus.ode.AbstractIntegrator;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.nonstiff.DormandPrince54Integrator;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.hipparchus.ode.sampling.ODEStateInterpolator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Our Dormand–Prince core against Hipparchus on non-stiff problems: the same accepted steps (times and states), the
 * same dense output inside each step, the same number of derivative evaluations, and the same global error.
 */
class EmbeddedRungeKuttaTest {
    /**
     * Every stage, y1 and error sum is computed in Hipparchus' order of operations; only the step factor's pow may
     * differ by an ulp (JDK Math.pow against FastMath.pow), so steps agree to rounding.
     */
    private static final double SAME = 1e-12;

    /** A test problem: dimension, y0, end time, f. */
    record Problem(String name, double[] y0, double tEnd, EmbeddedRungeKutta.Rhs f) {
        OrdinaryDifferentialEquation hipparchus() {
            return new OrdinaryDifferentialEquation() {
                @Override
                public int getDimension() {
                    return y0.length;
                }

                @Override
                public double[] computeDerivatives(double t, double[] y) {
                    double[] d = new double[y.length];
                    f.derivative(t, y, d);
                    return d;
                }
            };
        }
    }

    static Problem harmonic() {
        return new Problem("harmonic oscillator", new double[] {1, 0}, 20, (t, y, d) -> {
            d[0] = y[1];
            d[1] = -y[0];
        });
    }

    /** Hairer–Nørsett–Wanner's Arenstorf orbit (Solving ODEs I, eq. II.0.1), one period. */
    static Problem arenstorf() {
        double mu = 0.012277471;
        double nu = 1 - mu;
        return new Problem("Arenstorf orbit", new double[] {0.994, 0, 0, -2.00158510637908252240537862224},
                17.0652165601579625588917206249, (t, y, d) -> {
                    double d1 = Math.pow((y[0] + mu) * (y[0] + mu) + y[1] * y[1], 1.5);
                    double d2 = Math.pow((y[0] - nu) * (y[0] - nu) + y[1] * y[1], 1.5);
                    d[0] = y[2];
                    d[1] = y[3];
                    d[2] = y[0] + 2 * y[3] - nu * (y[0] + mu) / d1 - mu * (y[0] - nu) / d2;
                    d[3] = y[1] - 2 * y[2] - nu * y[1] / d1 - mu * y[1] / d2;
                });
    }

    static Problem lotkaVolterra() {
        return new Problem("Lotka-Volterra", new double[] {1, 3}, 15, (t, y, d) -> {
            d[0] = y[0] * (1.5 - y[1]);
            d[1] = y[1] * (y[0] - 3);
        });
    }

    /** The deep linear gradient flow of W2 in miniature: W3W2W1 of 3 × 3 matrices against a fixed Φ. */
    static Problem deepLinear() {
        EmpiricalRiskFlow flow = new EmpiricalRiskFlow();
        return new Problem("deep linear flow", flow.theta0, 30, flow::derivative);
    }

    static List<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (Problem p : List.of(harmonic(), arenstorf(), lotkaVolterra(), deepLinear())) {
            for (double tol : new double[] {1e-6, 1e-10}) {
                out.add(Arguments.of(p, ExplicitTableau.DOPRI5, tol));
                out.add(Arguments.of(p, ExplicitTableau.DOP853, tol));
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{1} on {0} at {2}")
    @MethodSource("cases")
    void sameAcceptedStepsDenseOutputAndEvaluationsAsHipparchus(Problem p, ExplicitTableau tab, double tol) {
        double minStep = 1e-12;
        double maxStep = p.tEnd;
        List<double[]> ours = new ArrayList<>();
        List<double[][]> oursDense = new ArrayList<>();
        long[] ourCalls = {0};
        EmbeddedRungeKutta.Rhs counted = (t, y, d) -> {
            ourCalls[0]++;
            p.f.derivative(t, y, d);
        };
        EmbeddedRungeKutta rk = new EmbeddedRungeKutta(tab, p.y0.length, tol, tol * 1e-2, minStep, maxStep);
        double[] f0 = new double[p.y0.length];
        p.f.derivative(0, p.y0, f0);
        EmbeddedRungeKutta.Outcome o = rk.integrate(counted, 0, p.y0, f0, p.tEnd, step -> {
            ours.add(withTime(step.endTime(), step.endState()));
            oursDense.add(dense(step.startTime(), step.endTime(), t -> {
                double[] y = new double[p.y0.length];
                step.state(t, y);
                return y;
            }));
            return true;
        });
        assertThat(o).isEqualTo(EmbeddedRungeKutta.Outcome.END_REACHED);

        AbstractIntegrator ref = tab == ExplicitTableau.DOP853
                ? new DormandPrince853Integrator(minStep, maxStep, tol * 1e-2, tol)
                : new DormandPrince54Integrator(minStep, maxStep, tol * 1e-2, tol);
        List<double[]> theirs = new ArrayList<>();
        List<double[][]> theirsDense = new ArrayList<>();
        ref.addStepHandler((ODEStateInterpolator s) -> {
            theirs.add(withTime(s.getCurrentState().getTime(), s.getCurrentState().getPrimaryState()));
            theirsDense.add(dense(s.getPreviousState().getTime(), s.getCurrentState().getTime(),
                    t -> s.getInterpolatedState(t).getPrimaryState()));
        });
        ref.integrate(p.hipparchus(), new ODEState(0, p.y0.clone()), p.tEnd);

        assertThat(ours).hasSize(theirs.size());
        for (int i = 0; i < ours.size(); i++) {
            assertClose(ours.get(i), theirs.get(i), "step " + i);
            for (int j = 0; j < oursDense.get(i).length; j++) {
                assertClose(oursDense.get(i)[j], theirsDense.get(i)[j], "dense output in step " + i);
            }
        }
        // Hipparchus evaluates f at t0 once more and all 15 stages of DOP853 (we defer the 3 dense-output ones)
        int perAttempt = tab.stepStages() - 1;
        long theirAttempts = tab == ExplicitTableau.DOP853 ? (ref.getEvaluations() - 2) / 15
                : (ref.getEvaluations() - 2) / perAttempt;
        long ourAttempts = (ourCalls[0] - 1 - 3L * (tab == ExplicitTableau.DOP853 ? ours.size() : 0)) / perAttempt;
        assertThat(ourAttempts).isEqualTo(theirAttempts).isEqualTo(ours.size() + rk.rejected());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tableaux")
    void globalErrorOnTheHarmonicOscillatorFallsWithTheToleranceAsHipparchus(ExplicitTableau tab) {
        double previous = Double.POSITIVE_INFINITY;
        for (double tol : new double[] {1e-5, 1e-8, 1e-11}) {
            double[] end = endState(tab, tol);
            double error = Math.hypot(end[0] - Math.cos(20), end[1] + Math.sin(20));
            assertThat(error).isLessThan(previous / 10).isLessThan(2000 * tol);
            previous = error;
        }
    }

    static List<ExplicitTableau> tableaux() {
        return List.of(ExplicitTableau.DOPRI5, ExplicitTableau.DOP853);
    }

    private static double[] endState(ExplicitTableau tab, double tol) {
        Problem p = harmonic();
        double[] f0 = {0, -1};
        double[] end = new double[2];
        new EmbeddedRungeKutta(tab, 2, tol, tol, 1e-12, 20).integrate(p.f, 0, p.y0, f0, p.tEnd, step -> {
            System.arraycopy(step.endState(), 0, end, 0, 2);
            return true;
        });
        return end;
    }

    private static double[] withTime(double t, double[] y) {
        double[] out = new double[y.length + 1];
        out[0] = t;
        System.arraycopy(y, 0, out, 1, y.length);
        return out;
    }

    private static double[][] dense(double t0, double t1, Function<Double, double[]> at) {
        double[] thetas = {0.1, 0.37, 0.5, 0.73, 0.95};
        double[][] out = new double[thetas.length][];
        for (int i = 0; i < thetas.length; i++) {
            out[i] = at.apply(t0 + thetas[i] * (t1 - t0)).clone();
        }
        return out;
    }

    private static void assertClose(double[] ours, double[] theirs, String where) {
        double scale = 0;
        double diff = 0;
        for (int i = 0; i < ours.length; i++) {
            scale = Math.max(scale, Math.abs(theirs[i]));
            diff = Math.max(diff, Math.abs(ours[i] - theirs[i]));
        }
        assertThat(diff).as(where).isLessThanOrEqualTo(SAME * Math.max(scale, 1e-300));
    }

    /** ½‖W3W2W1 − Φ‖²_F for 3 × 3 matrices, through the library's network objective. */
    static final class EmpiricalRiskFlow {
        final org.flowscape.objective.EmpiricalRisk risk;
        final double[] theta0;

        EmpiricalRiskFlow() {
            org.flowscape.linalg.Matrix phi = org.flowscape.linalg.Matrix.of(
                    new double[][] {{0.8, -0.2, 0.1}, {0.3, 0.6, -0.4}, {0.0, 0.5, 0.9}});
            var data = new org.flowscape.data.Dataset("identity", org.flowscape.linalg.Matrix.identity(3),
                    phi.transpose());
            risk = new org.flowscape.objective.EmpiricalRisk(org.flowscape.model.Models.parse("linear:3x3x3x3"),
                    org.flowscape.loss.Losses.parse("frobenius"), data);
            theta0 = Fixtures.theta(risk.dim(), 0.5, 7);
        }

        void derivative(double t, double[] y, double[] d) {
            risk.valueAndGradient(y, d);
            for (int i = 0; i < d.length; i++) {
                d[i] = -d[i];
            }
        }
    }
}
