package org.flowscape.bench;

import org.flowscape.linalg.Blas;
import org.flowscape.rng.Seeds;

/**
 * The DGEMM ceiling probe shared by the JMH benchmark and the side-by-side: C = A·B with seeded N(0, 1)
 * 1000 × 1000 matrices, 2·10⁹ flops per call.
 */
final class GemmProbe {
    /** The side of the square matrices. */
    static final int SIZE = 1000;
    /** Flops per call, 2·SIZE³. */
    static final double FLOPS = 2.0 * SIZE * SIZE * SIZE;

    private final double[] a;
    private final double[] b;
    private final double[] c = new double[SIZE * SIZE];

    GemmProbe() {
        a = Seeds.gaussian(Seeds.stream(W1Problem.ROOT_SEED, "bench/gemm", 0), 1.0, new double[SIZE * SIZE]);
        b = Seeds.gaussian(Seeds.stream(W1Problem.ROOT_SEED, "bench/gemm", 1), 1.0, new double[SIZE * SIZE]);
    }

    /** C ← A·B with {@code blas}; returns C (owned by this probe, overwritten by every call). */
    double[] run(Blas blas) {
        blas.gemm(false, false, SIZE, SIZE, SIZE, 1.0, a, SIZE, b, SIZE, 0.0, c, SIZE);
        return c;
    }
}
