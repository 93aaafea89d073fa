package org.flowscape.operation.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.Map;
import org.flowscape.dynamics.Adam;
import org.flowscape.dynamics.FlowConfig;
import org.flowscape.dynamics.InvariantMonitor;
import org.flowscape.experiment.Outcome;
import org.flowscape.experiment.RecordBuffer;
import org.flowscape.experiment.RunSpec;
import org.flowscape.spec.Problem;
import org.flowscape.spec.ProblemSpec;
import org.junit.jupiter.api.Test;

/** The flow operation's settings (defaults once, validation) and what it records. */
class FlowOperationTest {
    private static FlowSettings study(Map<String, String> params) {
        return FlowSettings.of(new RunSpec("k", "flow", params, 1, Map.of()));
    }

    @Test
    void studyDefaultsAreTheCommandsDefaults() {
        FlowSettings s = study(Map.of());
        assertThat(s.method()).isEqualTo(FlowSettings.METHOD).isEqualTo("auto");
        assertThat(s.rtol()).isEqualTo(FlowConfig.DEFAULT_RTOL).isEqualTo(Double.parseDouble(FlowSettings.RTOL));
        assertThat(s.atol()).isEqualTo(FlowConfig.DEFAULT_ATOL).isEqualTo(Double.parseDouble(FlowSettings.ATOL));
        assertThat(s.momentum()).isEqualTo(0.9);
        assertThat(s.maxEvals()).isEqualTo(10_000_000L);
        assertThat(s.normBound()).isEqualTo(1e8);
        assertThat(s.optimum()).isZero();
        assertThat(s.samples()).isZero();
        assertThat(s.step()).isNull();
        assertThat(s.monitors()).isEmpty();
        assertThat(FlowSettings.studyTolerances()).containsEntry("rtol", 1e-8).containsEntry("atol", 1e-10);
        assertThat(Adam.defaults(0.1).beta2()).isEqualTo(Adam.BETA2).isEqualTo(0.999);
        assertThat(Adam.defaults(0.1).epsilon()).isEqualTo(Adam.EPSILON).isEqualTo(1e-8);
    }

    @Test
    void validationNamesTheSetting() {
        assertThatThrownBy(() -> study(Map.of("method", "rk4")).validate())
                .hasMessageContaining("--method rk4 needs a fixed step");
        assertThatThrownBy(() -> study(Map.of("method", "adam")).validate())
                .hasMessageContaining("--method adam needs a learning rate");
        assertThatThrownBy(() -> study(Map.of("samples", "-1")).validate()).hasMessageContaining("--samples");
        assertThatThrownBy(() -> study(Map.of("monitor", "nope")).monitors(null))
                .hasMessageContaining("unknown monitor 'nope'");
        assertThatThrownBy(() -> study(Map.of("momentum", "x"))).hasMessageContaining("momentum");
    }

    @Test
    void ntkIntegralIsRecordedAlongTheFlow() throws Exception {
        // f(x) = w x on the single sample x = 1: J = 1, K = J J^T = 1 at every t, so the integral is t itself
        Problem p = Problem.load(new ProblemSpec("linear:1x1", "identity:1,target=[[3]]", "frobenius", null, 0L));
        FlowRun run = FlowOperation.run(p, study(Map.of("monitor", "ntk", "horizon", "2")), FlowOperation.NEVER);
        RecordBuffer b = new RecordBuffer();
        FlowRecords.record(run, b);
        RecordBuffer.Curve integral = b.series().stream().filter(c -> c.name().equals("ntk_integral")).findFirst()
                .orElseThrow();
        assertThat(integral.x().length).isGreaterThan(2);
        for (int i = 0; i < integral.x().length; i++) {
            assertThat(integral.y()[i]).isCloseTo(integral.x()[i], offset(1e-12));
        }
        assertThat(integral.x()[integral.x().length - 1]).isEqualTo(2.0);
        assertThat(b.outcome()).isEqualTo(Outcome.OK);
    }

    @Test
    void conservedQuantitiesKeepTheirSignedValues() throws Exception {
        // product:2 (w2 w1 on one sample): C_1 = w1^2 - w2^2 (signed) and c = 2 tr(C^2) - (tr C)^2 = C_1^2 are
        // conserved by the flow
        Problem p = Problem.load(new ProblemSpec("product:2", "identity:1,target=[[3]]", "frobenius", null, 0L));
        double c1 = p.theta()[0] * p.theta()[0] - p.theta()[1] * p.theta()[1];
        FlowRun run = FlowOperation.run(p, study(Map.of("monitor", "imbalance", "horizon", "2")),
                FlowOperation.NEVER);
        InvariantMonitor m = (InvariantMonitor) run.monitors().get("imbalance");
        int i = m.names().indexOf("C_1");
        int c = m.names().indexOf("imbalance c");
        assertThat(m.initialValues()[i][0]).isCloseTo(c1, offset(1e-15));
        assertThat(m.latestValues()[i][0]).isCloseTo(c1, offset(1e-8));
        assertThat(m.initialValues()[c][0]).isCloseTo(c1 * c1, offset(1e-15));
    }
}
