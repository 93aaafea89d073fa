package org.flowscape.geometry.basins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.flowscape.data.Dataset;
import org.flowscape.data.Datasets;
import org.flowscape.linalg.Matrix;
import org.flowscape.loss.Losses;
import org.flowscape.loss.SquaredError;
import org.flowscape.objective.EmpiricalRisk;
import org.junit.jupiter.api.Test;

class BasinSolverTest {
    static final Matrix X = Matrix.of(new double[][] {{1, 0.2}, {-0.5, 1}, {0.3, -0.8}, {-1, -0.4}});
    static final Matrix Y = new Matrix(4, 1, new double[] {0.5, -0.3, 0.8, 0.1});
    static final double PAPER = BasinSolver.scale(SquaredError.Normalization.MEAN, 4);
    final BasinSolver solver = new BasinSolver(1e-9);

    private BasinValue paper(double[][] w, double[] v) {
        double[] flat = new double[w.length * 2];
        for (int j = 0; j < w.length; j++) {
            flat[2 * j] = w[j][0];
            flat[2 * j + 1] = w[j][1];
        }
        return solver.solve(new ReluNet(2, w.length, flat, v), X, Y, PAPER);
    }

    @Test
    void workedValuesOfTheoryD3() {
        // theory.md D.3: mean squared error without the 1/2 (the paper's convention)
        BasinValue a = paper(new double[][] {{0.6, -0.4}, {0.3, 0.9}}, new double[] {0.5, -0.6});
        assertThat(a.value()).isCloseTo(0.0025, within(1e-12));
        assertThat(a.certificate().certified()).isTrue();
        BasinValue b = paper(new double[][] {{0.6, -0.4}, {0.3, 0.9}}, new double[] {0.5, 0.6});
        assertThat(b.value()).isCloseTo(0.025, within(1e-12));
        BasinValue c = paper(new double[][] {{0.6, -0.4}, {-0.3, -0.9}}, new double[] {0.5, 0.6});
        assertThat(c.value()).isCloseTo(0.0225, within(1e-12));
        BasinValue d = paper(new double[][] {{0.6, -0.4}, {0.3, 0.9}, {-0.7, 0.2}}, new double[] {0.5, -0.6, 0.4});
        assertThat(d.value()).isCloseTo(0, within(1e-12));
        assertThat(d.value()).isLessThanOrEqualTo(a.value()); // Lemma 2
    }

    @Test
    void singleNeuronOnOneInputSolvedByHand() {
        // d = 1, x = (1, 2, -1), y = (1, 3, 2), neuron w > 0, v > 0: active on x = 1, 2 only; the prediction is
        // z·x there and 0 at x = -1. min (z-1)² + (2z-3)² → z = 7/5, residuals -0.4+... value ((0.4)² + (0.2)²
        // + 2²)/(2·3) = (0.16 + 0.04 + 4)/6 = 0.7.
        Matrix x = new Matrix(3, 1, new double[] {1, 2, -1});
        Matrix y = new Matrix(3, 1, new double[] {1, 3, 2});
        BasinValue b = solver.solve(new ReluNet(1, 1, new double[] {0.3}, new double[] {2}), x, y,
                BasinSolver.scale(SquaredError.Normalization.HALF_MEAN, 3));
        assertThat(b.value()).isCloseTo(0.7, within(1e-13));
        assertThat(b.minimizer().w()[0] * b.minimizer().v()[0]).isCloseTo(1.4, within(1e-12));
        // v < 0: the prediction can only be <= 0 on the active points; optimum z = 0, value (1 + 9 + 4)/6
        BasinValue n = solver.solve(new ReluNet(1, 1, new double[] {0.3}, new double[] {-2}), x, y,
                BasinSolver.scale(SquaredError.Normalization.HALF_MEAN, 3));
        assertThat(n.value()).isCloseTo(14.0 / 6, within(1e-13));
        assertThat(n.certificate().certified()).isTrue();
    }

    @Test
    void constrainedOptimumOnTheBoundaryInTwoDimensions() {
        // d = 2, one neuron active on x1 = (1, 0) and x2 = (1, 1), inactive on x3 = (1, -1); v > 0.
        // Targets y = (1, 0, 5): x3 would want a large prediction but the neuron must stay off there:
        // ⟨w, x3⟩ = w1 - w2 <= 0. Unconstrained fit of x1, x2: w = (1, -1), which violates w1 <= w2, so the optimum
        // lies on w1 = w2 = a: min (a - 1)² + (2a)² → a = 1/5, value ((4/5)² + (2/5)² + 25)/(2·3).
        Matrix x = Matrix.of(new double[][] {{1, 0}, {1, 1}, {1, -1}});
        Matrix y = new Matrix(3, 1, new double[] {1, 0, 5});
        BasinValue b = solver.solve(new ReluNet(2, 1, new double[] {0.2, 1}, new double[] {1}), x, y,
                BasinSolver.scale(SquaredError.Normalization.HALF_MEAN, 3));
        assertThat(b.value()).isCloseTo((0.64 + 0.16 + 25) / 6, within(1e-13));
        assertThat(b.minimizer().w()[0]).isCloseTo(0.2, within(1e-12));
        assertThat(b.minimizer().w()[1]).isCloseTo(0.2, within(1e-12));
        assertThat(b.certificate().certified()).isTrue();
        assertThat(b.certificate().complementarity()).isLessThan(1e-12);
    }

    @Test
    void minimizerAttainsTheBasinValueInItsBasinAndIsCertified() {
        Dataset data = Datasets.parse("teacher:n=50,d=5,width=2,act=relu,seed=7");
        for (int k : new int[] {2, 8}) {
            for (int init = 0; init < 2; init++) {
                ReluNet net = ReluNet.initialization(5, k, 11, init);
                BasinValue b = solver.solve(net, data.inputs(), data.targets(),
                        BasinSolver.scale(SquaredError.Normalization.HALF_MEAN, 50));
                assertThat(b.certificate().certified()).as("k=%d init=%d gap %s", k, init, b.certificate()).isTrue();
                EmpiricalRisk risk = new EmpiricalRisk(ReluNet.network(5, k), Losses.mse(), data);
                assertThat(risk.value(b.minimizer().theta())).isCloseTo(b.value(), within(1e-12));
                assertThat(b.value()).isLessThanOrEqualTo(risk.value(net.theta()) + 1e-12);
            }
        }
    }

    @Test
    void lemma2MonotonicityUnderOverspecification() {
        Dataset data = Datasets.parse("gaussian:n=12,d=3,seed=5");
        double s = BasinSolver.scale(SquaredError.Normalization.HALF_MEAN, 12);
        ReluNet net = ReluNet.initialization(3, 6, 3, 0);
        BasinValue full = solver.solve(net, data.inputs(), data.targets(), s);
        for (int[] subset : new int[][] {{0}, {1, 2}, {0, 3, 5}, {1, 2, 3, 4}}) {
            BasinValue sub = solver.solve(net.subset(subset), data.inputs(), data.targets(), s);
            assertThat(sub.certificate().certified()).isTrue();
            assertThat(full.value()).isLessThanOrEqualTo(sub.value() + 1e-12);
        }
    }
}
