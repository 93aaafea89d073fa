package org.flowscape.objective;

/** Small helpers on dense P × P Hessians. */
public final class Hessians {
    private Hessians() {
    }

    /** Replaces the p × p row-major matrix {@code h} by (h + hᵀ)/2, in place. */
    public static void symmetrize(double[] h, int p) {
        for (int i = 0; i < p; i++) {
            for (int j = i + 1; j < p; j++) {
                double s = 0.5 * (h[i * p + j] + h[j * p + i]);
                h[i * p + j] = s;
                h[j * p + i] = s;
            }
        }
    }
}
