package org.flowscape.operation.basins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.flowscape.experiment.Analyses;
import org.flowscape.experiment.RecordBuffer;
import org.flowscape.experiment.RunContext;
import org.flowscape.experiment.RunSpec;
import org.flowscape.geometry.basins.Initialization;
import org.flowscape.loss.SquaredError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The basins operation: one settings record for the command and the study, and Bas(W) of given networks against
 * hand-solved programs. Data x_1 = e_1, x_2 = e_2, y = (1, -2), loss 1/(2m) Σ r² = 1/4 Σ r².
 */
class BasinsOperationTest {
    private static final String DATA = "identity:2,target=[[1,-2]]";

    @TempDir
    Path tmp;

    private BasinsSettings at(String theta) throws Exception {
        Path file = tmp.resolve("w" + theta.hashCode() + ".json");
        Files.writeString(file, theta);
        return BasinsSettings.of(new RunSpec("k", "basins", Map.of("data", DATA, "params", file.toString()), 0,
                Map.of()));
    }

    @Test
    void studyDefaultsAreTheCommandsDefaults() {
        BasinsSettings s = BasinsSettings.of(new RunSpec("k", "basins", Map.of("data", DATA), 9, Map.of()));
        assertThat(s.widths()).containsExactly(1, 2, 4, 8, 16, 32);
        assertThat(s.inits()).isEqualTo(1000);
        assertThat(s.alpha()).isEqualTo(0.01);
        assertThat(s.train()).isEqualTo("none");
        assertThat(s.kktTol()).isEqualTo(1e-9);
        assertThat(s.loss()).isEqualTo(SquaredError.Normalization.HALF_MEAN);
        assertThat(s.init()).isEqualTo(Initialization.DEFAULT);
        assertThat(s.seed()).isEqualTo(9);
        assertThat(s.params()).isNull();
        assertThatThrownBy(() -> BasinsSettings.of(new RunSpec("k", "basins", Map.of(), 1, Map.of())))
                .hasMessageContaining("'data'");
        assertThatThrownBy(() -> BasinsSettings.of(new RunSpec("k", "basins", Map.of("data", DATA, "widths", "0"),
                1, Map.of())).validate()).hasMessageContaining("--widths must be integers in 1..4096");
        assertThatThrownBy(() -> BasinsSettings.of(new RunSpec("k", "basins", Map.of("data", DATA, "init", "xavier"),
                1, Map.of()))).hasMessageContaining("--init must be fan-in");
    }

    @Test
    void basinValueOfAGivenNetworkWithItsCertificate() throws Exception {
        // w = (1, 1), v = 1: active on both points, predictions u_t >= 0, best u = (1, 0): Bas = (0 + 4)/4 = 1;
        // L(W) = ((1 - 1)^2 + (1 + 2)^2)/4 = 9/4
        BasinAt a = BasinsOperation.at(BasinsOperation.data(at("[1,1,1]")), at("[1,1,1]"));
        assertThat(a.basin().value()).isCloseTo(1.0, offset(1e-12));
        assertThat(a.loss()).isCloseTo(2.25, offset(1e-15));
        assertThat(a.basin().certificate().certified()).isTrue();
        // v = -1: predictions -u_t <= 0, best u = (0, 2): Bas = (1 + 0)/4 = 1/4
        BasinAt b = BasinsOperation.at(BasinsOperation.data(at("[1,1,-1]")), at("[1,1,-1]"));
        assertThat(b.basin().value()).isCloseTo(0.25, offset(1e-12));
        // two neurons of both signs cover both targets: Bas = 0
        BasinAt c = BasinsOperation.at(BasinsOperation.data(at("[1,1,1,1,1,-1]")), at("[1,1,1,1,1,-1]"));
        assertThat(c.network().k()).isEqualTo(2);
        assertThat(c.basin().value()).isCloseTo(0, offset(1e-12));
        assertThatThrownBy(() -> BasinsOperation.at(BasinsOperation.data(at("[1,1]")), at("[1,1]")))
                .hasMessageContaining("k(d + 1)");
    }

    @Test
    void theStudyAnalysisRecordsWhatTheOperationFinds() throws Exception {
        Path file = tmp.resolve("w.json");
        Files.writeString(file, "[1,1,1]");
        RecordBuffer b = new RecordBuffer();
        Analyses.byName("basins").run(RunContext.of(new RunSpec("k", "basins", Map.of("data", DATA, "params",
                file.toString()), 0, Map.of())), b);
        assertThat(b.basins()).hasSize(1);
        assertThat(b.basins().get(0).basinValue()).isCloseTo(1.0, offset(1e-12));
        assertThat(b.metrics()).contains(new RecordBuffer.Metric("certified", 1));
    }

    /**
     * The exact P[Bas ≤ α] beside the estimate, at an α that is not Theorem 2's α* = 0. Bas ∈ {0, 1, 1/4, 5/4} as
     * both points, only e₁, only e₂ or neither have an active neuron of their target's sign. At α = 1/2 the event is
     * "e₂ helped": some neuron with v &lt; 0 and w₂ &gt; 0, probability 1/4 per neuron: 1/4 at width 1,
     * 1 − (3/4)² = 7/16 at width 2; with v = +1 (single neuron) never.
     */
    @Test
    void exactProbabilityAtAnyAlphaBesideTheEstimate() throws Exception {
        RecordBuffer b = new RecordBuffer();
        Analyses.byName("basins").run(RunContext.of(new RunSpec("k", "basins", Map.of("data", DATA, "widths", "1,2",
                "inits", "2000", "alpha", "0.5"), 3, Map.of())), b);
        assertThat(b.metrics()).contains(new RecordBuffer.Metric("exact_basin/k=1", 0.25),
                new RecordBuffer.Metric("exact_basin/k=2", 7.0 / 16));
        for (String k : new String[] {"1", "2"}) {
            double exact = value(b, "exact_basin/k=" + k);
            assertThat(exact).isBetween(value(b, "p_basin_lower/k=" + k), value(b, "p_basin_upper/k=" + k));
        }
        RecordBuffer single = new RecordBuffer();
        Analyses.byName("basins").run(RunContext.of(new RunSpec("k", "basins", Map.of("data", DATA, "widths", "2",
                "inits", "200", "alpha", "0.5", "single-neuron", "true"), 3, Map.of())), single);
        assertThat(value(single, "exact_basin/k=2")).isEqualTo(0);
        assertThat(value(single, "p_basin/k=2")).isEqualTo(0);
    }

    private static double value(RecordBuffer b, String name) {
        return b.metrics().stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow().value();
    }
}
