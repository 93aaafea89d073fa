package org.flowscape.graph;

import java.util.ArrayList;
import java.util.List;

/**
 * The landscape database being built: minima and transition states, one entry per symmetry orbit (losses equal to
 * {@link Identity#tolerance} relative and canonical forms within the alignment tolerance), and the edges. Lookups are
 * linear in the number of entries, which suits the hundreds of points a search finds. Not thread-safe.
 */
public final class LandscapeDatabase {
    private final Identity identity;
    private final List<GraphPoint> minima = new ArrayList<>();
    private final List<GraphPoint> saddles = new ArrayList<>();
    private final List<Edge> edges = new ArrayList<>();

    /** An empty database comparing points by {@code identity}. */
    public LandscapeDatabase(Identity identity) {
        this.identity = identity;
    }

    /** Adds a minimum unless its orbit is already present; returns its id. */
    public int addMinimum(GraphPoint p) {
        return add(minima, p);
    }

    /** Adds a transition state unless its orbit is already present; returns its id. */
    public int addSaddle(GraphPoint p) {
        return add(saddles, p);
    }

    /** The id of the minimum matching {@code p}, or −1. */
    public int findMinimum(GraphPoint p) {
        return find(minima, p);
    }

    /** The id of the transition state matching {@code p}, or −1. */
    public int findSaddle(GraphPoint p) {
        return find(saddles, p);
    }

    /** Records the edge of a transition state (its first edge only: a transition state has one pair). */
    public void addEdge(Edge e) {
        for (Edge old : edges) {
            if (old.ts() == e.ts()) {
                return;
            }
        }
        edges.add(e);
    }

    /** The minima, in the order found (id = position). */
    public List<GraphPoint> minima() {
        return List.copyOf(minima);
    }

    /** The transition states, in the order found (id = position). */
    public List<GraphPoint> saddles() {
        return List.copyOf(saddles);
    }

    /** The edges, one per transition state that was quenched. */
    public List<Edge> edges() {
        return List.copyOf(edges);
    }

    private int add(List<GraphPoint> list, GraphPoint p) {
        int found = find(list, p);
        if (found >= 0) {
            return found;
        }
        list.add(p.withId(list.size()));
        return list.size() - 1;
    }

    private int find(List<GraphPoint> list, GraphPoint p) {
        for (GraphPoint q : list) {
            double scale = 1 + Math.max(Math.abs(p.loss()), Math.abs(q.loss()));
            if (Math.abs(p.loss() - q.loss()) <= identity.tolerance() * scale && identity.same(p.theta(),
                    q.theta())) {
                return q.id();
            }
        }
        return -1;
    }
}
