package org.flowscape.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The whole pipeline on the Müller–Brown surface against its published stationary points (to the digits given). */
class MullerBrownTest {

    private static List<GraphPoint> sorted(List<GraphPoint> p) {
        return p.stream().sorted(Comparator.comparingDouble(GraphPoint::loss)).toList();
    }

    private static void check(GraphResult r) {
        List<GraphPoint> m = sorted(r.minima());
        assertThat(m).hasSize(3);
        assertThat(m.get(0).loss()).isCloseTo(-146.70, within(0.01));
        assertThat(m.get(0).theta()).containsExactly(new double[] {-0.558, 1.442}, within(1e-3));
        assertThat(m.get(1).loss()).isCloseTo(-108.17, within(0.01));
        assertThat(m.get(2).loss()).isCloseTo(-80.77, within(0.01));
        List<GraphPoint> s = sorted(r.saddles());
        assertThat(s).hasSize(2);
        assertThat(s.get(0).loss()).isCloseTo(-72.25, within(0.01));
        assertThat(s.get(0).theta()).containsExactly(new double[] {0.212, 0.293}, within(1e-3));
        assertThat(s.get(1).loss()).isCloseTo(-40.66, within(0.01));
        assertThat(s.get(1).theta()).containsExactly(new double[] {-0.822, 0.624}, within(1e-3));
        assertThat(r.sampling().connectedFraction()).isEqualTo(1.0);
        assertThat(r.edges()).allSatisfy(e -> assertThat(e.verified()).isTrue());
        DisconnectivityTree.Node root = r.tree().nodes().get(r.tree().roots().get(0));
        assertThat(root.height()).isCloseTo(-40.66, within(0.01));
    }

    @Test
    void denseHessianRouteFindsThePublishedPoints() {
        GraphConfig c = GraphConfig.defaults(2).withMinima(3).withHops(100, 0.8, 20);
        check(LandscapeSearch.run(Potentials.mullerBrown(), new double[] {-0.5, 1.4}, c, 10, RateModel.OVERDAMPED,
                PointCertifier.none("test"), x -> { }));
    }

    @Test
    void lanczosRouteFindsTheSamePoints() {
        GraphConfig c = GraphConfig.defaults(2).withMinima(3).withHops(100, 0.8, 20).withDense(0, false);
        check(LandscapeSearch.run(Potentials.mullerBrown(), new double[] {-0.5, 1.4}, c, 10, RateModel.OVERDAMPED,
                PointCertifier.none("test"), x -> { }));
    }
}
