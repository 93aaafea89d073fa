package org.flowscape.rng;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Seeded random streams derived from (root seed, purpose, index), never from call order: the stream a run gets
 * depends only on what it is for, so results do not change with the thread count or the order runs execute in
 * (compare JAX's {@code fold_in}). Streams are {@link SplittableRandom}; its algorithm (SplitMix64) is fixed by the
 * JDK specification, so the same seed gives the same bits on every JVM.
 */
public final class Seeds {
    private Seeds() {
    }

    /** Derives a 64-bit seed from a root seed, a purpose string and an index. */
    public static long derive(long root, String purpose, long index) {
        long h = mix(root ^ 0x9E3779B97F4A7C15L);
        for (byte b : purpose.getBytes(StandardCharsets.UTF_8)) {
            h = mix(h ^ (b & 0xFF));
        }
        return mix(h ^ mix(index + 0x632BE59BD9B4E019L));
    }

    /** A fresh stream for (root, purpose, index). */
    public static SplittableRandom stream(long root, String purpose, long index) {
        return new SplittableRandom(derive(root, purpose, index));
    }

    /** A fresh stream for (root, purpose) with index 0. */
    public static SplittableRandom stream(long root, String purpose) {
        return stream(root, purpose, 0);
    }

    /**
     * A standard normal deviate by the Box–Muller transform on two uniforms from {@code random}. Spelled out here
     * (rather than {@code nextGaussian}, whose algorithm may change between JDKs) so that seeds reproduce across JDK
     * versions.
     */
    public static double gaussian(SplittableRandom random) {
        double u1 = 1.0 - random.nextDouble(); // in (0, 1]
        double u2 = random.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
    }

    /** Fills {@code out} with independent N(0, scale²) deviates (overwritten) and returns it. */
    public static double[] gaussian(SplittableRandom random, double scale, double[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = scale * gaussian(random);
        }
        return out;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
