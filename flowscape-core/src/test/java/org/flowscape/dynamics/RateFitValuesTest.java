package org.flowscape.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * {@link RateFit}'s window (floor, first and last point) and its Theil–Sen slope and intercept on loss curves whose
 * fit is worked out by hand.
 */
class RateFitValuesTest {
    private static final double LN10 = Math.log(10);

    @Test
    void exponentialCurveGivesItsRateInterceptAndDocumentedWindow() {
        // L = 100 e^{−t/2} at t = 0..20, L* = 0: min excess 100e^{−10}, floor ten times that (= 100e^{−7.70}), so the
        // last point above it is t = 15; two decades above L(15) reach back to t ≥ 15 − 4 ln 10 = 5.79, so t = 6..15
        double[] t = new double[21];
        double[] l = new double[21];
        for (int i = 0; i < 21; i++) {
            t[i] = i;
            l[i] = 100 * Math.exp(-0.5 * i);
        }
        RateEstimate fit = RateFit.fit(t, l, 0, 2);
        assertEquals(0.5, fit.rate(), 1e-13);
        assertEquals(Math.log(100), fit.intercept(), 1e-12);
        assertEquals(6, fit.start());
        assertEquals(15, fit.end());
        assertEquals(10, fit.points());
        assertEquals(4.5 / LN10, fit.decades(), 1e-13);
        assertEquals(10 * l[20], fit.floor(), 1e-15 * l[20]);
        // a window shorter than MIN_POINTS is widened to 6 points: t = 10..15
        RateEstimate narrow = RateFit.fit(t, l, 0, 0.1);
        assertEquals(10, narrow.start());
        assertEquals(6, narrow.points());
        assertEquals(2.5 / LN10, narrow.decades(), 1e-13);
    }

    @Test
    void theilSenTakesTheMedianOfPairwiseSlopesAndOfOffsets() {
        // ln(L − L*) = 0, −1, −3, −4 at t = 0..3 (then a point below the floor): the six slopes −1, −1.5, −4/3, −2,
        // −1.5, −1 have median (−1.5 − 4/3)/2 = −17/12; offsets y + 17t/12 = 0, 5/12, −1/6, 1/4 have median 1/8
        double[] t = {0, 1, 2, 3, 4};
        double[] l = {2 + 1, 2 + Math.exp(-1), 2 + Math.exp(-3), 2 + Math.exp(-4), 2 + Math.exp(-10)};
        RateEstimate fit = RateFit.fit(t, l, 2, 10);
        assertEquals(17.0 / 12, fit.rate(), 1e-9);
        assertEquals(0.125, fit.intercept(), 1e-9);
        assertEquals(0, fit.start());
        assertEquals(3, fit.end());
        assertEquals(4, fit.points());
        assertEquals(4 / LN10, fit.decades(), 1e-9);
    }

    @Test
    void excessesAtOrBelowTheOptimumDoNotSetTheFloor() {
        // L − L* = 2^{−i} for i = 0..9, then exactly 0 twice: the floor is 10·2^{−9}, not the round-off floor, so the
        // window ends at i = 5 (2^{−5} > 10·2^{−9} ≥ 2^{−6}); ln 2 per unit time
        double[] t = new double[12];
        double[] l = new double[12];
        for (int i = 0; i < 12; i++) {
            t[i] = i;
            l[i] = i < 10 ? 1 + Math.scalb(1.0, -i) : 1;
        }
        RateEstimate fit = RateFit.fit(t, l, 1, 10);
        assertEquals(10 * Math.scalb(1.0, -9), fit.floor());
        assertEquals(5, fit.end());
        assertEquals(0, fit.start());
        assertEquals(Math.log(2), fit.rate(), 1e-12);
        // fewer than three points above the floor: no rate, the count reported
        RateEstimate few = RateFit.fit(new double[] {0, 1, 2}, new double[] {1, 0.5, 0.01}, 0, 3);
        assertTrue(Double.isNaN(few.rate()));
        assertEquals(2, few.points());
    }
}
