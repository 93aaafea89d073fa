package org.flowscape.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.flowscape.linalg.SymmetricEigen;
import org.junit.jupiter.api.Test;

/**
 * The double-precision certifier's proof steps must refuse whenever the exact (real-arithmetic) test fails: the
 * Krawczyk inclusion K(X) ⊂ int X on boxes whose image touches or sticks out of X by one ulp at one end only, the
 * Gershgorin discs of VᵀH(X)V when one disc reaches 0, the nonsingularity of V, and the directed rounding of
 * {@link IntervalMath}. Each input is built so that exactly the step under test decides.
 */
class CertifierSoundnessTest {
    private static final double[] X = {0};
    private static final double[] Y = {1};

    /** K(X) for P = 1 at x = 0 with Y = 1, gradient enclosure [gLo, gHi] and Hessian enclosure [h, h] on [lo, hi]. */
    private static double krawczyk(double lo, double hi, double gLo, double gHi, double h) {
        return Certifier.krawczyk(X, new double[] {lo}, new double[] {hi}, Y, new double[] {gLo, gHi},
                new double[] {h, h}, 1);
    }

    @Test
    void krawczykAcceptsAnImageWellInside() {
        // K = 0 − [−¼, ¼] + (1 − 1)·X = [−¼, ¼] up to a few ulps
        double width = krawczyk(-1, 1, -0.25, 0.25, 1);
        assertThat(width).isBetween(0.5, 0.5 + 1e-14);
        // I − YH = ¼ on X = [−1, 3] (radius 3): spread ¾, K = [−0.8, 0.8]
        width = krawczyk(-1, 3, -0.05, 0.05, 0.75);
        assertThat(width).isBetween(1.6, 1.6 + 1e-14);
    }

    @Test
    void krawczykRefusesAnImageTouchingOrLeavingTheLowerEnd() {
        // K's lower end is −g_hi: exactly lo = −1, then one ulp below it; the upper end stays well inside
        assertTrue(Double.isNaN(krawczyk(-1, 1, -0.25, 1, 1)), "touching the lower end");
        assertTrue(Double.isNaN(krawczyk(-1, 1, -0.25, Math.nextUp(1.0), 1)), "one ulp below the lower end");
        // the spread decides: I − YH = ¼ on X = [−1, 3] gives spread ¾, so K = [−¼ − ¾, ¼ + ¾] touches −1 only
        assertTrue(Double.isNaN(krawczyk(-1, 3, -0.25, 0.25, 0.75)), "spread reaching the lower end");
    }

    @Test
    void krawczykRefusesAnImageTouchingOrLeavingTheUpperEnd() {
        assertTrue(Double.isNaN(krawczyk(-1, 1, -1, 0.25, 1)), "touching the upper end");
        assertTrue(Double.isNaN(krawczyk(-1, 1, -Math.nextUp(1.0), 0.25, 1)), "one ulp above the upper end");
        assertTrue(Double.isNaN(krawczyk(-3, 1, -0.25, 0.25, 0.75)), "spread reaching the upper end");
    }

    @Test
    void krawczykChecksEveryCoordinate() {
        // P = 2, Y = I, H = I: K = x − g; coordinate 1's image leaves its box, coordinate 0's does not
        double[] x = {0, 0};
        double[] y = {1, 0, 0, 1};
        double[] h = {1, 1, 0, 0, 0, 0, 1, 1};
        double[] lo = {-1, -1};
        double[] hi = {1, 1};
        assertTrue(Double.isNaN(Certifier.krawczyk(x, lo, hi, y, new double[] {-0.1, 0.1, -0.1, 1.5}, h, 2)));
        assertTrue(Double.isNaN(Certifier.krawczyk(x, lo, hi, y, new double[] {-0.1, 1.5, -0.1, 0.1}, h, 2)));
        double w = Certifier.krawczyk(x, lo, hi, y, new double[] {-0.1, 0.1, -0.3, 0.3}, h, 2);
        assertThat(w).isBetween(0.6, 0.6 + 1e-14);
    }

    /** The smallest subnormal: sums of its multiples are exact, and down/up step by exactly one of it there. */
    private static final double U = Double.MIN_VALUE;

    @Test
    void krawczykImageIsOutwardRoundedBySixUnitsAndMustLieStrictlyInside() {
        // Followed by hand in units of U: Y·g = 1·[−10U, 10U] is [−12U, 12U] (product and sum each stepped out by U);
        // I − YH = 1 − 1 rounded outward has magnitude ≈ 2⁻⁵², so |I − YH|·r rounds to 0 and spread = up(0 + up(0))
        // = 2U; K = [down(down(0 − 12U) − 2U), up(up(0 + 12U) + 2U)] = [−16U, 16U], of width 32U.
        double[] g = {-10 * U, 10 * U};
        assertEquals(32 * U, Certifier.krawczyk(X, new double[] {-17 * U}, new double[] {17 * U}, Y, g,
                new double[] {1, 1}, 1));
        // a box end equal to the computed image's end is not in the open interior: refused at either end
        assertTrue(Double.isNaN(Certifier.krawczyk(X, new double[] {-16 * U}, new double[] {100 * U}, Y, g,
                new double[] {1, 1}, 1)), "lower end on the box");
        assertTrue(Double.isNaN(Certifier.krawczyk(X, new double[] {-100 * U}, new double[] {16 * U}, Y, g,
                new double[] {1, 1}, 1)), "upper end on the box");
    }

    @Test
    void gershgorinDiscEndsCarryEighteenUnitsOfRoundingAndMustExcludeZeroStrictly() {
        // With V = I and subnormal entries every step is exact up to the outward steps: VᵀH V's entries are
        // h ± 8U (four products and four sums per entry over two k), the radius is |h_01| + 8U stepped up once,
        // so disc 0's computed lower end is h_00 − |h_01| − 18U. H = [[100U + d, 100U], [100U, 500U]]:
        assertEquals(Certificate.Status.CERTIFIED, inertia(subnormal(119, 100, 500)).status());
        assertEquals(U, inertia(subnormal(119, 100, 500)).gershgorinGap());
        assertEquals(0, inertia(subnormal(119, 100, 500)).index());
        assertEquals(2 * U, inertia(subnormal(120, 100, 500)).gershgorinGap());
        // the computed lower end lands exactly on 0 (exact margin 18U > 0, but the proof must see it): refused
        assertRefused(inertia(subnormal(118, 100, 500)), "disc 0");
        assertRefused(inertia(subnormal(117, 100, 500)), "disc 0");
        // mirrored: disc 0 left of 0, its computed upper end −(d − 18U)
        Certificate left = inertia(subnormal(-119, 100, 500));
        assertEquals(1, left.index(), left.reason());
        assertEquals(U, left.gershgorinGap());
        assertRefused(inertia(subnormal(-118, 100, 500)), "disc 0");
    }

    /** The point interval matrix [[a, b], [b, c]]·U. */
    private static double[] subnormal(int a, int b, int c) {
        return point(a * U, b * U, b * U, c * U);
    }

    @Test
    void aOneByOneBasisIsNonsingularOnlyWhenTheComputedDefectStaysBelowOne() {
        // V = [2⁻²⁶]: VᵀV − I = 2⁻⁵² − 1, computed as [−1 + 2⁻⁵³, …] whose magnitude 1 − 2⁻⁵³ is stepped up to
        // exactly 1, which is not < 1: refused. V = [2⁻²⁵]: magnitude 1 − 7·2⁻⁵³ + 2⁻⁵³ < 1: proved.
        SymmetricEigen tiny = new SymmetricEigen(new double[] {1}, new double[] {Math.scalb(1.0, -26)});
        Certificate refused = Certifier.inertia(new double[] {0}, 1e-10, 1e-12, tiny, point(1), 1);
        assertEquals(Certificate.Status.NOT_PROVED, refused.status());
        assertTrue(refused.reason().contains("nonsingular"), refused.reason());
        SymmetricEigen small = new SymmetricEigen(new double[] {1}, new double[] {Math.scalb(1.0, -25)});
        assertEquals(Certificate.Status.CERTIFIED,
                Certifier.inertia(new double[] {0}, 1e-10, 1e-12, small, point(1), 1).status());
    }

    @Test
    void newtonBoundIsTheLargestRowOfAbsYTimesTheGradientMagnitudes() {
        // |Y| = [[1, 2], [3, 0.5]], mag g = (1, 2): rows 1 + 4 = 5 and 3 + 1 = 4
        assertEquals(5.0, Certifier.newtonBound(new double[] {1, -2, 3, 0.5}, new double[] {-1, 0.5, 0.25, 2}, 2));
        // the second row is the largest when its entries grow: 3·1 + 4·2 = 11
        assertEquals(11.0, Certifier.newtonBound(new double[] {1, -2, 3, -4}, new double[] {-1, 0.5, 0.25, 2}, 2));
        assertEquals(0.0, Certifier.newtonBound(new double[] {1, 0, 0, 1}, new double[] {0, 0, 0, 0}, 2));
    }

    private static final SymmetricEigen IDENTITY = new SymmetricEigen(new double[] {1, 2}, new double[] {1, 0, 0, 1});

    /** A point interval matrix from the row-major entries. */
    private static double[] point(double... m) {
        double[] out = new double[2 * m.length];
        for (int i = 0; i < m.length; i++) {
            out[2 * i] = m[i];
            out[2 * i + 1] = m[i];
        }
        return out;
    }

    private static Certificate inertia(double[] h) {
        return Certifier.inertia(new double[] {0, 0}, 1e-10, 1e-12, IDENTITY, h, 2);
    }

    @Test
    void gershgorinProvesTheIndexWhenEveryDiscExcludesZero() {
        // discs [3 − 1, 3 + 1] and [−4 − 1, −4 + 1]: index 1, gap min(2, 3) = 2
        Certificate c = inertia(point(3, 1, 1, -4));
        assertEquals(Certificate.Status.CERTIFIED, c.status(), c.reason());
        assertEquals(1, c.index());
        assertThat(c.gershgorinGap()).isBetween(2 - 1e-14, 2.0);
        assertTrue(c.uniqueProved());
        Certificate negative = inertia(point(-3, 1, 1, -4));
        assertEquals(2, negative.index(), negative.reason());
        assertThat(negative.gershgorinGap()).isBetween(2 - 1e-14, 2.0);
    }

    @Test
    void gershgorinRefusesADiscReachingZeroFromEitherSide() {
        // disc 0 = [1 − 2, 1 + 2] ∋ 0: only the lower end decides
        assertRefused(inertia(point(1, 2, 2, 5)), "disc 0");
        // disc 0 = [−1 − 2, −1 + 2] ∋ 0: only the upper end decides
        assertRefused(inertia(point(-1, 2, 2, -5)), "disc 0");
        // disc 1 = [5 − 5, 5 + 5] touches 0
        assertRefused(inertia(point(9, 5, 5, 5)), "disc 1");
        // an interval diagonal [0.5, 1] with radius 0.75: the lower end of the centre interval decides
        double[] h = point(1, 0.75, 0.75, 5);
        h[0] = 0.5;
        assertRefused(inertia(h), "disc 0");
        // an interval off-diagonal [−0.9, 0.3] with centre 0.8: the magnitude 0.9 decides
        double[] g = point(0.8, 0.3, 0.3, 5);
        g[2] = -0.9;
        g[4] = -0.9;
        assertRefused(inertia(g), "disc 0");
    }

    private static void assertRefused(Certificate c, String disc) {
        assertEquals(Certificate.Status.NOT_PROVED, c.status(), c.reason());
        assertTrue(c.reason().contains("Gershgorin disc " + disc.substring(5)), c.reason());
        assertEquals(-1, c.index());
        assertTrue(c.uniqueProved());
    }

    @Test
    void aBasisThatIsNotProvedNonsingularIsRefused() {
        // VᵀV − I = [[0.36, 1.2], [1.2, 0.36]]: row sums 1.56 ≥ 1
        SymmetricEigen skew = new SymmetricEigen(new double[] {1, 2}, new double[] {1, 0.6, 0.6, 1});
        Certificate c = Certifier.inertia(new double[] {0, 0}, 1e-10, 1e-12, skew, point(3, 0, 0, 4), 2);
        assertEquals(Certificate.Status.NOT_PROVED, c.status());
        assertTrue(c.reason().contains("nonsingular"), c.reason());
        // a rotation by a small angle stays provably nonsingular
        double s = 0.6;
        double co = 0.8;
        SymmetricEigen rot = new SymmetricEigen(new double[] {1, 2}, new double[] {co, -s, s, co});
        assertEquals(Certificate.Status.CERTIFIED, Certifier.inertia(new double[] {0, 0}, 1e-10, 1e-12, rot,
                point(3, 0, 0, 4), 2).status());
    }

    @Test
    void directedRoundingStepsOutward() {
        for (double x : new double[] {1, -1, 0.1, 1e-300, -7.5e10}) {
            assertEquals(Math.nextDown(x), IntervalMath.down(x));
            assertEquals(Math.nextUp(x), IntervalMath.up(x));
            // library values are widened by 8 ulps (plus the smallest subnormal) on each side
            assertEquals(x - 8 * Math.ulp(x) - Double.MIN_VALUE, IntervalMath.libDown(x));
            assertEquals(x + 8 * Math.ulp(x) + Double.MIN_VALUE, IntervalMath.libUp(x));
            assertThat(IntervalMath.libDown(x)).isLessThan(x - 7 * Math.ulp(x));
            assertThat(IntervalMath.libUp(x)).isGreaterThan(x + 7 * Math.ulp(x));
        }
        assertThat(IntervalMath.libDown(0)).isLessThan(0);
        assertThat(IntervalMath.libUp(0)).isGreaterThan(0);
        // at 0 and among subnormals the smallest subnormal U is one ulp, so the widening is 9U: 8 ulps plus U
        assertEquals(-9 * U, IntervalMath.libDown(0));
        assertEquals(9 * U, IntervalMath.libUp(0));
        assertEquals(-6 * U, IntervalMath.libDown(3 * U));
        assertEquals(12 * U, IntervalMath.libUp(3 * U));
    }

    @Test
    void intervalProductsSquaresAndReciprocalsEncloseTheExactResult() {
        // [−2, 3]·[−5, 4]: products 10, −8, −15, 12
        assertEquals(Math.nextDown(-15.0), IntervalMath.mulLo(-2, 3, -5, 4));
        assertEquals(Math.nextUp(12.0), IntervalMath.mulHi(-2, 3, -5, 4));
        assertEquals(Math.nextDown(-16.0), IntervalMath.mulLo(-2, -1, 4, 8));
        assertEquals(Math.nextUp(-4.0), IntervalMath.mulHi(-2, -1, 4, 8));
        assertEquals(0.0, IntervalMath.sqrLo(-2, 3));
        assertEquals(0.0, IntervalMath.sqrLo(0, 3));
        assertEquals(0.0, IntervalMath.sqrLo(-2, 0));
        assertEquals(Math.nextDown(4.0), IntervalMath.sqrLo(2, 3));
        assertEquals(Math.nextDown(4.0), IntervalMath.sqrLo(-3, -2));
        assertEquals(Math.nextUp(9.0), IntervalMath.sqrHi(-3, 2));
        assertEquals(Math.nextUp(9.0), IntervalMath.sqrHi(-2, 3));
        assertEquals(3.0, IntervalMath.mag(-3, 2));
        assertEquals(3.0, IntervalMath.mag(-2, 3));
        assertEquals(Math.nextDown(0.25), IntervalMath.recipLo(4));
        assertEquals(Math.nextUp(0.5), IntervalMath.recipHi(2));
        double[] acc = {1, 2};
        IntervalMath.addProduct(acc, 0, -2, 3, -5, 4);
        assertEquals(Math.nextDown(1 + Math.nextDown(-15.0)), acc[0]);
        assertEquals(Math.nextUp(2 + Math.nextUp(12.0)), acc[1]);
        double[] sum = {0, 0, 1, 2};
        IntervalMath.add(sum, 1, 0.5, 0.25);
        assertEquals(Math.nextDown(1.5), sum[2]);
        assertEquals(Math.nextUp(2.25), sum[3]);
        assertEquals(0.0, sum[0]);
    }
}
