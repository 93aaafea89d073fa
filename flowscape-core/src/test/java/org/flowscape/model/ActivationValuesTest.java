package org.flowscape.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.flowscape.testing.NumericAssert.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Pins ψ, ψ' and ψ'' of every built-in activation at fixed points against closed forms written with {@link StrictMath}
 * (or tabulated constants), including the arguments where the overflow-safe branches act. The array kernel
 * {@link Activation#evaluate} is checked on buffers pre-filled with NaN and one entry longer than n, so that a skipped
 * write or a write past n shows.
 */
class ActivationValuesTest {
    /** Relative tolerance against the StrictMath closed forms (the kernels use Math.* and Cephes' tanh). */
    private static final double REL = 1e-14;
    /** Absolute floor for derivatives that are a difference of nearly equal numbers (1 − t², s(1 − s)). */
    private static final double ABS = 5e-16;

    /** Φ(1) and Φ(2), the standard normal CDF, from tables (Abramowitz–Stegun 26.2, 20 digits). */
    private static final double PHI_CDF_1 = 0.84134474606854292578;
    private static final double PHI_CDF_2 = 0.97724986805182079281;

    private static double pdf(double x) {
        return StrictMath.exp(-0.5 * x * x) / StrictMath.sqrt(2 * StrictMath.PI);
    }

    private static double logistic(double x) {
        return 1 / (1 + StrictMath.exp(-x));
    }

    /** Asserts ψ, ψ', ψ'' at z through the scalar methods and through evaluate(). */
    private static void pin(Activation act, double z, double v, double d1, double d2) {
        String at = act.spec() + " at " + z;
        assertClose(at + ": value", v, act.value(z), ABS, REL);
        assertClose(at + ": first derivative", d1, act.derivative(z), ABS, REL);
        assertClose(at + ": second derivative", d2, act.secondDerivative(z), ABS, REL);
    }

    private static void pin(Activation act, double[] zs, DoubleUnaryOperator v, DoubleUnaryOperator d1,
            DoubleUnaryOperator d2) {
        for (double z : zs) {
            pin(act, z, v.applyAsDouble(z), d1.applyAsDouble(z), d2.applyAsDouble(z));
        }
        checkArrayKernel(act, zs);
    }

    /** evaluate() on n points writes exactly entries 0..n−1 and agrees with the scalar methods there. */
    private static void checkArrayKernel(Activation act, double[] zs) {
        int n = zs.length;
        double[] z = Arrays.copyOf(zs, n + 1);
        z[n] = 0.5;
        double[] a = nans(n + 1);
        double[] d1 = nans(n + 1);
        double[] d2 = nans(n + 1);
        act.evaluate(z, a, d1, d2, n);
        for (int i = 0; i < n; i++) {
            String at = act.spec() + " evaluate() at " + zs[i];
            assertClose(at + ": value", act.value(zs[i]), a[i], 0, 0);
            assertClose(at + ": first derivative", act.derivative(zs[i]), d1[i], 0, 0);
            assertClose(at + ": second derivative", act.secondDerivative(zs[i]), d2[i], 0, 0);
        }
        assertThat(a[n]).as(act.spec() + ": value written past n").isNaN();
        assertThat(d1[n]).as(act.spec() + ": derivative written past n").isNaN();
        assertThat(d2[n]).as(act.spec() + ": second derivative written past n").isNaN();
    }

    private static double[] nans(int n) {
        double[] x = new double[n];
        Arrays.fill(x, Double.NaN);
        return x;
    }

    @Test
    void identity() {
        pin(Activations.identity(), new double[] {-3.5, 0, 2.25, 1e300}, z -> z, z -> 1, z -> 0);
        assertThat(Activations.identity().isIdentity()).isTrue();
        assertThat(Activations.tanh().isIdentity()).isFalse();
    }

    @Test
    void reluTakesTheLeftValueAtTheKink() {
        Activation relu = Activations.relu();
        pin(relu, 3, 3, 1, 0);
        pin(relu, -2, 0, 0, 0);
        pin(relu, 0, 0, 0, 0);
        pin(relu, Double.MIN_VALUE, Double.MIN_VALUE, 1, 0);
        checkArrayKernel(relu, new double[] {3, -2, 0});
    }

    @Test
    void leakyReluUsesItsSlopeOnTheLeftAndAtTheKink() {
        Activation leaky = Activations.leakyRelu(0.1);
        pin(leaky, 3, 3, 1, 0);
        pin(leaky, -2, -0.2, 0.1, 0);
        pin(leaky, 0, 0, 0.1, 0);
        pin(leaky, -1e300, -1e299, 0.1, 0);
        checkArrayKernel(leaky, new double[] {3, -2, 0});
    }

    @Test
    void reluPowIsTheKthPowerOfThePositivePart() {
        Activation cube = Activations.reluPow(3);
        pin(cube, 2, 8, 12, 12);
        pin(cube, -2, 0, 0, 0);
        pin(cube, 0, 0, 0, 0);
        Activation square = Activations.reluPow(2);
        pin(square, 1.5, 2.25, 3, 2);
        pin(square, -1.5, 0, 0, 0);
        // the left value at the kink: relu_pow(2)''(0) = 0, not the right limit 2
        pin(square, 0, 0, 0, 0);
        Activation half = Activations.reluPow(1.5);
        pin(half, 4, 8, 1.5 * 2, 0.75 * 0.5);
        pin(half, 0, 0, 0, 0);
        checkArrayKernel(cube, new double[] {2, -2, 0, 0.5});
    }

    @Test
    void logisticSigmoidWithoutOverflowOnEitherSide() {
        Activation sig = Activations.sigmoid();
        pin(sig, new double[] {0.7, -1.3, 0, 15, -40},
                ActivationValuesTest::logistic,
                z -> logistic(z) * logistic(-z),
                z -> logistic(z) * logistic(-z) * (1 - 2 * logistic(z)));
        // e^{800} overflows: each side must take the branch whose exponential is e^{-|z|}
        pin(sig, 800, 1, 0, 0);
        pin(sig, -800, 0, 0, 0);
        assertEquals(0.5, sig.value(0));
        assertEquals(0.25, sig.derivative(0));
    }

    @Test
    void tanhMatchesStrictMathOnBothBranchesAndKeepsTheSignOfZero() {
        Activation tanh = Activations.tanh();
        pin(tanh, new double[] {0.3, -0.5, 0.624, 0.625, 0.9, -3, 10, 21.9},
                StrictMath::tanh,
                z -> 1 / StrictMath.pow(StrictMath.cosh(z), 2),
                z -> -2 * StrictMath.tanh(z) / StrictMath.pow(StrictMath.cosh(z), 2));
        pin(tanh, 30, 1, 0, 0);
        pin(tanh, -30, -1, 0, 0);
        pin(tanh, 1e300, 1, 0, 0);
        assertEquals(-0.0, tanh.value(-0.0), "tanh(-0) = -0");
        assertEquals(0.0, tanh.value(0.0), "tanh(+0) = +0");
    }

    @Test
    void algebraicSigmoid() {
        pin(Activations.algebraicSigmoid(), new double[] {0.5, -2, 0, 7},
                z -> z / StrictMath.sqrt(1 + z * z),
                z -> StrictMath.pow(1 + z * z, -1.5),
                z -> -3 * z * StrictMath.pow(1 + z * z, -2.5));
        pin(Activations.algebraicSigmoid(), 3, 3 / StrictMath.sqrt(10), StrictMath.pow(10, -1.5),
                -9 * StrictMath.pow(10, -2.5));
        // where z * z overflows, z / sqrt(1 + z^2) is +-1 (it used to come out 0, and NaN at +-infinity)
        pin(Activations.algebraicSigmoid(), 1e200, 1, 0, 0);
        pin(Activations.algebraicSigmoid(), -1e200, -1, 0, 0);
        pin(Activations.algebraicSigmoid(), Double.POSITIVE_INFINITY, 1, 0, 0);
        pin(Activations.algebraicSigmoid(), 1e9, 1, 1e-27, -3e-36);
    }

    @Test
    void softplusWithoutOverflowOnEitherSide() {
        Activation sp = Activations.softplus();
        pin(sp, new double[] {0.5, -0.5, 0, 3, -3, 30},
                z -> StrictMath.log1p(StrictMath.exp(z)),
                ActivationValuesTest::logistic,
                z -> logistic(z) * logistic(-z));
        // log(1 + e^{1000}) overflows unless written 1000 + log1p(e^{−1000})
        pin(sp, 1000, 1000, 1, 0);
        pin(sp, -1000, 0, 0, 0);
        assertEquals(StrictMath.log(2), sp.value(0), 1e-16);
    }

    @Test
    void exponential() {
        pin(Activations.exp(), new double[] {0, 1, -2.5, 10}, StrictMath::exp, StrictMath::exp, StrictMath::exp);
    }

    @Test
    void sine() {
        pin(Activations.sin(), new double[] {0.4, -1.2, 3, 0},
                StrictMath::sin, StrictMath::cos, z -> -StrictMath.sin(z));
    }

    @Test
    void geluIsZTimesTheNormalCdf() {
        Activation gelu = Activations.gelu();
        pin(gelu, 1, PHI_CDF_1, PHI_CDF_1 + pdf(1), pdf(1));
        pin(gelu, -1, -(1 - PHI_CDF_1), (1 - PHI_CDF_1) - pdf(1), pdf(1));
        pin(gelu, 2, 2 * PHI_CDF_2, PHI_CDF_2 + 2 * pdf(2), -2 * pdf(2));
        pin(gelu, 0, 0, 0.5, 2 * pdf(0));
        pin(gelu, -40, 0, 0, 0);
        checkArrayKernel(gelu, new double[] {1, -1, 2, 0});
    }

    @Test
    void swishIsZTimesTheLogistic() {
        pin(Activations.swish(), new double[] {1.5, -0.8, 0, 6},
                z -> z * logistic(z),
                z -> logistic(z) + z * logistic(z) * logistic(-z),
                z -> logistic(z) * logistic(-z) * (2 + z * (1 - 2 * logistic(z))));
        pin(Activations.swish(), 800, 800, 1, 0);
        pin(Activations.swish(), -800, 0, 0, 0);
    }

    @Test
    void polynomialByHornersRule() {
        // p(x) = 1 − 2x + 3x² + ½x³: p(2) = 13, p'(2) = −2 + 12 + 6 = 16, p''(2) = 6 + 6 = 12
        Activation p = Activations.poly(1, -2, 3, 0.5);
        pin(p, 2, 13, 16, 12);
        pin(p, -1, 5.5, -6.5, 3);
        pin(p, 0, 1, -2, 6);
        checkArrayKernel(p, new double[] {2, -1, 0});
        pin(Activations.poly(5), 3, 5, 0, 0);
        pin(Activations.poly(0, 0, 1), -3, 9, -6, 2);
    }

    @Test
    void specsSpellTheActivation() {
        assertEquals("relu_pow(3)", Activations.reluPow(3).spec());
        assertEquals("leaky_relu(0.1)", Activations.leakyRelu(0.1).spec());
        assertEquals("poly(1,-2,3,0.5)", Activations.poly(1, -2, 3, 0.5).spec());
        assertEquals("tanh", Activations.tanh().toString());
    }
}
