package org.flowscape.census;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/**
 * The census's Krawczyk step decides UNIQUE (K(X) ⊂ int X), EMPTY (K(X) ∩ X = ∅) or CONTRACTED from outward-rounded
 * ends; each case here is followed by hand. With subnormal inputs every sum of multiples of U = Double.MIN_VALUE is
 * exact and down/up step by exactly U, so for P = 1, x = 0, Y = 1, H = 1 and ∇L(x) ∈ [a, b]U: −Y g is
 * [−b − 2, −a + 2]U (product and sum each stepped out); I − YH rounded outward has magnitude ≈ 2⁻⁵², whose products
 * with the subnormal X − x round to 0 and are stepped to ±U, adding 2U per end; the final x + · steps once more:
 * K = [−b − 5, −a + 5]U.
 */
class KrawczykSoundnessTest {
    private static final double U = Double.MIN_VALUE;
    private static final double[] X = {0};
    private static final double[] Y = {1};
    private static final double[] H = {1, 1};

    private static Krawczyk.Step apply(int lo, int hi, int gLo, int gHi) {
        return Krawczyk.apply(new double[] {lo * U}, new double[] {hi * U}, X, Y, new double[] {gLo * U, gHi * U}, H);
    }

    private static void assertBox(Krawczyk.Outcome outcome, int lo, int hi, Krawczyk.Step step) {
        assertEquals(outcome, step.outcome());
        assertArrayEquals(new double[] {lo * U}, step.lo());
        assertArrayEquals(new double[] {hi * U}, step.hi());
    }

    @Test
    void uniqueOnlyWhenTheComputedImageIsStrictlyInside() {
        // ∇L ∈ [−10, 10]U: K = [−15, 15]U
        assertBox(Krawczyk.Outcome.UNIQUE, -15, 15, apply(-16, 16, -10, 10));
        // an end of K on the box's end is not in the open interior: only contracted (to K ∩ X)
        assertBox(Krawczyk.Outcome.CONTRACTED, -15, 15, apply(-15, 100, -10, 10));
        assertBox(Krawczyk.Outcome.CONTRACTED, -15, 15, apply(-100, 15, -10, 10));
        assertBox(Krawczyk.Outcome.CONTRACTED, -14, 14, apply(-14, 14, -10, 10));
    }

    @Test
    void emptyOnlyWhenTheComputedImageMissesTheBox() {
        // ∇L ∈ [90, 110]U: K = [−115, −85]U, a unique zero when X is wide enough
        assertBox(Krawczyk.Outcome.UNIQUE, -115, -85, apply(-200, 200, 90, 110));
        assertEquals(Krawczyk.Outcome.EMPTY, apply(-84, 84, 90, 110).outcome());
        assertNull(apply(-84, 84, 90, 110).lo());
        // K's upper end on X's lower end: they share a point, so no emptiness is claimed
        assertBox(Krawczyk.Outcome.CONTRACTED, -85, -85, apply(-85, 85, 90, 110));
        assertBox(Krawczyk.Outcome.CONTRACTED, -86, -85, apply(-86, 86, 90, 110));
        // mirrored: ∇L ∈ [−110, −90]U gives K = [85, 115]U
        assertEquals(Krawczyk.Outcome.EMPTY, apply(-84, 84, -110, -90).outcome());
        assertBox(Krawczyk.Outcome.CONTRACTED, 85, 85, apply(-85, 85, -110, -90));
        assertBox(Krawczyk.Outcome.CONTRACTED, 85, 86, apply(-86, 86, -110, -90));
    }

    @Test
    void inverseByGaussJordanWithPivotingRefusesSingularMatrices() {
        assertArrayEquals(new double[] {1, -1, -1, 2}, Krawczyk.inverse(new double[] {2, 1, 1, 1}, 2), 1e-15);
        // a zero leading entry needs the row swap
        assertArrayEquals(new double[] {0, 0.5, 1, 0}, Krawczyk.inverse(new double[] {0, 1, 2, 0}, 2), 0);
        assertNull(Krawczyk.inverse(new double[] {1, 2, 2, 4}, 2));
        assertNull(Krawczyk.inverse(new double[] {1, 0, 0, 1e-15}, 2));
        assertArrayEquals(new double[] {1, 0, 0, 1e13}, Krawczyk.inverse(new double[] {1, 0, 0, 1e-13}, 2), 1e-3);
        assertNull(Krawczyk.inverse(new double[] {Double.NaN, 0, 0, 1}, 2));
    }
}
