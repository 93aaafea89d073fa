package org.flowscape.linalg;

/**
 * Counts of negative, zero and positive eigenvalues at a stated tolerance. An eigenvalue counts as zero when
 * {@code |λ| <= tolerance.threshold(spectralRadius)}; the threshold used is kept with the counts.
 *
 * @param negative  eigenvalues below −threshold
 * @param zero      eigenvalues with |λ| &le; threshold
 * @param positive  eigenvalues above threshold
 * @param threshold the absolute threshold that separated them
 */
public record Inertia(int negative, int zero, int positive, double threshold) {

    /** Classifies {@code values} (read only) at {@code tolerance} relative to their spectral radius. */
    public static Inertia of(double[] values, Tolerance tolerance) {
        double radius = 0;
        for (double v : values) {
            radius = Math.max(radius, Math.abs(v));
        }
        double t = tolerance.threshold(radius);
        int neg = 0;
        int zero = 0;
        int pos = 0;
        for (double v : values) {
            if (v < -t) {
                neg++;
            } else if (v > t) {
                pos++;
            } else {
                zero++;
            }
        }
        return new Inertia(neg, zero, pos, t);
    }
}
