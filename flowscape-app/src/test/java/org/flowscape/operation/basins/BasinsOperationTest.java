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
}
