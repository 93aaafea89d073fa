package org.flowscape.testing;

/** Named test tolerances, each with its reason. */
public final class Tolerances {
    /** Central differences with ε ≈ 1e-5 have truncation error ~ε² and round-off ~1e-16/ε: about 1e-9 relative. */
    public static final double FINITE_DIFFERENCE_REL = 1e-6;
    /** Two exact computations of the same quantity in different orders agree to a few hundred ulps. */
    public static final double EXACT_REL = 1e-11;

    private Tolerances() {
    }
}
