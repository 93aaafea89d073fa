package org.flowscape.data;

import org.flowscape.linalg.Matrix;

/**
 * {@code singleton:d=D[,eps=E]}: Safran and Shamir's explicit construction ({@code docs/theory.md} D.5), made of
 * 2D points each non-zero in a single coordinate. For every coordinate j = 1..D (rows 2j−1 and 2j, 1-based):
 * (x = e_j / 2, y = √(2E)) and (x = −e_j, y = 1). E defaults to 0.1. Deterministic (no seed). With a single ReLU
 * neuron and squared loss, each coordinate has a global minimum of value E (w_j = −1) and a bad one of value 1/2.
 */
public final class SingletonData {
    private SingletonData() {
    }

    /** The 2d × d inputs and 2d × 1 targets above. */
    public static Dataset generate(String spec, int d, double eps) {
        int n = 2 * d;
        Matrix x = Matrix.zeros(n, d);
        Matrix y = Matrix.zeros(n, 1);
        for (int j = 0; j < d; j++) {
            x.set(2 * j, j, 0.5);
            y.set(2 * j, 0, Math.sqrt(2 * eps));
            x.set(2 * j + 1, j, -1);
            y.set(2 * j + 1, 0, 1);
        }
        return new Dataset(spec, x, y);
    }
}
