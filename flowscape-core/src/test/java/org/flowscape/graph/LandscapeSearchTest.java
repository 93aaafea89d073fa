package org.flowscape.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class LandscapeSearchTest {
    private static final double LOSS = 1e-10;

    private static GraphResult search(Potentials.Surface s, double[] start, double hopStep, int minima) {
        GraphConfig c = GraphConfig.defaults(3).withMinima(minima).withHops(200, hopStep, 1.0);
        return LandscapeSearch.run(s, start, c, 0.1, RateModel.OVERDAMPED, PointCertifier.none("test"), x -> { });
    }

    private static List<GraphPoint> byLoss(List<GraphPoint> points) {
        List<GraphPoint> out = new ArrayList<>(points);
        out.sort(Comparator.comparingDouble(GraphPoint::loss));
        return out;
    }

    @Test
    void twoWellHasTwoMinimaOneSaddleAndOneMergeAtTheSaddle() {
        GraphResult r = search(Potentials.valley(0.3, Potentials.DOUBLE_WELL), new double[] {0.9, 0.1}, 1.0, 2);
        assertThat(r.minima()).hasSize(2);
        for (GraphPoint m : r.minima()) {
            assertThat(Math.abs(m.theta()[0])).isCloseTo(1, within(1e-8));
            assertThat(m.theta()[1]).isCloseTo(0.3, within(1e-8));
            assertThat(m.loss()).isCloseTo(0, within(LOSS));
            assertThat(m.logDet()).isCloseTo(Math.log(8), within(1e-8));
        }
        assertThat(r.saddles()).hasSize(1);
        GraphPoint ts = r.saddles().get(0);
        assertThat(ts.theta()[0]).isCloseTo(0, within(1e-8));
        assertThat(ts.loss()).isCloseTo(1, within(LOSS));
        assertThat(ts.index()).isEqualTo(1);
        assertThat(ts.logDet()).isCloseTo(Math.log(4), within(1e-8));
        assertThat(r.edges()).singleElement().satisfies(e -> assertThat(e.verified()).isTrue());
        Barrier b = r.barriers().get(0);
        assertThat(b.height()).isCloseTo(1, within(LOSS));
        assertThat(b.fromBarrier()).isCloseTo(1, within(LOSS));
        DisconnectivityTree t = r.tree();
        assertThat(t.roots()).hasSize(1);
        DisconnectivityTree.Node root = t.nodes().get(t.roots().get(0));
        assertThat(root.height()).isCloseTo(1, within(LOSS));
        assertThat(root.children()).hasSize(2).allSatisfy(c -> assertThat(t.nodes().get(c).minimum()).isNotNegative());
        assertThat(r.sampling().connectedFraction()).isEqualTo(1.0);
        assertThat(r.sampling().edgesVerified()).isEqualTo(1);
    }

    @Test
    void threeWellHasItsKnownMinimaSaddlesMergeHeightsAndTreeShape() {
        GraphResult r = search(Potentials.valley(0.3, Potentials.THREE_WELL), new double[] {0.1, 0}, 1.5, 3);
        List<GraphPoint> m = byLoss(r.minima());
        assertThat(m).hasSize(3);
        assertThat(m.get(0).loss()).isCloseTo(-657.0 / 20, within(LOSS));
        assertThat(m.get(0).theta()[0]).isCloseTo(3, within(1e-8));
        assertThat(m.get(1).loss()).isCloseTo(-8.0 / 5, within(LOSS));
        assertThat(m.get(1).theta()[0]).isCloseTo(-2, within(1e-8));
        assertThat(m.get(2).loss()).isCloseTo(0, within(LOSS));
        List<GraphPoint> s = byLoss(r.saddles());
        assertThat(s).hasSize(2);
        assertThat(s.get(0).loss()).isCloseTo(77.0 / 60, within(LOSS));
        assertThat(s.get(0).theta()[0]).isCloseTo(-1, within(1e-8));
        assertThat(s.get(0).lambdaMin() * s.get(0).lambdaNext()).isCloseTo(-8, within(1e-8));
        assertThat(s.get(1).loss()).isCloseTo(93.0 / 60, within(LOSS));
        assertThat(s.get(1).theta()[0]).isCloseTo(1, within(1e-8));
        // tree: the root at 93/60 holds the deep well at x = 3 and a merge at 77/60 of the wells at -2 and 0
        DisconnectivityTree t = r.tree();
        assertThat(t.roots()).hasSize(1);
        DisconnectivityTree.Node root = t.nodes().get(t.roots().get(0));
        assertThat(root.height()).isCloseTo(93.0 / 60, within(LOSS));
        assertThat(root.children()).hasSize(2);
        DisconnectivityTree.Node leaf = t.nodes().get(root.children().get(0));
        DisconnectivityTree.Node inner = t.nodes().get(root.children().get(1));
        assertThat(leaf.minimum()).isEqualTo(m.get(0).id());
        assertThat(inner.height()).isCloseTo(77.0 / 60, within(LOSS));
        assertThat(inner.children().stream().map(c -> t.nodes().get(c).minimum()).sorted().toList())
                .isEqualTo(List.of(m.get(1).id(), m.get(2).id()).stream().sorted().toList());
        // the barrier between the outer wells runs over both saddles; its height is the higher one
        Barrier outer = r.barriers().stream().filter(b -> (b.from() == m.get(0).id() && b.to() == m.get(1).id())
                || (b.to() == m.get(0).id() && b.from() == m.get(1).id())).findFirst().orElseThrow();
        assertThat(outer.height()).isCloseTo(93.0 / 60, within(LOSS));
        assertThat(outer.path()).hasSize(2);
        assertThat(t.step()).isEqualTo(5.0);
        assertThat(r.sampling().components()).isEqualTo(1);
    }
}
