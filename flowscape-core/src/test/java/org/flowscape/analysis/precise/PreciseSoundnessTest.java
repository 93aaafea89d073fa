package org.flowscape.analysis.precise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import org.flowscape.analysis.Certificate;
import org.junit.jupiter.api.Test;

/**
 * The extended-precision certifier's proof steps must refuse whenever the exact test fails: the inclusion test
 * {@link BigInterval#strictlyInside} (the only existence-and-uniqueness proof), the Krawczyk image at one end only,
 * the Gershgorin discs of VᵀH(X)V, and the directed rounding to double of {@link PreciseCertifier#up} and
 * {@link PreciseCertifier#down}. Each input is built so that exactly the step under test decides.
 */
class PreciseSoundnessTest {
    private static final Precision P20 = new Precision(20);

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    private static BigInterval iv(String lo, String hi) {
        return new BigInterval(d(lo), d(hi));
    }

    @Test
    void strictlyInsideMeansTheOpenInterior() {
        BigInterval outer = iv("-1", "1");
        assertTrue(iv("-0.5", "0.5").strictlyInside(outer));
        assertTrue(iv("-0.99999999999999999999", "0.99999999999999999999").strictlyInside(outer));
        assertFalse(iv("-1", "0.5").strictlyInside(outer), "touching the lower end");
        assertFalse(iv("-0.5", "1").strictlyInside(outer), "touching the upper end");
        assertFalse(iv("-1.00000000000000000001", "0").strictlyInside(outer), "1e-20 below the lower end");
        assertFalse(iv("0", "1.00000000000000000001").strictlyInside(outer), "1e-20 above the upper end");
        assertFalse(outer.strictlyInside(outer));
        assertFalse(iv("-2", "2").strictlyInside(outer));
    }

    @Test
    void printedIntervalsRoundOutwardToTwentyDigits() {
        // the certificate's reason prints λ_min's enclosure this way: it must still enclose the exact interval
        BigInterval third = new BigInterval(d("0.333333333333333333333333333333"), d("0.333333333333333333333333333334"));
        assertEquals("[0.33333333333333333333, 0.33333333333333333334]", third.toString());
        assertEquals("[-0.66666666666666666667, -0.66666666666666666666]",
                new BigInterval(d("-0.666666666666666666666666666667"), d("-0.666666666666666666666666666666"))
                        .toString());
    }

    @Test
    void operationsRoundOutwardAtTheWorkingPrecision() {
        BigInterval third = BigInterval.ONE.divide(BigInterval.point(d("3")), P20);
        assertEquals(0, d("0.33333333333333333333").compareTo(third.lo()), "third.lo");
        assertEquals(0, d("0.33333333333333333334").compareTo(third.hi()), "third.hi");
        BigInterval minusThird = BigInterval.ONE.negate().divide(BigInterval.point(d("3")), P20);
        assertEquals(0, d("-0.33333333333333333334").compareTo(minusThird.lo()), "minusThird.lo");
        assertEquals(0, d("-0.33333333333333333333").compareTo(minusThird.hi()), "minusThird.hi");
        BigInterval x = BigInterval.point(d("1.00000000000000000001"));
        BigInterval sum = x.add(BigInterval.ZERO, P20);
        assertEquals(0, d("1.0000000000000000000").compareTo(sum.lo()), "sum.lo");
        assertEquals(0, d("1.0000000000000000001").compareTo(sum.hi()), "sum.hi");
        BigInterval diff = BigInterval.ZERO.subtract(x, P20);
        assertEquals(0, d("-1.0000000000000000001").compareTo(diff.lo()), "diff.lo");
        assertEquals(0, d("-1.0000000000000000000").compareTo(diff.hi()), "diff.hi");
        BigInterval widened = BigInterval.ONE.widen(d("1E-25"), P20);
        assertTrue(widened.lo().compareTo(BigDecimal.ONE) < 0 && widened.hi().compareTo(BigDecimal.ONE) > 0);
        assertEquals(0, d("0.99999999999999999999").compareTo(widened.lo()), "widened.lo");
        assertEquals(0, d("1.0000000000000000001").compareTo(widened.hi()), "widened.hi");
    }

    @Test
    void productsSquaresAndQuotientsCoverEverySignCase() {
        assertInterval("-15", "12", iv("-2", "3").multiply(iv("-5", "4"), P20));
        assertInterval("8", "24", iv("2", "3").multiply(iv("4", "8"), P20));
        assertInterval("-24", "-4", iv("-3", "-2").multiply(iv("2", "8"), P20));
        assertInterval("0", "12", iv("0", "3").multiply(iv("0", "4"), P20));
        assertInterval("-6", "-3", iv("1", "2").multiply(d("-3"), P20));
        assertInterval("3", "6", iv("1", "2").multiply(d("3"), P20));
        assertInterval("0", "9", iv("-2", "3").square(P20));
        assertInterval("0", "9", iv("-3", "2").square(P20));
        assertInterval("4", "9", iv("-3", "-2").square(P20));
        assertInterval("4", "9", iv("2", "3").square(P20));
        assertInterval("-2", "1", iv("-4", "2").divide(iv("2", "4"), P20));
        assertInterval("-1", "2", iv("-4", "2").divide(iv("-4", "-2"), P20));
        assertThatThrownBy(() -> BigInterval.ONE.divide(iv("-1", "1"), P20)).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> BigInterval.ONE.divide(iv("0", "1"), P20)).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> iv("1", "0")).isInstanceOf(IllegalArgumentException.class);
        assertTrue(iv("0", "1").containsZero() && iv("-1", "0").containsZero());
        assertFalse(iv("0.1", "1").containsZero() || iv("-1", "-0.1").containsZero());
        assertEquals(d("3"), iv("-3", "2").magnitude());
        assertEquals(d("3"), iv("-2", "3").magnitude());
        assertEquals(d("2"), iv("-3", "-2").mignitude());
        assertEquals(d("2"), iv("2", "3").mignitude());
        assertEquals(BigDecimal.ZERO, iv("-2", "3").mignitude());
        assertEquals(0, d("5").compareTo(iv("-2", "3").width(P20)));
        assertEquals(0, d("0.5").compareTo(iv("-2", "3").mid(P20)));
        assertEquals(0.5, iv("-2", "3").midDouble());
        assertInterval("-3", "3", BigInterval.symmetric(d("3")));
    }

    private static void assertInterval(String lo, String hi, BigInterval x) {
        assertEquals(0, d(lo).compareTo(x.lo()), "lower end of " + x);
        assertEquals(0, d(hi).compareTo(x.hi()), "upper end of " + x);
    }

    @Test
    void roundingToDoubleIsDirected() {
        BigDecimal third = BigDecimal.ONE.divide(d("3"), new MathContext(50, RoundingMode.HALF_EVEN));
        for (BigDecimal x : new BigDecimal[] {d("0.1"), d("-0.1"), third, third.negate(),
            d("1.000000000000000000000000000001"), d("0.999999999999999999999999999999"),
            d("-1.000000000000000000000000000001"), d("123456789.123456789")}) {
            double up = PreciseCertifier.up(x);
            double down = PreciseCertifier.down(x);
            assertTrue(new BigDecimal(up).compareTo(x) > 0, "up(" + x + ") = " + up);
            assertTrue(new BigDecimal(Math.nextDown(up)).compareTo(x) < 0, "up(" + x + ") is the smallest such");
            assertTrue(new BigDecimal(down).compareTo(x) < 0, "down(" + x + ") = " + down);
            assertTrue(new BigDecimal(Math.nextUp(down)).compareTo(x) > 0, "down(" + x + ") is the largest such");
        }
        assertEquals(Math.nextUp(1.0), PreciseCertifier.up(d("1.000000000000000000000000000001")));
        assertEquals(1.0, PreciseCertifier.down(d("1.000000000000000000000000000001")));
        // exact doubles are returned unchanged
        for (double v : new double[] {0.5, -0.5, 1, 0, 0.1, Double.MIN_VALUE}) {
            assertEquals(v, PreciseCertifier.up(new BigDecimal(v)));
            assertEquals(v, PreciseCertifier.down(new BigDecimal(v)));
        }
        // below the smallest subnormal
        assertEquals(Double.MIN_VALUE, PreciseCertifier.up(d("1E-400")));
        assertEquals(0.0, PreciseCertifier.down(d("1E-400")));
        assertEquals(-Double.MIN_VALUE, PreciseCertifier.down(d("-1E-400")));
        assertEquals(0.0, PreciseCertifier.magnitude(new BigInterval[] {BigInterval.ZERO}));
        // just above the exact value of the double 0.1
        assertEquals(Math.nextUp(0.1), PreciseCertifier.magnitude(new BigInterval[] {iv("-0.1", "0.05"),
            iv("0", "0.1000000000000000055511151231257827021181583404541015625" + "000001")}));
    }

    /** K(X) for P = 1 at x = 0 with Y = 1, Y·g enclosure [ygLo, ygHi] and Hessian enclosure [h, h] on [lo, hi]. */
    private static double inclusion(String lo, String hi, String ygLo, String ygHi, String h) {
        return Krawczyk.inclusion(new BigDecimal[] {BigDecimal.ZERO}, new BigInterval[] {iv(lo, hi)},
                new BigDecimal[] {BigDecimal.ONE}, new BigInterval[] {iv(ygLo, ygHi)},
                new BigInterval[] {iv(h, h)}, 1, P20);
    }

    @Test
    void krawczykInclusionAcceptsAnImageWellInside() {
        assertEquals(0.5, inclusion("-1", "1", "-0.25", "0.25", "1"));
        // I − YH = ¼ on X = [−1, 3] (radius 3): spread ¾, K = [−0.8, 0.8]
        assertEquals(1.6, inclusion("-1", "3", "-0.05", "0.05", "0.75"), 1e-15);
    }

    @Test
    void krawczykInclusionRefusesAnImageTouchingOrLeavingOneEnd() {
        assertTrue(Double.isNaN(inclusion("-1", "1", "-0.25", "1", "1")), "touching the lower end");
        assertTrue(Double.isNaN(inclusion("-1", "1", "-0.25", "1.0000000000000000001", "1")), "1e-19 below");
        assertTrue(Double.isNaN(inclusion("-1", "3", "-0.25", "0.25", "0.75")), "spread reaching the lower end");
        assertTrue(Double.isNaN(inclusion("-1", "1", "-1", "0.25", "1")), "touching the upper end");
        assertTrue(Double.isNaN(inclusion("-1", "1", "-1.0000000000000000001", "0.25", "1")), "1e-19 above");
        assertTrue(Double.isNaN(inclusion("-3", "1", "-0.25", "0.25", "0.75")), "spread reaching the upper end");
    }

    private static PreciseCertificate inertia(String... h) {
        BigDecimal[] mid = {d("1"), BigDecimal.ZERO, BigDecimal.ZERO, d("2")};
        PreciseCertifier.Refined ref = new PreciseCertifier.Refined(new BigDecimal[] {BigDecimal.ZERO,
            BigDecimal.ZERO}, mid, mid, 0, 0);
        BigInterval[] box = new BigInterval[4];
        for (int i = 0; i < 4; i++) {
            String[] ends = h[i].split(",");
            box[i] = iv(ends[0], ends.length > 1 ? ends[1] : ends[0]);
        }
        return Inertia.of(ref, new double[] {0, 0}, 0, 1e-30, 1e-40, box, 2, P20);
    }

    @Test
    void gershgorinProvesTheIndexAndEnclosesLambdaMin() {
        // discs [3 − 1, 3 + 1] and [−4 − 1, −4 + 1]: index 1, gap 2, λ_min(M) in [−5, −4]
        PreciseCertificate c = inertia("3", "1", "1", "-4");
        assertEquals(Certificate.Status.CERTIFIED, c.status(), c.reason());
        assertEquals(1, c.index());
        assertEquals(2.0, c.gap());
        assertThat(c.lambdaMinLower()).isLessThanOrEqualTo(-5.0).isGreaterThan(-5.0 - 1e-15);
        assertThat(c.lambdaMinUpper()).isGreaterThanOrEqualTo(-4.0).isLessThan(-4.0 + 1e-15);
        PreciseCertificate positive = inertia("3", "1", "1", "4");
        assertEquals(0, positive.index());
        assertEquals(2.0, positive.gap());
        assertThat(positive.lambdaMinLower()).isLessThanOrEqualTo(2.0).isGreaterThan(2.0 - 1e-15);
        assertThat(positive.lambdaMinUpper()).isGreaterThanOrEqualTo(3.0).isLessThan(3.0 + 1e-15);
    }

    @Test
    void gershgorinRefusesADiscReachingZero() {
        assertRefused(inertia("1", "2", "2", "5"), 0);
        assertRefused(inertia("-1", "2", "2", "-5"), 0);
        assertRefused(inertia("9", "5", "5", "5"), 1);
        assertRefused(inertia("9", "5", "5", "-5"), 1);
        assertRefused(inertia("0.5,1", "0.75", "0.75", "5"), 0);
        assertRefused(inertia("0.8", "-0.9,0.3", "-0.9,0.3", "5"), 0);
        // a radius 1e-20 short of the centre still excludes 0
        assertEquals(Certificate.Status.CERTIFIED, inertia("1", "0.99999999999999999999", "0.99999999999999999999",
                "5").status());
    }

    private static void assertRefused(PreciseCertificate c, int disc) {
        assertEquals(Certificate.Status.NOT_PROVED, c.status(), c.reason());
        assertTrue(c.reason().contains("Gershgorin disc " + disc), c.reason());
        assertEquals(-1, c.index());
        assertTrue(c.uniqueProved());
    }
}
