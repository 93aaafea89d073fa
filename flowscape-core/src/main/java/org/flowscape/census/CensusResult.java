package org.flowscape.census;

import java.util.List;

/**
 * The outcome of a census in a box.
 *
 * @param config          the settings
 * @param points          the certified critical points, by orbit then loss
 * @param orbitSizes      the number of certified points in each symmetry orbit (index = {@link CertifiedPoint#orbit})
 * @param undecided       every box left undecided, with its reason
 * @param clusters        the number of connected groups of undecided boxes (budget boxes excluded)
 * @param excludedVolume  the fraction of the box proved free of critical points
 * @param certifiedVolume the fraction of the box in boxes that hold exactly one (certified) critical point
 * @param boxes           boxes examined
 * @param seconds         wall time of the branch-and-bound
 * @param consistency     the Euler and sampled-census checks
 */
public record CensusResult(CensusConfig config, List<CertifiedPoint> points, List<Integer> orbitSizes,
        List<UndecidedBox> undecided, int clusters, double excludedVolume, double certifiedVolume, long boxes,
        double seconds, Consistency consistency) {
    public CensusResult {
        points = List.copyOf(points);
        orbitSizes = List.copyOf(orbitSizes);
        undecided = List.copyOf(undecided);
    }

    /** True when every part of the box was decided: the points are all the critical points in it. */
    public boolean complete() {
        return undecided.isEmpty();
    }

    /** The number of certified points of index k (k = 0 … P), and of unproved index at [P + 1]. */
    public int[] countsByIndex() {
        int p = config.dim();
        int[] c = new int[p + 2];
        for (CertifiedPoint pt : points) {
            c[pt.index() < 0 ? p + 1 : pt.index()]++;
        }
        return c;
    }
}
