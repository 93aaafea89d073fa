package org.flowscape.analysis.precise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Enclosures against 60-digit reference values (mpmath) and against the JDK's doubles. */
class BigFunctionsTest {
    private static final Precision P50 = new Precision(50);

    @Test
    void enclosesReferenceValuesTightly() {
        assertEncloses(BigFunctions.exp(BigDecimal.ONE, P50),
                "2.71828182845904523536028747135266249775724709369995957496697");
        assertEncloses(BigFunctions.exp(new BigDecimal("-30"), P50),
                "9.35762296884017460491583222337870674495832268893588041641332E-14");
        assertEncloses(BigFunctions.exp(new BigDecimal("100.5"), P50),
                "44319559098458954160107061979564816895899481.8706306490748769");
        assertEncloses(BigFunctions.tanh(BigInterval.point(new BigDecimal("0.5")), P50),
                "0.462117157260009758502318483643672548730289280330113038552732");
        assertEncloses(BigFunctions.tanh(BigInterval.point(new BigDecimal("-20")), P50),
                "-0.999999999999999991503291489416822045438558191190987257130475");
        assertEncloses(BigFunctions.logistic(BigInterval.point(new BigDecimal("3")), P50),
                "0.952574126822433219121151848228247798613820567579390899282112");
    }

    @Test
    void agreesWithTheJdkOnRandomArgumentsAndIsMonotoneOverIntervals() {
        SplittableRandom rng = new SplittableRandom(11);
        for (int i = 0; i < 300; i++) {
            double x = (rng.nextDouble() - 0.5) * Math.pow(10, rng.nextInt(-3, 3));
            BigInterval t = BigFunctions.tanh(BigInterval.of(x), P50);
            assertThat(Math.abs(t.midDouble() - Math.tanh(x))).as("tanh(%s)", x).isLessThanOrEqualTo(
                    2 * Math.ulp(Math.tanh(x)) + Double.MIN_VALUE);
            BigInterval e = BigFunctions.exp(new BigDecimal(x), P50);
            assertThat(Math.abs(e.midDouble() - Math.exp(x))).as("exp(%s)", x).isLessThanOrEqualTo(
                    2 * Math.ulp(Math.exp(x)));
            assertThat(e.width(P50).compareTo(e.lo().abs().movePointLeft(47))).isNegative();
            BigInterval wide = BigFunctions.tanh(new BigInterval(new BigDecimal(x), new BigDecimal(x + 1)), P50);
            assertThat(wide.lo().compareTo(t.lo())).isLessThanOrEqualTo(0);
            assertThat(wide.hi().doubleValue()).isCloseTo(Math.tanh(x + 1), org.assertj.core.data.Offset.offset(
                    1e-15));
        }
    }

    @Test
    void tinyAndHugeArgumentsStayAccurateAndOutOfRangeIsRefused() {
        BigInterval t = BigFunctions.tanh(BigInterval.point(new BigDecimal("1e-30")), P50);
        assertThat(t.mid(P50).divide(new BigDecimal("1e-30"), P50.nearest()).subtract(BigDecimal.ONE).abs()
                .compareTo(new BigDecimal("1e-45"))).isNegative();
        BigInterval one = BigFunctions.tanh(BigInterval.point(new BigDecimal("400")), P50);
        assertThat(one.hi().compareTo(BigDecimal.ONE)).isLessThanOrEqualTo(0);
        assertThat(one.lo().compareTo(new BigDecimal("0.99999"))).isPositive();
        assertThatThrownBy(() -> BigFunctions.exp(new BigDecimal("1e9"), P50))
                .isInstanceOf(ArithmeticException.class).hasMessageContaining("beyond");
    }

    private static void assertEncloses(BigInterval x, String reference) {
        BigDecimal ref = new BigDecimal(reference);
        assertThat(x.lo().compareTo(ref)).as("%s contains %s", x, reference).isLessThanOrEqualTo(0);
        assertThat(x.hi().compareTo(ref)).as("%s contains %s", x, reference).isGreaterThanOrEqualTo(0);
        assertThat(x.width(P50).compareTo(ref.abs().movePointLeft(46))).as("width of %s", x).isNegative();
    }
}
