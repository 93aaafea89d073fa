package org.flowscape.graph;

import java.util.List;

/**
 * The landscape graph of one objective.
 *
 * @param config    the settings used
 * @param minima    minima, id = position
 * @param saddles   transition states, id = position
 * @param edges     one per transition state quenched
 * @param hopping   what basin hopping did
 * @param barriers  the barrier of every pair of minima (i &lt; j)
 * @param tree      the disconnectivity tree
 * @param rates     TST and network rates at the requested temperature
 * @param sampling  the counts that say how much was found
 */
public record GraphResult(GraphConfig config, List<GraphPoint> minima, List<GraphPoint> saddles, List<Edge> edges,
        BasinHopping.Stats hopping, List<Barrier> barriers, DisconnectivityTree tree, Rates.Result rates,
        Sampling sampling) {
    public GraphResult {
        minima = List.copyOf(minima);
        saddles = List.copyOf(saddles);
        edges = List.copyOf(edges);
        barriers = List.copyOf(barriers);
    }
}
