package org.flowscape.objective;

import static org.assertj.core.api.Assertions.assertThat;
import static org.flowscape.testing.NumericAssert.assertClose;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.flowscape.data.Dataset;
import org.flowscape.linalg.Matrix;
import org.flowscape.loss.Losses;
import org.flowscape.model.Models;
import org.flowscape.model.Network;
import org.flowscape.testing.DerivativeChecks;
import org.flowscape.testing.Problems;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link EmpiricalRisk} with user-written {@code cost:EXPR} losses: gradient against central differences and
 * Hessian-vector products against differences of gradients (the checks of {@code ObjectiveContractTest}), and
 * {@code cost:0.5*(x-y)^2} equal to the built-in {@code mse} in value, gradient and Hessian.
 */
class CostExpressionObjectiveTest {
    static final String[] COSTS = {"cost:log(cosh(x-y))", "cost:(x^2-1)^2+0.1*x", "cost-sum:0.5*(x-y)^2"};

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (String loss : COSTS) {
            out.add(problem("mlp:3-5-2:tanh", loss, Problems.gaussian(7, 3, 2, 11)));
            out.add(problem("product:3", loss, productData()));
        }
        return out.stream();
    }

    static Stream<Arguments> models() {
        return Stream.of(Arguments.of("mlp:3-5-2:tanh", Problems.gaussian(7, 3, 2, 11)),
                Arguments.of("product:3", productData()));
    }

    private static Dataset productData() {
        return new Dataset("one", Matrix.of(new double[][] {{1}}), Matrix.of(new double[][] {{2}}));
    }

    private static Arguments problem(String model, String loss, Dataset data) {
        Network net = Models.parse(model);
        return Arguments.of(Named.of(model + " × " + loss + " (n=" + data.size() + ")",
                new EmpiricalRisk(net, Losses.parse(loss), data)));
    }



    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void gradientMatchesCentralDifferences(EmpiricalRisk f) {
        double[] theta = DerivativeChecks.point(f.network());
        double[] g = new double[f.dim()];
        double value = f.valueAndGradient(theta, g);
        assertThat(value).isFinite().isEqualTo(f.value(theta));
        DerivativeChecks.gradientMatchesCentralDifferences(f, theta, 3);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void hessianVectorProductMatchesDifferencesOfGradients(EmpiricalRisk f) {
        double[] theta = DerivativeChecks.point(f.network());
        DerivativeChecks.hessianVectorProductMatchesDifferencesOfGradients(f, theta, 2);
        int p = f.dim();
        double[] dense = f.hessian(theta, new double[p * p]);
        assertThat(new Matrix(p, p, dense).asymmetry()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void halfSquaredCostEqualsBuiltInMse(String model, Dataset data) {
        Network net = Models.parse(model);
        EmpiricalRisk mse = new EmpiricalRisk(net, Losses.parse("mse"), data);
        EmpiricalRisk cost = new EmpiricalRisk(net, Losses.parse("cost:0.5*(x-y)^2"), data);
        double[] theta = DerivativeChecks.point(mse.network());
        int p = mse.dim();
        double[] g1 = new double[p];
        double[] g2 = new double[p];
        double v1 = mse.valueAndGradient(theta, g1);
        double v2 = cost.valueAndGradient(theta, g2);
        assertClose("value", v1, v2, 0, 1e-14);
        assertClose("value()", mse.value(theta), cost.value(theta), 0, 1e-14);
        assertClose("gradient", g1, g2, 0, 1e-14);
        assertClose("Hessian", mse.hessian(theta, new double[p * p]), cost.hessian(theta, new double[p * p]), 0,
                1e-14);
        double[] v = Problems.unit(p, 9, 0);
        double[] h1 = new double[p];
        double[] h2 = new double[p];
        mse.hessianVectorProduct(theta, v, h1);
        cost.hessianVectorProduct(theta, v, h2);
        assertClose("H v", h1, h2, 0, 1e-14);
    }
}
