package org.flowscape.io;

/**
 * Exact widening of the 16-bit floating-point formats to double: IEEE 754 binary16 ({@code float16}, PyTorch
 * {@code torch.half}) and bfloat16 (the upper half of a float32). Written here because Java 17 has no
 * {@code Float.float16ToFloat} (added in Java 20). Every binary16 and bfloat16 value is exactly a double, so the
 * conversions are exact: subnormals, signed zeros and infinities keep their value, NaNs stay NaN.
 */
public final class Half {
    private Half() {
    }

    /** The binary16 value with bit pattern {@code bits} (low 16 bits used), exactly. */
    public static double float16ToDouble(int bits) {
        int sign = (bits >>> 15) & 1;
        int exponent = (bits >>> 10) & 0x1F;
        int mantissa = bits & 0x3FF;
        double magnitude;
        if (exponent == 0x1F) {
            magnitude = mantissa == 0 ? Double.POSITIVE_INFINITY : Double.NaN;
        } else if (exponent == 0) {
            magnitude = mantissa * 0x1p-24; // subnormal: m · 2^-24, exact in double
        } else {
            // normal: rebias the exponent (15 → 1023) and widen the 10-bit mantissa to 52 bits
            long d = (long) (exponent - 15 + 1023) << 52 | (long) mantissa << 42;
            magnitude = Double.longBitsToDouble(d);
        }
        return sign == 1 ? -magnitude : magnitude;
    }

    /** The bfloat16 value with bit pattern {@code bits} (low 16 bits used), exactly. */
    public static double bfloat16ToDouble(int bits) {
        return Float.intBitsToFloat((bits & 0xFFFF) << 16);
    }
}
