package org.flowscape.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * Every one of the 65536 binary16 and bfloat16 bit patterns against a reference computed independently from the
 * definition (sign · significand · 2^exponent with ordinary double arithmetic, exact at these sizes), plus named
 * values: the extremes, subnormals, signed zeros, infinities and NaNs.
 */
class HalfTest {
    /** binary16 by definition: 5 exponent bits (bias 15), 10 mantissa bits. */
    private static double float16Reference(int bits) {
        double sign = (bits & 0x8000) != 0 ? -1 : 1;
        int e = (bits >> 10) & 0x1F;
        int m = bits & 0x3FF;
        if (e == 31) {
            return m == 0 ? sign * Double.POSITIVE_INFINITY : Double.NaN;
        }
        if (e == 0) {
            return sign * (m / 1024.0) * Math.pow(2, -14);
        }
        return sign * (1 + m / 1024.0) * Math.pow(2, e - 15);
    }

    /** bfloat16 by definition: 8 exponent bits (bias 127), 7 mantissa bits. */
    private static double bfloat16Reference(int bits) {
        double sign = (bits & 0x8000) != 0 ? -1 : 1;
        int e = (bits >> 7) & 0xFF;
        int m = bits & 0x7F;
        if (e == 255) {
            return m == 0 ? sign * Double.POSITIVE_INFINITY : Double.NaN;
        }
        if (e == 0) {
            return sign * (m / 128.0) * Math.pow(2, -126);
        }
        return sign * (1 + m / 128.0) * Math.pow(2, e - 127);
    }

    @Test
    void allFloat16PatternsMatchTheDefinitionBitForBit() {
        assertAllPatternsMatch(Half::float16ToDouble, HalfTest::float16Reference);
    }

    @Test
    void allBfloat16PatternsMatchTheDefinitionBitForBit() {
        assertAllPatternsMatch(Half::bfloat16ToDouble, HalfTest::bfloat16Reference);
    }

    /** All 65536 16-bit patterns: {@code convert} equals {@code reference} bit for bit (any NaN for a NaN). */
    private static void assertAllPatternsMatch(IntToDoubleFunction convert, IntToDoubleFunction reference) {
        for (int bits = 0; bits < 65536; bits++) {
            double got = convert.applyAsDouble(bits);
            double want = reference.applyAsDouble(bits);
            if (Double.isNaN(want)) {
                assertTrue(Double.isNaN(got), Integer.toHexString(bits));
            } else {
                assertEquals(Double.doubleToRawLongBits(want), Double.doubleToRawLongBits(got),
                        Integer.toHexString(bits));
            }
        }
    }

    @Test
    void namedFloat16Values() {
        assertEquals(1.0, Half.float16ToDouble(0x3C00));
        assertEquals(-2.0, Half.float16ToDouble(0xC000));
        assertEquals(65504.0, Half.float16ToDouble(0x7BFF)); // largest finite
        assertEquals(0x1p-14, Half.float16ToDouble(0x0400)); // smallest normal
        assertEquals(0x1p-24, Half.float16ToDouble(0x0001)); // smallest subnormal
        assertEquals(0x3FFp-24, Half.float16ToDouble(0x03FF)); // largest subnormal
        assertEquals(0.333251953125, Half.float16ToDouble(0x3555)); // nearest to 1/3
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(Half.float16ToDouble(0x8000)));
        assertEquals(Double.POSITIVE_INFINITY, Half.float16ToDouble(0x7C00));
        assertEquals(Double.NEGATIVE_INFINITY, Half.float16ToDouble(0xFC00));
        assertTrue(Double.isNaN(Half.float16ToDouble(0x7E00)) && Double.isNaN(Half.float16ToDouble(0xFC01)));
        // the sign-extended short a ByteBuffer returns reads the same as the unsigned pattern
        assertEquals(Half.float16ToDouble(0xC000), Half.float16ToDouble((short) 0xC000));
    }

    @Test
    void positiveFloat16PatternsIncreaseStrictly() {
        for (int bits = 1; bits <= 0x7C00; bits++) {
            assertTrue(Half.float16ToDouble(bits) > Half.float16ToDouble(bits - 1), Integer.toHexString(bits));
        }
    }

    @Test
    void namedBfloat16Values() {
        assertEquals(1.0, Half.bfloat16ToDouble(0x3F80));
        assertEquals(-2.0, Half.bfloat16ToDouble(0xC000));
        assertEquals(0x1p-133, Half.bfloat16ToDouble(0x0001));
        assertEquals(Double.POSITIVE_INFINITY, Half.bfloat16ToDouble(0x7F80));
        assertTrue(Double.isNaN(Half.bfloat16ToDouble(0x7FC0)));
    }
}
