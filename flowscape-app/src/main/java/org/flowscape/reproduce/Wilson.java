package org.flowscape.reproduce;

/** The Wilson score interval for a binomial proportion (Wilson 1927). */
final class Wilson {
    private Wilson() {
    }

    /** {lower, upper} for {@code k} successes in {@code n} trials at normal quantile {@code z}. */
    static double[] interval(long k, long n, double z) {
        double p = k / (double) n;
        double z2 = z * z;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / (1 + z2 / n);
        return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
    }
}
