package org.flowscape.testing;

import static org.assertj.core.api.Assertions.fail;

/** Assertions on arrays that report the index, expected and actual values and both errors. */
public final class NumericAssert {
    private NumericAssert() {
    }

    /** Asserts |actual_i − expected_i| ≤ abs + rel·max(|expected|_∞) for every i. */
    public static void assertClose(String what, double[] expected, double[] actual, double abs, double rel) {
        if (expected.length != actual.length) {
            fail(what + ": length " + actual.length + " but expected " + expected.length);
        }
        double scale = 0;
        for (double e : expected) {
            scale = Math.max(scale, Math.abs(e));
        }
        double tol = abs + rel * scale;
        for (int i = 0; i < expected.length; i++) {
            double err = Math.abs(actual[i] - expected[i]);
            if (!(err <= tol)) {
                fail(String.format("%s: index %d expected %.17g but was %.17g (abs error %.3g, rel %.3g, tolerance %.3g)",
                        what, i, expected[i], actual[i], err, err / Math.max(scale, 1e-300), tol));
            }
        }
    }

    /** Asserts |actual − expected| ≤ abs + rel·|expected|. */
    public static void assertClose(String what, double expected, double actual, double abs, double rel) {
        assertClose(what, new double[] {expected}, new double[] {actual}, abs, rel);
    }
}
