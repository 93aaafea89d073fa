package org.flowscape.loss;

import static org.flowscape.testing.NumericAssert.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Every loss's value, gradient and Hessian blocks on a tiny problem (n = 2 samples) computed by hand, for every target
 * encoding. The cross-entropy logits are chosen so that the softmax rows are (1, 2, 3)/6 and (4, 1, 1)/6 and every
 * log-sum-exp is ln 6.
 */
class LossValuesTest {
    private static final double TOL = 1e-15;
    private static final double LN2 = StrictMath.log(2);
    private static final double LN3 = StrictMath.log(3);
    private static final double LN6 = StrictMath.log(6);

    /** Logits with softmax rows (1, 2, 3)/6 and (4, 1, 1)/6, shifted by {@code c} (softmax is shift invariant). */
    private static double[] logits(double c) {
        return new double[] {c, c + LN2, c + LN3, c + StrictMath.log(4), c, c};
    }

    private static double[] nans(int n) {
        double[] x = new double[n];
        Arrays.fill(x, Double.NaN);
        return x;
    }

    private static void checkXent(double[] f, double[] y, double loss, double[] grad, double tol) {
        Loss xent = Losses.parse("xent");
        assertClose("xent value", loss, xent.value(f, y, 2, 3), tol, tol);
        double[] g = nans(6);
        assertClose("xent value with gradient", loss, xent.valueAndGradient(f, y, 2, 3, g), tol, tol);
        assertClose("xent gradient", grad, g, tol, tol);
    }

    @Test
    void crossEntropyWithClassIndexTargets() {
        // classes 2 and 1: L = ½[(ln 6 − ln 3) + (ln 6 − 0)], ∇ = (p − e_class)/2
        double loss = 0.5 * (LN2 + LN6);
        double[] grad = {1.0 / 12, 1.0 / 6, -1.0 / 4, 1.0 / 3, -5.0 / 12, 1.0 / 12};
        checkXent(logits(0), new double[] {2, 1}, loss, grad, TOL);
    }

    @Test
    void crossEntropyWithOneHotTargetsEqualsTheIndexForm() {
        double loss = 0.5 * (LN2 + LN6);
        double[] grad = {1.0 / 12, 1.0 / 6, -1.0 / 4, 1.0 / 3, -5.0 / 12, 1.0 / 12};
        checkXent(logits(0), new double[] {0, 0, 1, 0, 1, 0}, loss, grad, TOL);
    }

    @Test
    void crossEntropyWithProbabilityTargets() {
        // row 0: y = (½, ½, 0): −½ ln(1/6) − ½ ln(2/6) = ½ ln 6 + ½ ln 3
        // row 1: y = (¼, ¼, ½): −¼ ln(4/6) − ¾ ln(1/6) = ¼ ln(3/2) + ¾ ln 6
        double[] y = {0.5, 0.5, 0, 0.25, 0.25, 0.5};
        double loss = 0.5 * ((0.5 * LN6 + 0.5 * LN3) + (0.25 * (LN3 - LN2) + 0.75 * LN6));
        double[] grad = {-1.0 / 6, -1.0 / 12, 1.0 / 4, 5.0 / 24, -1.0 / 24, -1.0 / 6};
        checkXent(logits(0), y, loss, grad, TOL);
    }

    @Test
    void crossEntropyWeighsLogSumExpByTheTargetMass() {
        // row 0: y = (1, 1, 0), mass 2: 2 ln 6 − (0 + ln 2); row 1: y = (0, 0, ½), mass ½: ½ ln 6 − 0
        double[] y = {1, 1, 0, 0, 0, 0.5};
        double loss = 0.5 * (2 * LN6 - LN2 + 0.5 * LN6);
        // ∇ = (mass·p − y)/2
        double[] grad = {(2.0 / 6 - 1) / 2, (4.0 / 6 - 1) / 2, (6.0 / 6) / 2,
            (0.5 * 4 / 6) / 2, (0.5 / 6) / 2, (0.5 / 6 - 0.5) / 2};
        checkXent(logits(0), y, loss, grad, TOL);
        double[] h = nans(18);
        Losses.parse("xent").hessianBlocks(logits(0), y, 2, 3, h);
        double[] p = {4.0 / 6, 1.0 / 6, 1.0 / 6};
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                double expected = 0.5 * ((a == b ? p[a] : 0) - p[a] * p[b]) / 2;
                assertClose("xent Hessian block 1 (" + a + "," + b + ")", expected, h[9 + 3 * a + b], TOL, TOL);
            }
        }
    }

    @Test
    void crossEntropyShiftsByTheMaxLogitAtLargeLogits() {
        // e^{±1000} overflows or underflows: only the shift by the row maximum gives the finite answer
        double loss = 0.5 * (LN2 + LN6);
        double[] grad = {1.0 / 12, 1.0 / 6, -1.0 / 4, 1.0 / 3, -5.0 / 12, 1.0 / 12};
        checkXent(logits(1000), new double[] {2, 1}, loss, grad, 1e-12);
        checkXent(logits(-1000), new double[] {2, 1}, loss, grad, 1e-12);
        double[] mixed = {-1000, 1000, 0, 0, 0, 1000};
        Loss xent = Losses.parse("xent");
        double[] g = nans(6);
        // row 0 picks its dominant class (loss 0); row 1 misses it by 1000 (loss 1000)
        assertClose("xent value at ±1000", 500, xent.valueAndGradient(mixed, new double[] {1, 0}, 2, 3, g), 0, 1e-15);
        assertClose("xent gradient at ±1000", new double[] {0, 0, 0, -0.5, 0, 0.5}, g, 1e-15, 0);
    }

    @Test
    void crossEntropyHessianBlocksAreDiagPMinusPpT() {
        double[] h = nans(18);
        Losses.parse("xent").hessianBlocks(logits(0), new double[] {2, 1}, 2, 3, h);
        double[][] p = {{1.0 / 6, 2.0 / 6, 3.0 / 6}, {4.0 / 6, 1.0 / 6, 1.0 / 6}};
        for (int i = 0; i < 2; i++) {
            for (int a = 0; a < 3; a++) {
                for (int b = 0; b < 3; b++) {
                    double expected = ((a == b ? p[i][a] : 0) - p[i][a] * p[i][b]) / 2;
                    assertClose("xent Hessian block " + i + " (" + a + "," + b + ")", expected,
                            h[9 * i + 3 * a + b], TOL, TOL);
                }
            }
        }
    }

    @Test
    void crossEntropyRejectsBadTargets() {
        Loss xent = new SoftmaxCrossEntropy();
        xent.validateTargets(new double[] {0, 2}, 2, 3, 1);
        xent.validateTargets(new double[] {0, 1, 0, 1, 0, 0}, 2, 3, 3);
        for (double bad : new double[] {3, -1, 0.5}) {
            org.assertj.core.api.Assertions.assertThatThrownBy(
                    () -> xent.validateTargets(new double[] {0, bad}, 2, 3, 1))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row 2");
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> xent.validateTargets(new double[4], 2, 3, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has 2");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> xent.validateTargets(new double[2], 2, 1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 2");
    }

    /** F − Y = (1, 0; −2, 3), Σ r² = 14, over n = 2 samples of k = 2 outputs. */
    private static final double[] F = {1, 2, 3, 4};
    private static final double[] Y = {0, 2, 5, 1};
    private static final double[] R = {1, 0, -2, 3};

    private static void checkSquared(String spec, double c) {
        Loss loss = Losses.parse(spec);
        assertEquals(spec, loss.spec());
        assertClose(spec + " value", 0.5 * c * 14, loss.value(F, Y, 2, 2), 0, TOL);
        double[] g = nans(4);
        assertClose(spec + " value with gradient", 0.5 * c * 14, loss.valueAndGradient(F, Y, 2, 2, g), 0, TOL);
        double[] expected = R.clone();
        for (int i = 0; i < 4; i++) {
            expected[i] *= c;
        }
        assertClose(spec + " gradient", expected, g, 0, TOL);
        double[] h = nans(8);
        loss.hessianBlocks(F, Y, 2, 2, h);
        assertClose(spec + " Hessian blocks", new double[] {c, 0, 0, c, c, 0, 0, c}, h, 0, 0);
        assertEquals(c, ((SquaredError) loss).curvature(2));
    }

    @Test
    void squaredErrorInItsThreeNormalizations() {
        checkSquared("mse", 0.5);
        checkSquared("mse-mean", 1.0);
        checkSquared("frobenius", 1.0);
        assertEquals(2.0 / 5, new SquaredError(SquaredError.Normalization.MEAN).curvature(5));
    }

    @Test
    void entrywiseCostMeanAndSum() {
        // c(x, y) = (x − y)^4: c' = 4r³, c'' = 12r²; Σ r⁴ = 1 + 16 + 81 = 98
        for (boolean mean : new boolean[] {true, false}) {
            Loss loss = Losses.parse((mean ? "cost:" : "cost-sum:") + "(x-y)^4");
            double s = mean ? 0.5 : 1;
            assertClose(loss.spec() + " value", s * 98, loss.value(F, Y, 2, 2), 0, 1e-14);
            double[] g = nans(4);
            assertClose(loss.spec() + " value with gradient", s * 98, loss.valueAndGradient(F, Y, 2, 2, g), 0, 1e-14);
            assertClose(loss.spec() + " gradient", new double[] {s * 4, 0, s * -32, s * 108}, g, 0, 1e-14);
            double[] h = nans(8);
            loss.hessianBlocks(F, Y, 2, 2, h);
            assertClose(loss.spec() + " Hessian blocks", new double[] {s * 12, 0, 0, 0, s * 48, 0, 0, s * 108}, h, 0,
                    1e-14);
        }
    }
}
