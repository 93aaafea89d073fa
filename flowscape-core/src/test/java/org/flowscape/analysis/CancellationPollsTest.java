package org.flowscape.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.flowscape.geometry.LinearPath;
import org.flowscape.internal.Cancellation;
import org.flowscape.linalg.Tolerance;
import org.flowscape.objective.EmpiricalRisk;
import org.junit.jupiter.api.Test;

/** The long loops poll the installed check: Lanczos keeps its first step, a path stops, the check is restored. */
class CancellationPollsTest {
    @Test
    void lanczosStopsAfterItsFirstStepAndKeepsIt() {
        EmpiricalRisk f = Fixtures.randomMlp();
        double[] theta = f.network().initialize(3);
        LanczosResult[] r = new LanczosResult[1];
        Cancellation.run(() -> true, () -> r[0] = Lanczos.extremal(f, theta, LanczosConfig.of(3, 3, 60)));
        assertThat(r[0].iterations()).isEqualTo(1);
        assertThat(Lanczos.extremal(f, theta, LanczosConfig.of(3, 3, 60)).iterations()).isGreaterThan(1);
    }

    @Test
    void aPathStopsAndTheCheckIsRestoredAfterwards() {
        EmpiricalRisk f = Fixtures.randomMlp();
        double[] a = f.network().initialize(1);
        double[] b = f.network().initialize(2);
        assertThatThrownBy(() -> Cancellation.run(() -> true,
                () -> LinearPath.profile(f, a, b, 1000, new Tolerance(0, 0))))
                .isInstanceOf(Cancellation.Cancelled.class);
        assertThat(Cancellation.requested()).isFalse();
        assertThat(LinearPath.profile(f, a, b, 11, new Tolerance(0, 0)).losses()).hasSize(11);
    }
}
