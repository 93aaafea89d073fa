package org.flowscape.graph;

/**
 * A minimum–transition state–minimum connection: the two steepest-descent quenches off one transition state.
 *
 * @param ts       the transition state's id
 * @param minus    the minimum reached along −v (v the unstable eigenvector), or −1 when that quench failed
 * @param plus     the minimum reached along +v, or −1
 * @param verified both quenches converged to index-0 points after push-offs that passed the checks (when they reached
 *                 the same minimum the edge is a degenerate rearrangement within one symmetry orbit: verified, but
 *                 not {@link #joined}, so it carries no barrier between two entries)
 * @param note     one line on a failure or an unverified quench (empty when verified)
 */
public record Edge(int ts, int minus, int plus, boolean verified, String note) {

    /** True when both ends are minima of the database. */
    public boolean joined() {
        return minus >= 0 && plus >= 0 && minus != plus;
    }
}
