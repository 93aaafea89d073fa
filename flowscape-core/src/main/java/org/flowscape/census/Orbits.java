package org.flowscape.census;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.flowscape.analysis.Census;
import org.flowscape.objective.ModelObjective;
import org.flowscape.objective.Objective;
import org.flowscape.objective.WeightDecay;

/**
 * Groups certified points into orbits of the model's discrete symmetries (permutations and sign flips of hidden
 * units, via {@link Census#orbits}), so each orbit is reported once with its size; a closed-form model declares no
 * symmetries, so each of its points is its own orbit. Orbits are ordered by their representative's loss.
 */
final class Orbits {
    /** Relative tolerance on canonical forms (the enclosures are far tighter). */
    static final double TOLERANCE = 1e-6;

    /**
     * @param points the points with their orbit set, by orbit then loss
     * @param sizes  the size of each orbit
     */
    record Grouped(List<CertifiedPoint> points, List<Integer> sizes) {
    }

    private Orbits() {
    }

    static Grouped group(Objective objective, List<CertifiedPoint> points) {
        List<CertifiedPoint> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.comparingDouble(CertifiedPoint::lossLo));
        Objective inner = objective instanceof WeightDecay w ? w.inner() : objective;
        List<double[]> mids = sorted.stream().map(CertifiedPoint::midpoint).toList();
        List<Census.Orbit> orbits = inner instanceof ModelObjective m ? Census.orbits(m.network(), mids, TOLERANCE)
                : Census.distinct(mids, 0);
        List<CertifiedPoint> out = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        for (int o = 0; o < orbits.size(); o++) {
            for (int member : orbits.get(o).members()) {
                out.add(sorted.get(member).inOrbit(o));
            }
            sizes.add(orbits.get(o).members().size());
        }
        return new Grouped(out, sizes);
    }
}
