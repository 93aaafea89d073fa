package org.flowscape.graph;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.flowscape.objective.Objective;

/**
 * The whole pipeline: basin hopping for minima, then elastic bands between pairs of minima (each minimum to its
 * {@link GraphConfig#neighbours} nearest by alignment distance, then the closest pair across each gap while the graph
 * is disconnected) until {@link GraphConfig#connectAttempts} bands have run or nothing is left to try; then barriers,
 * the disconnectivity tree and rates. Deterministic: pairs are tried in a fixed order and every random draw comes
 * from the seed. Cost: dominated by the bands (images × iterations gradients each) and the dense Hessians of the
 * saddle searches.
 */
public final class LandscapeSearch {
    private LandscapeSearch() {
    }

    /**
     * Runs from θ0 (read only) and reports progress lines to {@code progress}.
     *
     * @param temperature the temperature of the rates, &gt; 0
     * @param model       the rates' prefactor
     * @param certifier   proves points (use {@link PointCertifier#none} to skip)
     */
    public static GraphResult run(Objective objective, double[] theta0, GraphConfig config, double temperature,
            RateModel model, PointCertifier certifier, Consumer<String> progress) {
        Identity identity = Identity.of(objective, config.identityTol());
        PointCertifier used = config.certify() ? certifier : PointCertifier.none("certification not asked for");
        PointAnalysis analysis = new PointAnalysis(objective, config, used, identity);
        LandscapeDatabase db = new LandscapeDatabase(identity);
        BasinHopping.Stats stats = BasinHopping.run(objective, theta0, config, analysis, db, progress);
        progress.accept("basin hopping: " + db.minima().size() + " minima in " + stats.hops() + " hops");
        Connector connector = new Connector(objective, config, analysis, db, progress);
        Set<Long> tried = new HashSet<>();
        while (connector.bands < config.connectAttempts()) {
            long pair = nextPair(db, config.neighbours(), tried);
            if (pair < 0) {
                break;
            }
            tried.add(pair);
            connector.connect((int) (pair >>> 32), (int) pair);
        }
        List<GraphPoint> minima = db.minima();
        List<GraphPoint> saddles = db.saddles();
        List<Edge> edges = db.edges();
        Sampling sampling = Sampling.of(minima, saddles, edges, connector.bands, connector.searches,
                connector.searchFailures);
        return new GraphResult(config, minima, saddles, edges, stats, Barriers.all(minima, saddles, edges),
                DisconnectivityTree.of(minima, saddles, edges), Rates.of(minima, saddles, edges, temperature, model),
                sampling);
    }

    /**
     * The next pair (i &lt;&lt; 32 | j, i &lt; j) to connect, or −1: first a minimum and one of its nearest
     * neighbours not yet tried and not yet connected, then the closest untried pair across two components.
     */
    static long nextPair(LandscapeDatabase db, int neighbours, Set<Long> tried) {
        List<GraphPoint> minima = db.minima();
        int n = minima.size();
        Barriers.UnionFind uf = new Barriers.UnionFind(Math.max(n, 1));
        for (Edge e : db.edges()) {
            if (e.verified() && e.joined()) {
                uf.union(e.minus(), e.plus());
            }
        }
        for (int i = 0; i < n; i++) {
            List<Integer> near = nearest(minima, i, neighbours);
            for (int j : near) {
                long key = key(i, j);
                if (!tried.contains(key) && uf.find(i) != uf.find(j)) {
                    return key;
                }
            }
        }
        long best = -1;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double d = Identity.distance(minima.get(i).theta(), minima.get(j).theta());
                if (uf.find(i) != uf.find(j) && !tried.contains(key(i, j)) && d < bestDistance) {
                    best = key(i, j);
                    bestDistance = d;
                }
            }
        }
        return best;
    }

    private static List<Integer> nearest(List<GraphPoint> minima, int i, int count) {
        List<Integer> others = new ArrayList<>();
        for (int j = 0; j < minima.size(); j++) {
            if (j != i) {
                others.add(j);
            }
        }
        double[] x = minima.get(i).theta();
        others.sort((p, q) -> Double.compare(Identity.distance(x, minima.get(p).theta()),
                Identity.distance(x, minima.get(q).theta())));
        return others.subList(0, Math.min(count, others.size()));
    }

    private static long key(int i, int j) {
        return ((long) Math.min(i, j) << 32) | Math.max(i, j);
    }
}
