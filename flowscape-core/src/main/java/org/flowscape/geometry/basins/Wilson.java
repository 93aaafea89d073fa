package org.flowscape.geometry.basins;

/**
 * The Wilson score interval for a binomial proportion (Wilson 1927; Agresti and Coull 1998): with p̂ = x/n and
 * z the two-sided normal quantile, centre (p̂ + z²/2n)/(1 + z²/n) and half-width
 * z·√(p̂(1 − p̂)/n + z²/4n²)/(1 + z²/n). Written here because neither ojAlgo nor Hipparchus ships it.
 *
 * @param successes x
 * @param trials    n
 * @param z         the normal quantile used (1.959963984540054 for 95%)
 * @param estimate  p̂ = x/n (NaN when n = 0)
 * @param lower     the interval's lower end
 * @param upper     the interval's upper end
 */
public record Wilson(long successes, long trials, double z, double estimate, double lower, double upper) {
    /** z for a two-sided 95% interval. */
    public static final double Z95 = 1.959963984540054;

    /** The interval for x successes in n trials at quantile z. */
    public static Wilson of(long successes, long trials, double z) {
        if (successes < 0 || successes > trials) {
            throw new IllegalArgumentException("successes must lie in [0, trials], got " + successes + " of " + trials);
        }
        if (trials == 0) {
            return new Wilson(0, 0, z, Double.NaN, 0, 1);
        }
        double n = trials;
        double p = successes / n;
        double z2 = z * z;
        double denom = 1 + z2 / n;
        double centre = (p + z2 / (2 * n)) / denom;
        double half = z * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denom;
        return new Wilson(successes, trials, z, p, Math.max(0, centre - half), Math.min(1, centre + half));
    }

    /** The 95% interval. */
    public static Wilson of95(long successes, long trials) {
        return of(successes, trials, Z95);
    }

    /** True when {@code p} lies in [lower, upper]. */
    public boolean contains(double p) {
        return p >= lower && p <= upper;
    }
}
