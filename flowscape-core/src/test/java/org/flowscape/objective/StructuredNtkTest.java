package org.flowscape.objective;

import static org.assertj.core.api.Assertions.assertThat;
import static org.flowscape.testing.NumericAssert.assertClose;

import java.util.stream.Stream;
import org.flowscape.data.Dataset;
import org.flowscape.loss.Losses;
import org.flowscape.model.Models;
import org.flowscape.testing.DerivativeChecks;
import org.flowscape.testing.Problems;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The NTK from the layer structure and the vector-Jacobian product against the explicit Jacobian (K = J Jᵀ by syrk,
 * Jᵀw by a product), on one- and multi-output networks, with and without biases, deep and linear; and the cached
 * passes surviving evaluations at other points.
 */
class StructuredNtkTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                risk("mlp:3-5-2:tanh", "mse", Problems.gaussian(7, 3, 2, 21)),
                risk("mlp:10-20-1:tanh", "mse", Problems.gaussian(12, 10, 1, 22)),
                risk("mlp:2-4-3-2:sigmoid:nobias", "mse", Problems.gaussian(5, 2, 2, 23)),
                risk("mlp:4-6-5-3:softplus", "xent", Problems.classes(6, 4, 3, 24)),
                risk("mlp:3-4-1:relu_pow(3):nobias", "frobenius", Problems.gaussian(8, 3, 1, 25)),
                risk("linear:3x4x4x2", "mse", Problems.gaussian(6, 3, 2, 26)),
                risk("mlp:1-1:identity", "mse", Problems.gaussian(3, 1, 1, 27)),
                risk("mlp:2-3-1:tanh (n = 150: several row blocks)", "mse", Problems.gaussian(150, 2, 1, 28)),
                risk("mlp:2-3-3:tanh (n = 50, k = 3: blocks across samples)", "mse", Problems.gaussian(50, 2, 3, 29)));
    }

    private static Arguments risk(String model, String loss, Dataset data) {
        String spec = model.contains(" ") ? model.substring(0, model.indexOf(' ')) : model;
        return Arguments.of(Named.of(model + " × " + loss, new EmpiricalRisk(Models.parse(spec), Losses.parse(loss),
                data)));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void structuredNtkEqualsJacobianGram(EmpiricalRisk f) {
        double[] theta = DerivativeChecks.point(f.network());
        int m = f.outputCount();
        double[] expected = f.ntkByJacobian(theta, new double[m * m]);
        double[] actual = f.ntk(theta, new double[m * m]);
        assertClose("K", expected, actual, 0, 1e-12);
        double[] upper = f.ntkUpper(theta, new double[m * m]);
        for (int i = 0; i < m; i++) {
            for (int j = i; j < m; j++) {
                assertThat(upper[i * m + j]).isEqualTo(actual[i * m + j]);
            }
        }
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < i; j++) {
                assertThat(actual[i * m + j]).isEqualTo(actual[j * m + i]);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void vectorJacobianProductEqualsTransposedJacobian(EmpiricalRisk f) {
        double[] theta = DerivativeChecks.point(f.network());
        int m = f.outputCount();
        int p = f.dim();
        double[] w = Problems.unit(m, 31, 0);
        double[] jac = f.jacobian(theta, new double[m * p]);
        double[] expected = new double[p];
        for (int r = 0; r < m; r++) {
            for (int j = 0; j < p; j++) {
                expected[j] += jac[r * p + j] * w[r];
            }
        }
        assertClose("J^T w", expected, f.vectorJacobianProduct(theta, w, new double[p]), 1e-15, 1e-12);
    }

    @Test
    void vectorJacobianProductLeavesTheCachedGradientPassIntact() {
        EmpiricalRisk f = new EmpiricalRisk(Models.parse("mlp:3-5-2:tanh"), Losses.parse("mse"),
                Problems.gaussian(7, 3, 2, 41));
        double[] theta = DerivativeChecks.point(f.network());
        double[] v = Problems.unit(f.dim(), 42, 0);
        double[] fresh = new double[f.dim()];
        f.fork().hessianVectorProduct(theta, v, fresh);
        f.valueAndGradient(theta, new double[f.dim()]);
        f.vectorJacobianProduct(theta, Problems.unit(f.outputCount(), 43, 0), new double[f.dim()]);
        double[] after = new double[f.dim()];
        f.hessianVectorProduct(theta, v, after);
        assertThat(after).containsExactly(fresh);
    }

    @Test
    void evaluationsElsewhereLeaveTheCachedPassesIntact() {
        EmpiricalRisk f = new EmpiricalRisk(Models.parse("mlp:3-5-2:tanh"), Losses.parse("mse"),
                Problems.gaussian(7, 3, 2, 44));
        double[] theta = DerivativeChecks.point(f.network());
        double[] other = theta.clone();
        other[0] += 0.5;
        double[] v = Problems.unit(f.dim(), 45, 0);
        double[] fresh = new double[f.dim()];
        f.fork().hessianVectorProduct(theta, v, fresh);
        f.valueAndGradient(theta, new double[f.dim()]);
        double elsewhere = f.value(other);
        f.predictions(other, new double[f.outputCount()]);
        double[] after = new double[f.dim()];
        f.hessianVectorProduct(theta, v, after);
        assertThat(after).containsExactly(fresh);
        assertThat(elsewhere).isEqualTo(f.fork().value(other));
        assertThat(f.predictions(theta, new double[f.outputCount()]))
                .containsExactly(f.fork().predictions(theta, new double[f.outputCount()]));
    }
}
