package org.flowscape.linalg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import org.flowscape.rng.Seeds;
import org.junit.jupiter.api.Test;

/**
 * ArrayMath against StrictMath: 40 random significands in every binade from the subnormals (2⁻¹⁰⁷⁴) to the largest
 * (2¹⁰²³), both signs, plus the special values ±0, ±∞, NaN, the smallest subnormal and normal, and the overflow and
 * underflow thresholds of exp. Errors in units of the last place of the StrictMath result; a zero, infinite or NaN
 * result must be matched exactly (signed zeros included).
 */
class ArrayMathTest {
    private static final double[] SPECIAL = {0.0, -0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
        Double.NaN, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, -Double.MIN_NORMAL, Double.MAX_VALUE,
        -Double.MAX_VALUE, 709.782712893384, 709.7827128933841, -745.1332191019411, -745.1332191019412,
        -708.3964185322641, 19.06, -19.06, 22.0, 0.625, -0.625, 0.5 * Math.log(2), Math.log(2), 1.0, -1.0};

    private static double[] arguments() {
        SplittableRandom r = Seeds.stream(15, "array-math-test");
        int perBinade = 40;
        double[] x = new double[2 * perBinade * 2098 + SPECIAL.length];
        int n = 0;
        for (int e = -1074; e <= 1023; e++) {
            for (int j = 0; j < perBinade; j++) {
                double v = e < -1022 ? Math.scalb(r.nextDouble(), -1022) : Math.scalb(1 + r.nextDouble(), e);
                x[n++] = v;
                x[n++] = -v;
            }
        }
        System.arraycopy(SPECIAL, 0, x, n, SPECIAL.length);
        return x;
    }

    /** The largest error in ulps of the reference; a non-finite or zero reference must be matched bit for bit. */
    private static double worstUlps(double[] x, double[] got, DoubleUnaryOperator reference) {
        double worst = 0;
        for (int i = 0; i < x.length; i++) {
            double want = reference.applyAsDouble(x[i]);
            if (Double.isNaN(want)) {
                assertThat(got[i]).as("at %s", x[i]).isNaN();
            } else if (want == 0 || Double.isInfinite(want)) {
                assertThat(Double.doubleToRawLongBits(got[i])).as("at %s: %s against %s", x[i], got[i], want)
                        .isEqualTo(Double.doubleToRawLongBits(want));
            } else {
                assertThat(got[i]).as("at %s", x[i]).isFinite();
                worst = Math.max(worst, Math.abs(got[i] - want) / Math.ulp(want));
            }
        }
        return worst;
    }

    private static double logistic(double z) {
        return z >= 0 ? 1 / (1 + StrictMath.exp(-z)) : StrictMath.exp(z) / (1 + StrictMath.exp(z));
    }

    @Test
    void expIsWithinOneUlp() {
        double[] x = arguments();
        double[] out = new double[x.length];
        ArrayMath.exp(x, out, x.length);
        assertThat(worstUlps(x, out, StrictMath::exp)).isLessThanOrEqualTo(1.0);
        assertThat(out[x.length - SPECIAL.length + 2]).isEqualTo(Double.POSITIVE_INFINITY);
    }

    @Test
    void tanhIsWithinFourUlpAndItsDerivativeWithinSix() {
        double[] x = arguments();
        double[] t = new double[x.length];
        double[] dt = new double[x.length];
        ArrayMath.tanh(x, t, dt, x.length);
        assertThat(worstUlps(x, t, StrictMath::tanh)).isLessThanOrEqualTo(4.0);
        // tanh' = 1/cosh² = 4E/(1 + E)² with E = e^{−2|x|}: relative accuracy also where tanh rounds to ±1 (the
        // reference formula itself carries up to ≈ 2.5 ulp, hence 6)
        DoubleUnaryOperator derivative = v -> {
            double e = StrictMath.exp(-2 * Math.abs(v));
            return 4 * e / ((1 + e) * (1 + e));
        };
        assertThat(worstUlps(x, dt, derivative)).isLessThanOrEqualTo(6.0);
        double[] alone = new double[x.length];
        ArrayMath.tanh(x, alone, null, x.length);
        assertThat(alone).isEqualTo(t);
    }

    @Test
    void logisticIsWithinThreeUlpIncludingTheSubnormalTail() {
        double[] x = arguments();
        double[] s = new double[x.length];
        double[] ds = new double[x.length];
        ArrayMath.logistic(x, s, ds, x.length);
        assertThat(worstUlps(x, s, ArrayMathTest::logistic)).isLessThanOrEqualTo(3.0);
        // σ(−740) = e^−740/(1 + e^−740) is subnormal: computed, not flushed to zero
        double[] tail = {-740.0};
        double[] out = new double[1];
        ArrayMath.logistic(tail, out, null, 1);
        assertThat(out[0]).isPositive().isCloseTo(StrictMath.exp(-740.0), org.assertj.core.api.Assertions.within(
                Double.MIN_VALUE));
    }

    @Test
    void softplusIsWithinThreeUlp() {
        double[] x = arguments();
        double[] out = new double[x.length];
        ArrayMath.softplus(x, out, x.length);
        DoubleUnaryOperator reference = v -> Math.max(v, 0) + StrictMath.log1p(StrictMath.exp(-Math.abs(v)));
        assertThat(worstUlps(x, out, reference)).isLessThanOrEqualTo(3.0);
        double[] zero = {0.0};
        ArrayMath.softplus(zero, zero, 1);
        assertThat(zero[0]).isCloseTo(Math.log(2), org.assertj.core.api.Assertions.within(Math.ulp(Math.log(2))));
    }

    @Test
    void inPlaceAndPartialCallsTouchOnlyTheFirstNEntries() {
        double[] x = {0.3, -2.0, 5.0, 7.0};
        double[] copy = x.clone();
        double[] expect = new double[3];
        ArrayMath.exp(copy, expect, 3);
        ArrayMath.exp(x, x, 3);
        assertThat(x).containsExactly(expect[0], expect[1], expect[2], 7.0);
        assertThat(expect[0]).isCloseTo(StrictMath.exp(0.3), org.assertj.core.api.Assertions.within(
                Math.ulp(StrictMath.exp(0.3))));
    }
}
