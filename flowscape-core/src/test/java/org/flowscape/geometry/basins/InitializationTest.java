package org.flowscape.geometry.basins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The start distributions of the basin Monte Carlo: scale, fan-in or standard, single neuron. */
class InitializationTest {
    @Test
    void theDefaultDrawsTheSameBitsAsBefore() {
        ReluNet a = ReluNet.initialization(5, 3, 7, 11);
        ReluNet b = ReluNet.initialization(5, 3, 7, 11, Initialization.DEFAULT);
        assertThat(b.w()).containsExactly(a.w());
        assertThat(b.v()).containsExactly(a.v());
    }

    @Test
    void scaleAndDistributionScaleTheSameDraws() {
        ReluNet base = ReluNet.initialization(4, 2, 3, 0);
        ReluNet twice = ReluNet.initialization(4, 2, 3, 0, new Initialization(2, true, false));
        for (int i = 0; i < base.w().length; i++) {
            assertThat(twice.w()[i]).isEqualTo(2 * base.w()[i]); // 2/sqrt(d) = 2 (1/sqrt(d)) exactly
        }
        ReluNet standard = ReluNet.initialization(4, 2, 3, 0, new Initialization(1, false, false));
        for (int i = 0; i < base.w().length; i++) {
            assertThat(standard.w()[i] / 2).isCloseTo(base.w()[i], org.assertj.core.data.Offset.offset(1e-15));
        }
        for (int j = 0; j < 2; j++) {
            assertThat(standard.v()[j] / Math.sqrt(2)).isCloseTo(base.v()[j],
                    org.assertj.core.data.Offset.offset(1e-15));
        }
    }

    @Test
    void theSingleNeuronModelFixesTheOutputWeight() {
        ReluNet base = ReluNet.initialization(3, 1, 5, 2);
        ReluNet single = ReluNet.initialization(3, 1, 5, 2, new Initialization(1, true, true));
        assertThat(single.w()).containsExactly(base.w());
        assertThat(single.v()).containsExactly(1.0);
        assertThatThrownBy(() -> new Initialization(0, true, false)).hasMessageContaining("--init-scale");
        assertThatThrownBy(() -> new BasinStudyConfig(new int[] {1}, 1, 0, 0, "gd", 1, 1, 1, 1e-9,
                org.flowscape.loss.SquaredError.Normalization.HALF_MEAN, new Initialization(1, true, true)))
                .hasMessageContaining("--train none");
    }
}
