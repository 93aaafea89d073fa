package org.flowscape.census.homotopy;

/**
 * The end of one homotopy path.
 *
 * @param path        the path's index (its start root, 0 ≤ path &lt; Bézout number)
 * @param status      how it ended
 * @param endpoint    the limit in homogeneous coordinates (z_0, z_1 … z_n), interleaved re/im, length 2(n + 1);
 *                    the last point reached for a failed path
 * @param winding     the cycle number found by the Cauchy endgame (1 when the path ended without it; 0 if failed)
 * @param condition   the 1-norm condition number of ∂H/∂z at the endpoint (infinite when singular)
 * @param steps       predictor–corrector steps taken, accepted and rejected
 * @param reason      for a failed path, what failed; otherwise empty
 */
public record PathResult(long path, PathStatus status, double[] endpoint, int winding, double condition, int steps,
        String reason) {
    public PathResult {
        endpoint = endpoint.clone();
    }

    /** The affine point z_i/z_0, i = 1 … n (interleaved re/im, length 2n); meaningless at infinity. */
    public double[] affine() {
        int n = endpoint.length / 2 - 1;
        double[] x = new double[2 * n];
        double r0 = endpoint[0];
        double i0 = endpoint[1];
        double den = r0 * r0 + i0 * i0;
        for (int j = 0; j < n; j++) {
            double zr = endpoint[2 * (j + 1)];
            double zi = endpoint[2 * (j + 1) + 1];
            x[2 * j] = (zr * r0 + zi * i0) / den;
            x[2 * j + 1] = (zi * r0 - zr * i0) / den;
        }
        return x;
    }
}
