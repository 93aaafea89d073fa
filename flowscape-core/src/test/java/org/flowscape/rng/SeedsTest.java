package org.flowscape.rng;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.flowscape.model.Models;
import org.junit.jupiter.api.Test;

class SeedsTest {
    @Test
    void derivedSeedsDependOnlyOnRootPurposeAndIndex() {
        assertThat(Seeds.derive(1, "init", 3)).isEqualTo(Seeds.derive(1, "init", 3));
        Set<Long> seen = new HashSet<>();
        for (long root = 0; root < 20; root++) {
            for (String purpose : new String[] {"init", "data", "noise", "init2"}) {
                for (int i = 0; i < 20; i++) {
                    seen.add(Seeds.derive(root, purpose, i));
                }
            }
        }
        assertThat(seen).hasSize(20 * 4 * 20);
    }

    @Test
    void initializationIsBitReproducibleAndSeedSensitive() {
        var net = Models.parse("mlp:4-8-2:tanh");
        assertThat(net.initialize(7)).isEqualTo(net.initialize(7));
        assertThat(net.initialize(7)).isNotEqualTo(net.initialize(8));
    }

    @Test
    void gaussianDeviatesHaveTheRightMoments() {
        var r = Seeds.stream(5, "moments");
        double[] x = Seeds.gaussian(r, 2.0, new double[200_000]);
        double mean = 0;
        double sq = 0;
        for (double v : x) {
            mean += v / x.length;
            sq += v * v / x.length;
        }
        assertThat(mean).isBetween(-0.02, 0.02);
        assertThat(sq).isBetween(3.95, 4.05);
    }
}
