package org.flowscape.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * Minimax barriers on the graph: Kruskal's algorithm over the verified edges in ascending transition-state loss
 * builds a minimum bottleneck spanning forest, and the path between two minima in that forest is a path whose
 * highest transition state is the lowest over all paths in the graph. Cost: O(E log E) to build, O(N) per pair.
 */
public final class Barriers {
    private Barriers() {
    }

    /** The verified edges of {@code edges} in ascending transition-state loss (ties by id). */
    static List<Edge> ascending(List<Edge> edges, List<GraphPoint> saddles) {
        List<Edge> out = new ArrayList<>();
        for (Edge e : edges) {
            if (e.verified() && e.joined()) {
                out.add(e);
            }
        }
        out.sort(Comparator.comparingDouble((Edge e) -> saddles.get(e.ts()).loss()).thenComparingInt(Edge::ts));
        return out;
    }

    /** The barrier of every pair i &lt; j of minima (row-major over i, then j). */
    public static List<Barrier> all(List<GraphPoint> minima, List<GraphPoint> saddles, List<Edge> edges) {
        int n = minima.size();
        List<List<Edge>> forest = forest(n, ascending(edges, saddles));
        List<Barrier> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                out.add(between(i, j, minima, saddles, forest));
            }
        }
        return out;
    }

    /** The spanning forest's adjacency: for each minimum, its forest edges. */
    private static List<List<Edge>> forest(int n, List<Edge> sorted) {
        UnionFind uf = new UnionFind(n);
        List<List<Edge>> adj = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            adj.add(new ArrayList<>());
        }
        for (Edge e : sorted) {
            if (uf.union(e.minus(), e.plus())) {
                adj.get(e.minus()).add(e);
                adj.get(e.plus()).add(e);
            }
        }
        return adj;
    }

    private static Barrier between(int a, int b, List<GraphPoint> minima, List<GraphPoint> saddles,
            List<List<Edge>> adj) {
        Edge[] via = new Edge[minima.size()];
        boolean[] seen = new boolean[minima.size()];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        queue.add(a);
        seen[a] = true;
        while (!queue.isEmpty()) {
            int x = queue.poll();
            for (Edge e : adj.get(x)) {
                int y = e.minus() == x ? e.plus() : e.minus();
                if (!seen[y]) {
                    seen[y] = true;
                    via[y] = e;
                    queue.add(y);
                }
            }
        }
        if (!seen[b]) {
            return new Barrier(a, b, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY,
                    List.of(), false, Double.NaN);
        }
        List<Integer> path = new ArrayList<>();
        boolean certified = minima.get(a).certified() && minima.get(a).certifiedIndex() == 0;
        double height = Double.NEGATIVE_INFINITY;
        for (int x = b; x != a; ) {
            Edge e = via[x];
            GraphPoint ts = saddles.get(e.ts());
            path.add(e.ts());
            height = Math.max(height, ts.loss());
            certified &= ts.certified() && ts.certifiedIndex() == 1 && e.verified();
            certified &= minima.get(x).certified() && minima.get(x).certifiedIndex() == 0;
            x = e.minus() == x ? e.plus() : e.minus();
        }
        Collections.reverse(path);
        return new Barrier(a, b, height, height - minima.get(a).loss(), height - minima.get(b).loss(), path,
                certified, certified ? height : Double.NaN);
    }

    /** Disjoint sets with path halving; package-private helper of the barrier and tree code. */
    static final class UnionFind {
        private final int[] parent;

        UnionFind(int n) {
            parent = new int[n];
            for (int i = 0; i < n; i++) {
                parent[i] = i;
            }
        }

        int find(int x) {
            while (parent[x] != x) {
                parent[x] = parent[parent[x]];
                x = parent[x];
            }
            return x;
        }

        /** Joins the sets of a and b; false when they were already one. */
        boolean union(int a, int b) {
            int ra = find(a);
            int rb = find(b);
            if (ra == rb) {
                return false;
            }
            parent[Math.max(ra, rb)] = Math.min(ra, rb);
            return true;
        }
    }
}
