package org.flowscape.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class QuenchTest {
    /** The saddle at x = 0 joins the wide well at −1 and the narrow well at 0.3, whose far ridge is at 0.45. */
    private final Potentials.Surface surface = Potentials.valley(0.2, Potentials.narrowWell());
    private final double[] saddle = {0, 0};
    private final double[] unstable = {1, 0};
    private final double lambda = -0.2025;
    private final GraphConfig config = GraphConfig.defaults(1).withSteps(0.05, 0.5);

    @Test
    void theSaddleSitsWhereTheClosedFormSays() {
        LocalSpectrum s = LocalSpectrum.at(surface, saddle, config);
        assertThat(s.index()).isEqualTo(1);
        assertThat(s.lambdaMin()).isCloseTo(lambda, within(1e-12));
        assertThat(Math.abs(s.softest()[0])).isCloseTo(1, within(1e-12));
    }

    @Test
    void naivePushOffJumpsTheNarrowWellAndWiresTheWrongPair() {
        QuenchResult wrong = Quench.fromSaddle(surface, saddle, unstable, lambda, +1, config, false);
        assertThat(wrong.converged()).isTrue();
        assertThat(wrong.theta()[0]).isCloseTo(1.5, within(1e-8));
    }

    @Test
    void checkedPushOffStaysInTheSaddlesNeighbourhoodAndFindsTheRightPair() {
        QuenchResult plus = Quench.fromSaddle(surface, saddle, unstable, lambda, +1, config, true);
        QuenchResult minus = Quench.fromSaddle(surface, saddle, unstable, lambda, -1, config, true);
        assertThat(plus.converged()).isTrue();
        assertThat(plus.theta()[0]).isCloseTo(0.3, within(1e-8));
        assertThat(plus.pushOff()).isLessThan(0.45);
        assertThat(minus.theta()[0]).isCloseTo(-1, within(1e-8));
    }
}
