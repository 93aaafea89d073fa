package org.flowscape.census;

/**
 * The settings of one census, all explicit and recorded with its result.
 *
 * @param lo          the box's lower corner (length P, copied)
 * @param hi          the box's upper corner (length P, copied), hi &gt; lo in every coordinate
 * @param minWidth    a box narrower than this fraction of the search box in every coordinate is not split again; it
 *                    is left undecided with its reason (default {@link #DEFAULT_MIN_WIDTH})
 * @param maxBoxes    the most boxes examined; what is left on the stack is reported undecided (budget)
 * @param timeLimit   the most seconds spent on the branch-and-bound; the rest is reported undecided (budget)
 * @param zeroTol     a leaf whose floating-point Hessian at its centre has an eigenvalue within zeroTol × its
 *                    spectral radius of 0 is reported degenerate
 * @param samples     random starts of the sampled census (Newton polishing from uniform points of the box); 0: none
 * @param seed        the seed of those starts
 */
public record CensusConfig(double[] lo, double[] hi, double minWidth, long maxBoxes, double timeLimit, double zeroTol,
        int samples, long seed) {
    /** The default relative minimum width. */
    public static final double DEFAULT_MIN_WIDTH = 1e-4;
    /** The default box budget. */
    public static final long DEFAULT_MAX_BOXES = 2_000_000;
    /** The default time limit in seconds. */
    public static final double DEFAULT_TIME_LIMIT = 600;
    /** The default degeneracy tolerance. */
    public static final double DEFAULT_ZERO_TOL = 1e-8;
    /** The default number of random starts of the sampled census checked against the certified points. */
    public static final int DEFAULT_SAMPLES = 100;

    public CensusConfig {
        lo = lo.clone();
        hi = hi.clone();
        if (lo.length != hi.length || lo.length == 0) {
            throw new IllegalArgumentException("the box needs the same positive number of lower and upper bounds, got "
                    + lo.length + " and " + hi.length);
        }
        for (int i = 0; i < lo.length; i++) {
            if (!(Double.isFinite(lo[i]) && Double.isFinite(hi[i]) && lo[i] < hi[i])) {
                throw new IllegalArgumentException("box coordinate " + (i + 1) + " is [" + lo[i] + ", " + hi[i]
                        + "]; each range needs finite LO < HI, e.g. --box -2:2");
            }
        }
        if (!(minWidth > 0 && minWidth < 1)) {
            throw new IllegalArgumentException("--min-width must be in (0, 1) (a fraction of the box), got "
                    + minWidth);
        }
        if (maxBoxes < 1 || !(timeLimit > 0) || !(zeroTol >= 0) || samples < 0) {
            throw new IllegalArgumentException("--max-boxes must be >= 1, --time-limit > 0, --zero-tol >= 0 and "
                    + "--samples >= 0; got " + maxBoxes + ", " + timeLimit + ", " + zeroTol + ", " + samples);
        }
    }

    /** The box with the default limits and no sampled census. */
    public static CensusConfig of(double[] lo, double[] hi) {
        return new CensusConfig(lo, hi, DEFAULT_MIN_WIDTH, DEFAULT_MAX_BOXES, DEFAULT_TIME_LIMIT, DEFAULT_ZERO_TOL, 0,
                0);
    }

    /** P. */
    public int dim() {
        return lo.length;
    }
}
