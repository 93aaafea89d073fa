package org.flowscape.graph;

import java.util.List;

/**
 * The lowest barrier along the graph between two minima: the path through verified edges whose highest transition
 * state is lowest (a minimax path). Its height is an upper bound on the true lowest barrier of the landscape (a path
 * over the real surface reaches no higher), exact only when the database holds every relevant transition state.
 *
 * @param from            one minimum's id
 * @param to              the other's
 * @param height          L at the path's highest transition state (the upper bound); +∞ when not connected
 * @param fromBarrier     height − L(from)
 * @param toBarrier       height − L(to)
 * @param path            the transition states along the path, from {@code from} to {@code to}
 * @param certified       every point along the path (minima and transition states) is certified with the right
 *                        index and every edge's quenches were verified
 * @param certifiedHeight the height when certified, else NaN
 */
public record Barrier(int from, int to, double height, double fromBarrier, double toBarrier, List<Integer> path,
        boolean certified, double certifiedHeight) {
    public Barrier {
        path = List.copyOf(path);
    }

    /** Whether the two minima are connected in the graph. */
    public boolean connected() {
        return Double.isFinite(height);
    }
}
