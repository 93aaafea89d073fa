package org.flowscape.census.homotopy;

/** How one homotopy path ended. */
public enum PathStatus {
    /** At a finite endpoint where the Jacobian is well conditioned (a simple root). */
    REGULAR,
    /** At a finite endpoint reached by the endgame with cycle number &gt; 1 or an ill-conditioned Jacobian. */
    SINGULAR,
    /** At a point with z_0 = 0 in homogeneous coordinates: the path diverges in the affine chart. */
    AT_INFINITY,
    /** Tracking or the endgame did not finish (the reason is recorded); never silently dropped. */
    FAILED
}
