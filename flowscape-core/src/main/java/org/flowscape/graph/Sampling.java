package org.flowscape.graph;

import java.util.List;

/**
 * How much of the landscape the database holds, stated plainly: it is a sample, not a census.
 *
 * @param minima            distinct minima (orbits) found
 * @param saddles           distinct transition states found
 * @param minimaCertified   minima whose index 0 was proved by interval arithmetic
 * @param saddlesCertified  transition states whose index 1 was proved
 * @param edgesVerified     transition states whose two quenches reached two different minima (degenerate
 *                          rearrangements within one orbit are not counted)
 * @param components        connected components of the graph of minima and verified edges
 * @param connectedFraction the fraction of the minima in the global minimum's component
 * @param bands             elastic bands run
 * @param saddleSearches    transition-state searches started
 * @param saddleFailures    searches that did not end at an index-1 saddle
 */
public record Sampling(int minima, int saddles, int minimaCertified, int saddlesCertified, int edgesVerified,
        int components, double connectedFraction, int bands, int saddleSearches, int saddleFailures) {

    /** Counts over the database. */
    static Sampling of(List<GraphPoint> minima, List<GraphPoint> saddles, List<Edge> edges, int bands, int searches,
            int failures) {
        int n = minima.size();
        Barriers.UnionFind uf = new Barriers.UnionFind(Math.max(n, 1));
        int verified = 0;
        for (Edge e : edges) {
            if (e.verified() && e.joined()) {
                verified++;
                uf.union(e.minus(), e.plus());
            }
        }
        int lowest = -1;
        for (GraphPoint m : minima) {
            if (lowest < 0 || m.loss() < minima.get(lowest).loss()) {
                lowest = m.id();
            }
        }
        int components = 0;
        int withLowest = 0;
        for (int i = 0; i < n; i++) {
            components += uf.find(i) == i ? 1 : 0;
            withLowest += lowest >= 0 && uf.find(i) == uf.find(lowest) ? 1 : 0;
        }
        int mc = (int) minima.stream().filter(m -> m.certified() && m.certifiedIndex() == 0).count();
        int sc = (int) saddles.stream().filter(s -> s.certified() && s.certifiedIndex() == 1).count();
        return new Sampling(n, saddles.size(), mc, sc, verified, components, n == 0 ? 0 : withLowest / (double) n,
                bands, searches, failures);
    }
}
