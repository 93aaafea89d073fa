package org.flowscape.analysis;

import org.flowscape.linalg.Tolerance;

/**
 * What {@link Lanczos#extremal} computes and when it stops.
 *
 * @param largest           how many of the largest eigenpairs, &ge; 0
 * @param smallest          how many of the smallest eigenpairs, &ge; 0 (largest + smallest &ge; 1)
 * @param maxIterations     the most Lanczos steps (HVPs); capped at P
 * @param residualTolerance a pair counts as converged when ‖Hv − λv‖ ≤ abs + rel · (spectral radius estimate)
 * @param seed              root seed of the start vector (stream {@code (seed, "lanczos", 0)})
 */
public record LanczosConfig(int largest, int smallest, int maxIterations, Tolerance residualTolerance, long seed) {

    /** The default residual tolerance: 1e-8 relative to the largest Ritz value in magnitude. */
    public static final Tolerance DEFAULT_RESIDUAL = new Tolerance(0, 1e-8);

    public LanczosConfig {
        if (largest < 0 || smallest < 0 || largest + smallest < 1) {
            throw new IllegalArgumentException("Lanczos needs largest >= 0, smallest >= 0 and at least one pair, got "
                    + largest + " and " + smallest);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be >= 1, got " + maxIterations);
        }
        if (residualTolerance == null) {
            throw new IllegalArgumentException("residualTolerance must not be null");
        }
    }

    /** k largest and k smallest with up to 300 steps and the default tolerance. */
    public static LanczosConfig of(int largest, int smallest, long seed) {
        return new LanczosConfig(largest, smallest, 300, DEFAULT_RESIDUAL, seed);
    }
}
