package org.flowscape.dynamics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.flowscape.objective.Objective;
import org.junit.jupiter.api.Test;

class EdgeOfStabilityMonitorTest {
    /** L = x⁴/12 + x²/2 + y²/2: λ_max = max(1 + x², 1). */
    private static final Objective QUARTIC = new Objective() {
        @Override
        public int dim() {
            return 2;
        }

        @Override
        public double value(double[] t) {
            return t[0] * t[0] * t[0] * t[0] / 12 + 0.5 * t[0] * t[0] + 0.5 * t[1] * t[1];
        }

        @Override
        public double valueAndGradient(double[] t, double[] g) {
            g[0] = t[0] * t[0] * t[0] / 3 + t[0];
            g[1] = t[1];
            return value(t);
        }

        @Override
        public void hessianVectorProduct(double[] t, double[] v, double[] out) {
            out[0] = (t[0] * t[0] + 1) * v[0];
            out[1] = v[1];
        }

        @Override
        public Objective fork() {
            return this;
        }
    };

    private static FlowPoint at(long step, double x) {
        return new FlowPoint(step, step * 1.0, new double[] {x, 0.3}, 0, new double[2]);
    }

    @Test
    void recordsEntriesAndDeparturesOfTheStabilityEdge() {
        EdgeOfStabilityMonitor m = new EdgeOfStabilityMonitor(1, 1.0, 0.05, 7);
        double[] xs = {0, 0.5, 1.5, 2, 0.5, 0, 1.2};
        m.start(QUARTIC, at(0, xs[0]));
        for (int k = 1; k < xs.length; k++) {
            m.onStep(at(k, xs[k]));
        }
        assertThat(m.threshold()).isEqualTo(2.0);
        assertThat(m.sharpness().values()).containsExactly(new double[] {1, 1.25, 3.25, 5, 1.25, 1, 2.44},
                within(1e-10));
        assertThat(m.crossings()).hasSize(3);
        assertThat(m.crossings().get(0)).satisfies(c -> {
            assertThat(c.step()).isEqualTo(2);
            assertThat(c.entry()).isTrue();
        });
        assertThat(m.crossings().get(1)).satisfies(c -> {
            assertThat(c.step()).isEqualTo(4);
            assertThat(c.entry()).isFalse();
        });
        assertThat(m.crossings().get(2).step()).isEqualTo(6);
        assertThat(m.observationsAtEdge()).isEqualTo(3);
        assertThat(m.startedAbove()).isFalse();
    }

    @Test
    void gradientDescentStartedAboveTheEdgeStaysAbove() {
        // L = x^4/12 + x^2/2 + y^2/2 from x = 0.1 with eta = 2.5: lambda_max ~ 1.01 > 2/eta = 0.8, so descent is
        // unstable along x from the start, |x| grows and lambda_max with it: no departure in 5 steps
        EdgeOfStabilityMonitor m = new EdgeOfStabilityMonitor(1, 2.5, 0.05, 7);
        Descent.run(QUARTIC, new double[] {0.1, 0.1}, new GradientDescent(Schedule.constant(2.5)),
                StoppingRule.horizon(5 * 2.5), SampleGrid.none(), java.util.List.of(m));
        assertThat(m.startedAbove()).isTrue();
        assertThat(m.crossings()).isEmpty();
        assertThat(m.sharpness().size()).isEqualTo(6);
    }
}
