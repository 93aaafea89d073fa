package org.flowscape.geometry.basins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class WilsonAndBoundsTest {
    @Test
    void wilsonKnownValues() {
        Wilson a = Wilson.of95(8, 10);
        assertThat(a.lower()).isCloseTo(0.49016247153664183, within(1e-14));
        assertThat(a.upper()).isCloseTo(0.9433178485456247, within(1e-14));
        Wilson b = Wilson.of95(0, 20);
        assertThat(b.lower()).isEqualTo(0.0);
        assertThat(b.upper()).isCloseTo(0.16112515805281938, within(1e-14));
        Wilson c = Wilson.of95(61, 100);
        assertThat(c.lower()).isCloseTo(0.5120301704584073, within(1e-14));
        assertThat(c.upper()).isCloseTo(0.6998312599360558, within(1e-14));
    }

    @Test
    void theorem3WorkedValues() {
        assertThat(Bounds.theorem3Pe(0.01, 2, 2, 1)).isCloseTo(0.0079553, within(5e-8));
        assertThat(Bounds.theorem3Block(0.01, 2, 2, 1)).isEqualTo(252);
        assertThat(Bounds.theorem3(0.01, 2, 2, 1, 504)).isCloseTo(1 - Math.exp(-1), within(1e-15));
        assertThat(Bounds.theorem3(0.01, 2, 2, 1, 503)).isEqualTo(0.0);
        assertThat(Bounds.theorem3Pe(0.01, 3, 2, 1)).isCloseTo(1.988e-4, within(5e-7));
    }

    @Test
    void theorem5AndProposition2ByHand() {
        // delta = 0.1, B = 1.1, c = 1, n = 2, sigma_max = 2, sigma_min = 1, |yhat| = 3, gamma = 0.5:
        // (2.1 * 2 * 2 / 1 * 3 + 1)^2 * 0.01 = (25.2 + 1)^2 * 0.01 = 6.8644
        assertThat(Bounds.theorem5Alpha(0.1, 1.1, 1, 2, 2, 1, 3, 0.5)).isCloseTo(6.8644, within(1e-12));
        assertThat(Bounds.theorem5(5, 8)).isCloseTo(1 - 5 * Math.pow(0.875, 8), within(1e-15));
        assertThat(Bounds.proposition2(1, 3)).isCloseTo(0.4375, within(1e-15));
        assertThat(Bounds.theorem5RadiusLimit(5)).isCloseTo(2 * Math.sin(Math.sqrt(2 * Math.PI) / (80 * Math.sqrt(5))),
                within(1e-15));
    }
}
