package org.flowscape.graph;

import static org.assertj.core.api.Assertions.assertThat;

import org.flowscape.census.BoxCensus;
import org.flowscape.census.CensusConfig;
import org.flowscape.census.CensusResult;
import org.flowscape.objective.ExpressionObjective;
import org.flowscape.objective.Objective;
import org.junit.jupiter.api.Test;

class CensusComparisonTest {
    @Test
    void theGraphOfTheTwoWellHoldsEveryCertifiedMinimumAndSaddleOfItsBox() {
        Objective f = ExpressionObjective.parse("fn:(p1^2-1)^2 + 0.5*(p2-0.3*p1^2)^2");
        GraphConfig c = GraphConfig.defaults(3).withMinima(2).withHops(100, 1.0, 1.0);
        GraphResult g = LandscapeSearch.run(f, new double[] {0.9, 0.1}, c, 0.1, RateModel.OVERDAMPED,
                PointCertifier.forObjective(f, c.zero()), x -> { });
        CensusResult census = BoxCensus.run(f, CensusConfig.of(new double[] {-2, -2}, new double[] {2, 2}), null);
        CensusComparison cmp = CensusComparison.of(g, census, Identity.of(f, c.identityTol()));
        assertThat(cmp.censusComplete()).isTrue();
        assertThat(cmp.censusMinima()).isEqualTo(2);
        assertThat(cmp.foundMinima()).isEqualTo(2);
        assertThat(cmp.censusSaddles()).isEqualTo(1);
        assertThat(cmp.foundSaddles()).isEqualTo(1);
        assertThat(cmp.graphMinimaInBox()).isEqualTo(2);
    }
}
