package org.flowscape.experiment.analyses;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.flowscape.experiment.RunSpec;
import org.junit.jupiter.api.Test;

/** The study path's check of the polishing method against the loss (the CLI's is in CriticalCommandTest). */
class CriticalAnalysisTest {
    private static RunSpec spec(String loss, String polish) {
        return new RunSpec("critical/x", "critical", Map.of("model", "mlp:2-3-2:tanh",
                "data", "gaussian:n=4,d=2,k=2,seed=1", "loss", loss, "polish", polish), 1, Map.of());
    }

    @Test
    void gaussNewtonIsValidForSquaredErrorAndRefusedForCrossEntropy() {
        CriticalAnalysis a = new CriticalAnalysis();
        assertThatCode(() -> a.validate(spec("mse", "gn"))).doesNotThrowAnyException();
        assertThatCode(() -> a.validate(spec("frobenius", "gn"))).doesNotThrowAnyException();
        assertThatCode(() -> a.validate(spec("xent", "newton"))).doesNotThrowAnyException();
        assertThatThrownBy(() -> a.validate(spec("xent", "gn"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--polish gn").hasMessageContaining("squared-error");
        assertThatThrownBy(() -> a.validate(spec("mse", "gd"))).hasMessageContaining("newton, lm or gn");
    }
}
