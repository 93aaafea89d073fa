package org.flowscape.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RunExecutionTest {
    @Test
    void aLongFlowStopsAtItsTimeLimitAndKeepsItsTrajectory() {
        RunSpec spec = new RunSpec("flow/long", "flow", Map.of("model", "mlp:2-3-1:tanh",
                "data", "gaussian:n=10,d=2,seed=1", "method", "rk4", "step", "1e-4", "horizon", "1e5"), 1, Map.of());
        Provenance provenance = Provenance.current(); // loads the BLAS backend first, as the runner does
        RunResult r = RunExecution.execute(Analyses.byName("flow"), spec, 1.0, provenance);
        assertThat(r.outcome()).as(r.message()).isEqualTo(Outcome.TIMEOUT);
        assertThat(r.message()).startsWith("stopped at the time limit: event [cancelled]");
        assertThat(r.records().series().get(0).x().length).isGreaterThan(10);
        assertThat(r.wallMs()).isBetween(1000.0, 1000.0 + 2000);
    }

    @Test
    void aBadProblemSpecIsAFailedRunWithItsMessage() {
        RunSpec spec = new RunSpec("eval/bad", "eval", Map.of("model", "mlp:2-3-1:tahn",
                "data", "gaussian:n=10,d=2,seed=1"), 1, Map.of());
        RunResult r = RunExecution.execute(Analyses.byName("eval"), spec, 0, new Provenance("v", "j", "b"));
        assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(r.message()).doesNotContain("Exception").contains("tahn");
    }
}
