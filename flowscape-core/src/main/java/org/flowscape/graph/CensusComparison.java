package org.flowscape.graph;

import java.util.List;
import org.flowscape.census.CensusResult;
import org.flowscape.census.CertifiedPoint;

/**
 * How the sampled database compares with a certified census of the same objective in a box
 * ({@code org.flowscape.census.BoxCensus}): of the census' certified minima and index-1 saddles, how many the graph
 * found. A census point counts as found when a database entry of the same index lies within the alignment tolerance
 * of it: the entry's canonical form against the canonical form of the census midpoint, at {@link Identity#same}
 * widened by the census enclosure's width. Only when the census is complete ({@link #censusComplete}) are its counts
 * all the critical points in the box.
 *
 * @param censusComplete   whether the census decided the whole box
 * @param censusMinima     certified minima in the box
 * @param foundMinima      how many of them the graph holds
 * @param censusSaddles    certified index-1 saddles in the box
 * @param foundSaddles     how many of them the graph holds
 * @param graphMinimaInBox graph minima lying in the box (a graph minimum in the box but not in a complete census
 *                         would be an error of one of the two)
 * @param graphSaddlesInBox graph transition states lying in the box
 */
public record CensusComparison(boolean censusComplete, int censusMinima, int foundMinima, int censusSaddles,
        int foundSaddles, int graphMinimaInBox, int graphSaddlesInBox) {

    /** Compares {@code graph} (its minima and saddles, canonical forms) with {@code census}. */
    public static CensusComparison of(GraphResult graph, CensusResult census, Identity identity) {
        int cm = 0;
        int fm = 0;
        int cs = 0;
        int fs = 0;
        for (CertifiedPoint c : census.points()) {
            if (c.index() == 0) {
                cm++;
                fm += found(c, graph.minima(), identity) ? 1 : 0;
            } else if (c.index() == 1) {
                cs++;
                fs += found(c, graph.saddles(), identity) ? 1 : 0;
            }
        }
        double[] lo = census.config().lo();
        double[] hi = census.config().hi();
        return new CensusComparison(census.complete(), cm, fm, cs, fs, inBox(graph.minima(), lo, hi, identity),
                inBox(graph.saddles(), lo, hi, identity));
    }

    private static boolean found(CertifiedPoint c, List<GraphPoint> points, Identity identity) {
        double[] form = identity.canonical(c.midpoint());
        for (GraphPoint g : points) {
            double scale = 1 + Math.max(org.flowscape.linalg.Vectors.normInf(form),
                    org.flowscape.linalg.Vectors.normInf(g.theta()));
            if (Identity.distance(form, g.theta()) <= identity.tolerance() * scale + c.width()) {
                return true;
            }
        }
        return false;
    }

    /** Entries whose canonical form lies in the box (for models without symmetries the form is θ itself). */
    private static int inBox(List<GraphPoint> points, double[] lo, double[] hi, Identity identity) {
        int n = 0;
        for (GraphPoint g : points) {
            boolean inside = true;
            for (int i = 0; i < lo.length; i++) {
                inside &= g.theta()[i] >= lo[i] && g.theta()[i] <= hi[i];
            }
            n += inside ? 1 : 0;
        }
        return n;
    }
}
