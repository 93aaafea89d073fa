package org.flowscape.model.layers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.flowscape.testing.NumericAssert.assertClose;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.flowscape.data.Dataset;
import org.flowscape.linalg.Matrix;
import org.flowscape.linalg.Vectors;
import org.flowscape.loss.Losses;
import org.flowscape.objective.LayerRisk;
import org.flowscape.testing.DerivativeChecks;
import org.flowscape.testing.FiniteDifferences;
import org.flowscape.testing.Problems;
import org.flowscape.testing.Tolerances;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The derivative contract of {@code ObjectiveContractTest} over every layer kind and compositions: gradient and H·v
 * against central differences, Hessian symmetry, dense Hessian = stacked single products, batched = single, J·u
 * against differences of predictions and against the Jacobian, Jᵀw against the Jacobian, and Taylor remainder rates.
 * Cases cover dense layers with and without bias, every activation as a layer, 1-D and 2-D convolutions with stride 2
 * and padding, with and without bias, average pooling, flatten, residual blocks with bodies of one and two layers and
 * nested, odd batch sizes and every loss.
 */
class LayerContractTest {
    static final String[] ACTIVATIONS = {"identity", "relu", "leaky_relu(0.1)", "relu_pow(3)", "sigmoid", "tanh",
        "algebraic_sigmoid", "softplus", "exp", "sin", "gelu", "swish", "poly(0.1,1,0.5,-0.2)"};

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (String act : ACTIVATIONS) {
            out.add(problem("layers:3/dense=5/" + act + "/dense=2", "mse", Problems.gaussian(7, 3, 2, 11)));
        }
        out.add(problem("layers:3/dense=4:nobias/tanh/dense=3:nobias", "xent", Problems.classes(5, 3, 3, 12)));
        out.add(problem("layers:2x7/conv=3,3/tanh/flatten/dense=2", "mse", Problems.gaussian(5, 14, 2, 21)));
        out.add(problem("layers:2x9/conv=3,3,2,1/sigmoid/avgpool=2/flatten/dense=1", "mse-mean",
                Problems.gaussian(3, 18, 1, 22)));
        out.add(problem("layers:1x6x6/conv=2,3,1,1/tanh/avgpool=2/flatten/dense=3", "xent",
                Problems.classes(7, 36, 3, 23)));
        out.add(problem("layers:2x7x7/conv=3,3,2,1:nobias/softplus/flatten/dense=2:nobias", "frobenius",
                Problems.gaussian(1, 98, 2, 24)));
        out.add(problem("layers:2x5x5/conv=2,2,2,0/gelu/conv=3,2/flatten/dense=1", "mse",
                Problems.gaussian(5, 50, 1, 25)));
        out.add(problem("layers:1x8x8/conv=2,3,1,1/relu/avgpool=2/flatten/dense=2", "mse",
                Problems.gaussian(3, 64, 2, 26)));
        out.add(problem("layers:4/res(dense=4)/tanh/dense=2", "mse", Problems.gaussian(5, 4, 2, 31)));
        out.add(problem("layers:4/dense=5/res(dense=5/tanh/dense=5)/res(sin/dense=5:nobias)/dense=2", "mse",
                Problems.gaussian(7, 4, 2, 32)));
        out.add(problem("layers:3/res(res(dense=3/swish)/dense=3)/dense=1", "mse-mean",
                Problems.gaussian(5, 3, 1, 33)));
        out.add(problem("layers:2x5x5/conv=2,3,1,1/res(conv=2,3,1,1/tanh/conv=2,3,1,1)/sigmoid/avgpool=2/flatten"
                + "/dense=1", "mse", Problems.gaussian(3, 50, 1, 34)));
        out.add(problem("layers:3x6/res(conv=3,3,1,1/softplus)/avgpool=3/flatten/dense=2", "xent",
                Problems.classes(5, 18, 2, 35)));
        out.add(problem("layers:1x4x4/avgpool=2/flatten/dense=2/tanh/dense=1", "mse", Problems.gaussian(5, 16, 1, 36)));
        return out.stream();
    }

    private static Arguments problem(String spec, String loss, Dataset data) {
        LayerModel model = LayerSpecs.parse(spec);
        return Arguments.of(Named.of(spec + " × " + loss + " (n=" + data.size() + ")",
                new LayerRisk(model, Losses.parse(loss), data)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void gradientMatchesCentralDifferences(LayerRisk f) {
        DerivativeChecks.gradientMatchesCentralDifferences(f, DerivativeChecks.point(f.model()), 3);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void hessianVectorProductMatchesDifferencesOfGradients(LayerRisk f) {
        DerivativeChecks.hessianVectorProductMatchesDifferencesOfGradients(f, DerivativeChecks.point(f.model()), 2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void hessianIsSymmetricAndEqualsStackedProducts(LayerRisk f) {
        double[] theta = DerivativeChecks.point(f.model());
        int p = f.dim();
        double[] u = Problems.unit(p, 9, 0);
        double[] v = Problems.unit(p, 9, 1);
        double[] hu = new double[p];
        double[] hv = new double[p];
        f.hessianVectorProduct(theta, u, hu);
        f.hessianVectorProduct(theta, v, hv);
        double scale = Math.max(Vectors.norm2(hu), Vectors.norm2(hv));
        assertClose("<u,Hv> vs <v,Hu>", Vectors.dot(u, hv), Vectors.dot(v, hu), 1e-13 * scale, 1e-12);

        double[] dense = f.hessian(theta, new double[p * p]);
        double[] stacked = DerivativeChecks.stackedHessian(f, theta);
        double hmax = Vectors.normInf(stacked);
        assertClose("dense Hessian vs stacked HVPs", stacked, dense, 1e-13 * Math.max(1, hmax),
                Tolerances.EXACT_REL);
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < i; j++) {
                assertClose("H[" + i + "," + j + "] vs H[" + j + "," + i + "] before symmetrizing",
                        stacked[i * p + j], stacked[j * p + i], 1e-12 * Math.max(1, hmax), 1e-10);
            }
        }
        assertThat(new Matrix(p, p, dense).asymmetry()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void batchedProductsEqualSingleProducts(LayerRisk f) {
        double[] theta = DerivativeChecks.point(f.model());
        int p = f.dim();
        int m = 3;
        double[] dirs = new double[m * p];
        for (int r = 0; r < m; r++) {
            System.arraycopy(Problems.unit(p, 10, r), 0, dirs, r * p, p);
        }
        double[] batched = new double[m * p];
        f.hessianVectorProducts(theta, dirs, m, batched);
        for (int r = 0; r < m; r++) {
            double[] single = new double[p];
            f.hessianVectorProduct(theta, Arrays.copyOfRange(dirs, r * p, (r + 1) * p), single);
            assertClose("batched row " + r, single, Arrays.copyOfRange(batched, r * p, (r + 1) * p), 1e-14,
                    Tolerances.EXACT_REL);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void jacobianProductsMatchDifferencesAndEachOther(LayerRisk f) {
        double[] theta = DerivativeChecks.point(f.model());
        int p = f.dim();
        int rows = f.outputCount();
        double[] jac = f.jacobian(theta, new double[rows * p]);
        double[] u = Problems.unit(p, 11, 0);
        double h = DerivativeChecks.step(theta);
        double[] plus = f.predictions(FiniteDifferences.shift(theta, u, h), new double[rows]);
        double[] minus = f.predictions(FiniteDifferences.shift(theta, u, -h), new double[rows]);
        double[] fd = new double[rows];
        double[] exact = new double[rows];
        for (int r = 0; r < rows; r++) {
            fd[r] = (plus[r] - minus[r]) / (2 * h);
            for (int j = 0; j < p; j++) {
                exact[r] += jac[r * p + j] * u[j];
            }
        }
        assertClose("J u vs differences", fd, exact, 1e-8, Tolerances.FINITE_DIFFERENCE_REL);
        assertClose("J u by one tangent vs J", exact, f.jacobianVectorProduct(theta, u, new double[rows]), 1e-13,
                Tolerances.EXACT_REL);
        double[] w = Problems.unit(rows, 11, 1);
        double[] jtw = new double[p];
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < p; j++) {
                jtw[j] += jac[r * p + j] * w[r];
            }
        }
        assertClose("Jᵀw by one backward pass vs J", jtw, f.vectorJacobianProduct(theta, w, new double[p]), 1e-13,
                Tolerances.EXACT_REL);
        double[] g = new double[p];
        f.valueAndGradient(theta, g);
        double[] g2 = new double[p];
        f.valueAndGradient(theta.clone(), g2);
        assertThat(g2).as("gradient after a vector-Jacobian product").containsExactly(g);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void taylorRemaindersShrinkAtTheRightRates(LayerRisk f) {
        double[] theta = DerivativeChecks.point(f.model());
        int p = f.dim();
        double[] g = new double[p];
        double l0 = f.valueAndGradient(theta, g);
        double[] u = Problems.unit(p, 12, 0);
        double[] hu = new double[p];
        f.hessianVectorProduct(theta, u, hu);
        double gu = Vectors.dot(g, u);
        double uhu = Vectors.dot(u, hu);
        // a step of 1e-2 moves some of the 128 relu pre-activations of the conv case across their kinks
        double h = f.model().spec().contains("relu") ? 1e-4 : 1e-2;
        double[] first = new double[2];
        double[] second = new double[2];
        for (int s = 0; s < 2; s++) {
            double step = h / (1 << s);
            double l = f.value(FiniteDifferences.shift(theta, u, step));
            first[s] = Math.abs(l - l0 - step * gu);
            second[s] = Math.abs(l - l0 - step * gu - 0.5 * step * step * uhu);
        }
        double floor = 1e-13 * Math.max(1, Math.abs(l0));
        if (first[1] > floor) {
            assertThat(first[0] / first[1]).as("first-order remainder ratio").isBetween(3.5, 4.5);
        }
        if (second[1] > 100 * floor) {
            assertThat(second[0] / second[1]).as("second-order remainder ratio").isBetween(6.5, 9.5);
        }
    }
}
