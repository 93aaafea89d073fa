package org.flowscape.census.homotopy;

/**
 * The settings of a homotopy census; recorded with its result.
 *
 * @param seed              root seed of γ and the projective chart
 * @param tracker           tracker and endgame tolerances
 * @param pathBudget        the largest Bézout number (path count) accepted; larger systems are refused
 * @param realTolerance     a root with every |Im x_j| ≤ this · (1 + ‖x‖∞) is tried as real first (the Krawczyk test
 *                          decides)
 * @param clusterTolerance  singular endpoints within this · (1 + ‖x‖∞) of each other are one singular point
 * @param gradientTolerance the gradient-norm tolerance handed to the classifier of real solutions
 */
public record HomotopySettings(long seed, TrackerSettings tracker, long pathBudget, double realTolerance,
        double clusterTolerance, double gradientTolerance) {
    /** The default path budget. */
    public static final long DEFAULT_PATH_BUDGET = 20_000;

    public HomotopySettings {
        if (tracker == null) {
            throw new IllegalArgumentException("tracker settings must not be null");
        }
        if (pathBudget < 1) {
            throw new IllegalArgumentException("path budget must be >= 1, got " + pathBudget);
        }
        if (!(realTolerance > 0 && clusterTolerance > 0 && gradientTolerance > 0)) {
            throw new IllegalArgumentException("tolerances must be positive");
        }
    }

    /** Defaults with the given seed: budget {@value #DEFAULT_PATH_BUDGET} paths, real 1e-6, cluster 1e-4. */
    public static HomotopySettings defaults(long seed) {
        return new HomotopySettings(seed, TrackerSettings.defaults(), DEFAULT_PATH_BUDGET, 1e-6, 1e-4, 1e-8);
    }

    /** A copy with another seed. */
    public HomotopySettings withSeed(long s) {
        return new HomotopySettings(s, tracker, pathBudget, realTolerance, clusterTolerance, gradientTolerance);
    }

    /** A copy with another path budget. */
    public HomotopySettings withPathBudget(long budget) {
        return new HomotopySettings(seed, tracker, budget, realTolerance, clusterTolerance, gradientTolerance);
    }
}
