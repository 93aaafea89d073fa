package org.flowscape.objective;

import static org.assertj.core.api.Assertions.assertThat;
import static org.flowscape.testing.NumericAssert.assertClose;

import java.util.Arrays;
import org.flowscape.data.Dataset;
import org.flowscape.linalg.Matrix;
import org.flowscape.linalg.SymmetricEigen;
import org.flowscape.loss.Losses;
import org.flowscape.model.Models;
import org.flowscape.model.Network;
import org.flowscape.testing.Problems;
import org.junit.jupiter.api.Test;

/** Hessians with closed forms from theory.md, checked exactly (to round-off), not by finite differences. */
class ClosedFormHessianTest {

    private static double[] eigenvalues(EmpiricalRisk f, double[] theta) {
        int p = f.dim();
        return SymmetricEigen.values(new Matrix(p, p, f.hessian(theta, new double[p * p]))).values();
    }

    private static Dataset scalar(double y) {
        return new Dataset("x=1", Matrix.of(new double[][] {{1}}), Matrix.of(new double[][] {{y}}));
    }

    /** theory.md A.4: f = ½‖W − A‖², N = 2, k = 3, at the origin the eigenvalues are ±σ_j(A) = ±√(3 ± √5), each 3×. */
    @Test
    void factorizationHessianAtTheOriginIsPlusMinusSingularValues() {
        double[][] a = {{2, 1}, {0, 1}};
        // X = I_2 and row i of Y = column i of A, so that row i of the prediction is column i of W2·W1
        Dataset data = new Dataset("identity:2", Matrix.identity(2), Matrix.of(a).transpose());
        EmpiricalRisk f = new EmpiricalRisk(Models.parse("linear:2x3x2"), Losses.parse("frobenius"), data);
        double[] values = eigenvalues(f, new double[f.dim()]);
        double s1 = Math.sqrt(3 + Math.sqrt(5));
        double s2 = Math.sqrt(3 - Math.sqrt(5));
        double[] expected = {-s1, -s1, -s1, -s2, -s2, -s2, s2, s2, s2, s1, s1, s1};
        assertClose("eigenvalues", expected, values, 1e-13, 1e-14);
        assertThat(s1).isCloseTo(2.2882456113, org.assertj.core.api.Assertions.within(1e-10));
        assertThat(s2).isCloseTo(0.8740320489, org.assertj.core.api.Assertions.within(1e-10));
    }

    /** theory.md A.5: the vector-case Hessian at the origin is f'(0)[[0, I],[I, 0]], eigenvalues ±|f'(0)| = ±y. */
    @Test
    void productOfTwoHasAHyperbolicSaddleAtTheOrigin() {
        EmpiricalRisk f = new EmpiricalRisk(Models.product(2), Losses.parse("frobenius"), scalar(3));
        assertClose("eigenvalues", new double[] {-3, 3}, eigenvalues(f, new double[2]), 1e-15, 0);
    }

    /** theory.md F.6: for N ≥ 3 the Hessian of the product model at the origin vanishes. */
    @Test
    void productOfThreeHasAZeroHessianAtTheOrigin() {
        EmpiricalRisk f = new EmpiricalRisk(Models.product(3), Losses.parse("frobenius"), scalar(3));
        double[] h = f.hessian(new double[3], new double[9]);
        assertThat(h).containsOnly(0.0);
    }

    /**
     * theory.md A.6: at a minimizer w1·w2 = y the only nonzero eigenvalue is f''(z*)·√(c + 4z*²) = w1² + w2², with c
     * the imbalance (w1² − w2²)²; the other is 0 (Morse–Bott).
     */
    @Test
    void productMinimumHasOneCurvedAndOneFlatDirection() {
        double w1 = 2;
        double w2 = 1.5;
        EmpiricalRisk f = new EmpiricalRisk(Models.product(2), Losses.parse("frobenius"), scalar(w1 * w2));
        double c = Math.pow(w1 * w1 - w2 * w2, 2);
        double lambda = Math.sqrt(c + 4 * Math.pow(w1 * w2, 2));
        assertClose("eigenvalues", new double[] {0, lambda}, eigenvalues(f, new double[] {w1, w2}), 1e-14, 1e-15);
        assertThat(lambda).isEqualTo(w1 * w1 + w2 * w2);
    }

    /** A single linear layer with mse: H = (1/n) X̃ᵀX̃ ⊗ I_k in the documented parameter order, at every θ. */
    @Test
    void linearModelHessianIsTheScaledDesignGram() {
        int n = 7;
        int d = 3;
        int k = 2;
        Dataset data = Problems.gaussian(n, d, k, 21);
        Network net = Models.parse("mlp:3-2:identity");
        EmpiricalRisk f = new EmpiricalRisk(net, Losses.parse("mse"), data);
        int p = f.dim();
        double[] h = f.hessian(net.initialize(4), new double[p * p]);
        double[] expected = new double[p * p];
        double[] x = data.inputs().data();
        for (int o = 0; o < k; o++) {
            for (int q = 0; q <= d; q++) {
                for (int r = 0; r <= d; r++) {
                    double s = 0;
                    for (int i = 0; i < n; i++) {
                        s += (q < d ? x[i * d + q] : 1) * (r < d ? x[i * d + r] : 1);
                    }
                    int row = q < d ? o * d + q : k * d + o;
                    int col = r < d ? o * d + r : k * d + o;
                    expected[row * p + col] = s / n;
                }
            }
        }
        assertClose("H", expected, h, 1e-15, 1e-14);
    }

    /** At an interpolating minimum the residual term vanishes: the Hessian equals the Gauss–Newton matrix JᵀΛJ. */
    @Test
    void hessianEqualsGaussNewtonAtAnInterpolatingMinimum() {
        Network net = Models.parse("mlp:2-4-3-1:tanh");
        double[] star = net.initialize(8);
        EmpiricalRisk f = new EmpiricalRisk(net, Losses.parse("mse"), Problems.realizable(net, star, 30, 9));
        int p = f.dim();
        assertClose("H vs Gauss-Newton", f.gaussNewton(star, new double[p * p]), f.hessian(star, new double[p * p]),
                1e-15, 1e-12);
        double[] g = new double[p];
        assertThat(f.valueAndGradient(star, g)).isZero();
        assertThat(Arrays.stream(g).map(Math::abs).max().orElseThrow()).isZero();
    }

    /** The structured Hessian and the stacked batched HVPs are two independent computations of the same matrix. */
    @Test
    void structuredHessianEqualsStackedProductsOnAWideNetwork() {
        Network net = Models.parse("mlp:5-40-30-3:softplus");
        EmpiricalRisk f = new EmpiricalRisk(net, Losses.parse("xent"), Problems.classes(57, 5, 3, 10));
        int p = f.dim();
        double[] theta = net.initialize(3);
        assertClose("structured vs products", f.hessianByProducts(theta, new double[p * p]),
                f.hessian(theta, new double[p * p]), 1e-15, 1e-11);
    }
}
