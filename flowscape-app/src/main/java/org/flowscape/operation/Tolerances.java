package org.flowscape.operation;

/**
 * Defaults shared by several operations, stated once. The relative zero tolerance of an inertia (an eigenvalue
 * counts as zero when |λ| ≤ REL · max|λ|) is the same for {@code eval}, {@code critical} and {@code analyze}, so
 * that a point's Morse index and nullity do not depend on which command looked at it. It was 1e-9 in {@code eval}
 * and 1e-8 in the other two; 1e-8 was kept because {@code critical} decides degeneracy (and refuses to certify)
 * with it, and its tests and the {@code reproduce} claims were calibrated there.
 */
public final class Tolerances {
    /** The relative zero tolerance of inertias, as the flags' default text. */
    public static final String ZERO_TOL = "1e-8";
    /** {@link #ZERO_TOL} as a number. */
    public static final double ZERO_TOL_VALUE = 1e-8;

    /** The gradient norm a polished critical point must reach ({@code critical}, {@code analyze --polish}). */
    public static final String GRAD_TOL = "1e-12";
    /** {@link #GRAD_TOL} as a number. */
    public static final double GRAD_TOL_VALUE = 1e-12;

    private Tolerances() {
    }

    /** Checks a relative zero tolerance: finite and ≥ 0 (the message names {@code --zero-tol}). */
    public static double checkZeroTol(double zeroTol) {
        if (!(zeroTol >= 0) || Double.isInfinite(zeroTol)) {
            throw new IllegalArgumentException("--zero-tol must be a finite number >= 0, got " + zeroTol);
        }
        return zeroTol;
    }
}
