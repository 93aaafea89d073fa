package org.flowscape.objective;

import static org.assertj.core.api.Assertions.assertThat;
import static org.flowscape.testing.NumericAssert.assertClose;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.flowscape.data.Dataset;
import org.flowscape.linalg.Matrix;
import org.flowscape.linalg.Vectors;
import org.flowscape.loss.Loss;
import org.flowscape.loss.Losses;
import org.flowscape.model.Models;
import org.flowscape.model.Network;
import org.flowscape.testing.DerivativeChecks;
import org.flowscape.testing.FiniteDifferences;
import org.flowscape.testing.Problems;
import org.flowscape.testing.Tolerances;
import org.flowscape.testing.ClosedForms;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract every model × activation × loss must pass: gradient against central differences, Hessian-vector
 * products against differences of gradients, Hessian symmetry, dense Hessian = stacked single HVPs, batched = single
 * HVPs, the Jacobian against differences of predictions, and Taylor remainder rates. ReLU-family cases use seeds whose
 * pre-activations stay well away from the kinks at the step sizes used (checked by the gradient test itself: a kink
 * crossing would fail it).
 */
class ObjectiveContractTest {
    static final String[] ACTIVATIONS = {"identity", "relu", "leaky_relu(0.1)", "relu_pow(3)", "sigmoid", "tanh",
        "algebraic_sigmoid", "softplus", "exp", "sin", "gelu", "swish", "poly(0.1,1,0.5,-0.2)"};
    static final String[] LOSSES = {"mse", "mse-mean", "frobenius"};

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (String act : ACTIVATIONS) {
            for (String loss : LOSSES) {
                out.add(problem("mlp:3-5-2:" + act, loss, Problems.gaussian(7, 3, 2, 11)));
            }
            out.add(problem("mlp:3-4-3:" + act, "xent", Problems.classes(5, 3, 3, 12)));
            out.add(problem("mlp:2-4-3-2:" + act + ":nobias", "mse", Problems.gaussian(5, 2, 2, 13)));
        }
        out.add(problem("linear:3x4x4x2", "mse", Problems.gaussian(6, 3, 2, 14)));
        out.add(problem("product:3", "frobenius", new Dataset("one", Matrix.of(new double[][] {{1}}),
                Matrix.of(new double[][] {{2}}))));
        out.add(problem("mlp:2-3-1:tanh", "mse", Problems.gaussian(1, 2, 1, 15)));
        out.add(problem("mlp:1-1:identity", "mse", Problems.gaussian(1, 1, 1, 16)));
        out.add(problem("mlp:4-6-5-3:tanh", "xent", Problems.gaussian(9, 4, 3, 17)));
        return out.stream();
    }

    /** Objectives without a network: closed-form {@code fn:} models, and weight decay over both kinds. */
    static Stream<Arguments> objectives() {
        List<Arguments> out = new ArrayList<>();
        out.add(objective("fn: Müller–Brown", ExpressionObjective.parse(ClosedForms.MULLER_BROWN), -0.3, 0.8));
        out.add(objective("fn: every function", ExpressionObjective.parse("fn:sin(p1)*cos(p2)+tanh(p1*p3)"
                + "+log(cosh(p2-p3))+sqrt(1+p1^2)+sigmoid(p3)*softplus(p1)+sinh(p2)/exp(p3)+p1^-2+(1+p2^2)^1.5"
                + "+(2+p3^2)^p1"), 0.7, -0.4, 0.3));
        out.add(objective("fn: factorisation + l2 0.1",
                WeightDecay.of(ExpressionObjective.parse(ClosedForms.FACTORISATION), 0.1), 0.9, -1.2));
        EmpiricalRisk net = new EmpiricalRisk(Models.parse("mlp:3-5-2:tanh"), Losses.parse("mse"),
                Problems.gaussian(7, 3, 2, 11));
        out.add(Arguments.of(Named.of("mlp:3-5-2:tanh × mse + l2 0.3", WeightDecay.of(net, 0.3)),
                DerivativeChecks.point(net.network())));
        return out.stream();
    }

    private static Arguments objective(String name, Objective f, double... theta) {
        return Arguments.of(Named.of(name, f), theta);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("objectives")
    void objectiveGradientAndHvpMatchCentralDifferences(Objective f, double[] theta) {
        DerivativeChecks.gradientMatchesCentralDifferences(f, theta, 3);
        DerivativeChecks.hessianVectorProductMatchesDifferencesOfGradients(f, theta, 2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("objectives")
    void objectiveHessianIsSymmetricAndEqualsStackedProducts(Objective f, double[] theta) {
        int p = f.dim();
        double[] dense = f.hessian(theta, new double[p * p]);
        double[] stacked = DerivativeChecks.stackedHessian(f, theta);
        assertClose("dense Hessian vs stacked HVPs", stacked, dense, 1e-14, Tolerances.EXACT_REL);
        assertThat(new Matrix(p, p, dense).asymmetry()).isZero();
        double[] forked = f.fork().hessian(theta, new double[p * p]);
        assertThat(forked).containsExactly(dense);
    }

    @Test
    void weightDecayAddsExactlyTheClosedFormPenalty() {
        Objective inner = ExpressionObjective.parse(ClosedForms.FACTORISATION);
        Objective f = WeightDecay.of(inner, 0.25);
        double[] theta = {2, -3};
        double[] g = new double[2];
        // ½(ab − 1)² = ½·49 = 24.5; λ/2‖θ‖² = 0.125·13 = 1.625
        assertThat(f.valueAndGradient(theta, g)).isEqualTo(26.125);
        // ∂a = (ab − 1)b + λa = (−7)(−3) + 0.5 = 21.5; ∂b = (ab − 1)a + λb = −14 − 0.75 = −14.75
        assertThat(g).containsExactly(21.5, -14.75);
        double[] h = f.hessian(theta, new double[4]);
        // [[b² + λ, 2ab − 1], [2ab − 1, a² + λ]] = [[9.25, −13], [−13, 4.25]]
        assertThat(h).containsExactly(9.25, -13, -13, 4.25);
        assertThat(WeightDecay.of(inner, 0)).isSameAs(inner);
        assertThat(WeightDecay.of(new EmpiricalRisk(Models.parse("mlp:1-1:identity"), Losses.parse("mse"),
                Problems.gaussian(1, 1, 1, 16)), 0.5)).isInstanceOf(ModelObjective.class);
    }

    private static Arguments problem(String model, String loss, Dataset data) {
        Network net = Models.parse(model);
        Loss l = Losses.parse(loss);
        return Arguments.of(Named.of(model + " × " + loss + " (n=" + data.size() + ")", new EmpiricalRisk(net, l,
                data)));
    }



    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void gradientMatchesCentralDifferences(EmpiricalRisk f) {
        DerivativeChecks.gradientMatchesCentralDifferences(f, DerivativeChecks.point(f.network()), 3);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void hessianVectorProductMatchesDifferencesOfGradients(EmpiricalRisk f) {
        DerivativeChecks.hessianVectorProductMatchesDifferencesOfGradients(f, DerivativeChecks.point(f.network()), 1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void hessianIsSymmetricAndEqualsStackedProducts(EmpiricalRisk f) {
        double[] theta = DerivativeChecks.point(f.network());
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
        assertClose("dense Hessian vs stacked HVPs", stacked, dense, 1e-14, Tolerances.EXACT_REL);
        assertThat(new Matrix(p, p, dense).asymmetry()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void batchedProductsEqualSingleProducts(EmpiricalRisk f) {
        double[] theta = DerivativeChecks.point(f.network());
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
            f.hessianVectorProduct(theta, java.util.Arrays.copyOfRange(dirs, r * p, (r + 1) * p), single);
            assertClose("batched row " + r, single, java.util.Arrays.copyOfRange(batched, r * p, (r + 1) * p), 1e-14,
                    Tolerances.EXACT_REL);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void jacobianMatchesDifferencesOfPredictions(EmpiricalRisk f) {
        double[] theta = DerivativeChecks.point(f.network());
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
        assertClose("J u", fd, exact, 1e-8, Tolerances.FINITE_DIFFERENCE_REL);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void taylorRemaindersShrinkAtTheRightRates(EmpiricalRisk f) {
        double[] theta = DerivativeChecks.point(f.network());
        int p = f.dim();
        double[] g = new double[p];
        double l0 = f.valueAndGradient(theta, g);
        double[] u = Problems.unit(p, 12, 0);
        double[] hu = new double[p];
        f.hessianVectorProduct(theta, u, hu);
        double gu = Vectors.dot(g, u);
        double uhu = Vectors.dot(u, hu);
        double h = 1e-2;
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
