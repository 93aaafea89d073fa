package org.flowscape.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Comparator;
import java.util.List;
import org.flowscape.objective.ExpressionObjective;
import org.flowscape.objective.Objective;
import org.junit.jupiter.api.Test;

/** The two- and three-well potentials written with fn:, certified end to end. */
class ClosedFormGraphTest {
    private static final double LOSS = 1e-10;

    private static GraphResult run(String spec, double[] start, double hopStep, int minima) {
        Objective f = ExpressionObjective.parse(spec);
        GraphConfig c = GraphConfig.defaults(3).withMinima(minima).withHops(200, hopStep, 1.0);
        return LandscapeSearch.run(f, start, c, 0.1, RateModel.OVERDAMPED, PointCertifier.forObjective(f, c.zero()),
                x -> { });
    }

    @Test
    void twoWellIsCertifiedWithItsBarrier() {
        GraphResult r = run("fn:(p1^2-1)^2 + 0.5*(p2-0.3*p1^2)^2", new double[] {0.9, 0.1}, 1.0, 2);
        assertThat(r.sampling().minimaCertified()).isEqualTo(2);
        assertThat(r.sampling().saddlesCertified()).isEqualTo(1);
        assertThat(r.saddles().get(0).certifiedIndex()).isEqualTo(1);
        Barrier b = r.barriers().get(0);
        assertThat(b.certified()).isTrue();
        assertThat(b.certifiedHeight()).isCloseTo(1, within(LOSS));
    }

    @Test
    void threeWellIsCertifiedWithItsMergeHeights() {
        GraphResult r = run("fn:3*p1^2 + p1^3/3 - 7*p1^4/4 - p1^5/5 + p1^6/6 + 0.5*(p2-0.3*p1^2)^2",
                new double[] {0.1, 0}, 1.5, 3);
        assertThat(r.sampling().minimaCertified()).isEqualTo(3);
        assertThat(r.sampling().saddlesCertified()).isEqualTo(2);
        List<GraphPoint> s = r.saddles().stream().sorted(Comparator.comparingDouble(GraphPoint::loss)).toList();
        assertThat(s.get(0).loss()).isCloseTo(77.0 / 60, within(LOSS));
        assertThat(s.get(1).loss()).isCloseTo(93.0 / 60, within(LOSS));
        DisconnectivityTree.Node root = r.tree().nodes().get(r.tree().roots().get(0));
        assertThat(root.height()).isCloseTo(93.0 / 60, within(LOSS));
        assertThat(r.barriers()).allSatisfy(b -> assertThat(b.certified()).isTrue());
    }
}
