package org.flowscape.reproduce;

/**
 * The claims' view of the one Wilson score interval, {@link org.flowscape.geometry.basins.Wilson} (kept so that the
 * claims call {@code Wilson.interval(k, n, z)} as before; the formula lives only in the core).
 */
final class Wilson {
    private Wilson() {
    }

    /** {lower, upper} for {@code k} successes in {@code n ≥ 1} trials at normal quantile {@code z}. */
    static double[] interval(long k, long n, double z) {
        org.flowscape.geometry.basins.Wilson w = org.flowscape.geometry.basins.Wilson.of(k, n, z);
        return new double[] {w.lower(), w.upper()};
    }
}
