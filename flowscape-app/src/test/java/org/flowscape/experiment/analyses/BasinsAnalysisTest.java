package org.flowscape.experiment.analyses;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flowscape.experiment.BasinRow;
import org.flowscape.experiment.CriticalPointRow;
import org.flowscape.experiment.Outcome;
import org.flowscape.experiment.RecordSink;
import org.flowscape.experiment.RunContext;
import org.flowscape.experiment.RunSpec;
import org.junit.jupiter.api.Test;

class BasinsAnalysisTest {
    static final class Collect implements RecordSink {
        final List<BasinRow> rows = new ArrayList<>();
        final Map<String, Double> metrics = new HashMap<>();
        Outcome outcome = Outcome.OK;

        @Override
        public void outcome(Outcome o, String message) {
            outcome = o;
        }

        @Override
        public void metric(String name, double value) {
            metrics.put(name, value);
        }

        @Override
        public void series(String name, double[] x, double[] y) {
        }

        @Override
        public void spectrum(String name, double[] values, double[] weights) {
        }

        @Override
        public void criticalPoint(CriticalPointRow row) {
        }

        @Override
        public void basin(BasinRow row) {
            rows.add(row);
        }

        @Override
        public void grid(String name, double[] x, double[] y, double[][] values) {
        }
    }

    @Test
    void writesOneRowPerStartAndTheEstimates() throws Exception {
        RunSpec spec = new RunSpec("basins/test", "basins", Map.of("data", "orthonormal:m=3,seed=2", "widths", "2,5",
                "inits", "30", "train", "gd", "steps", "20"), 77, Map.of());
        Collect sink = new Collect();
        new BasinsAnalysis().run(RunContext.of(spec), sink);
        assertThat(sink.rows).hasSize(60);
        assertThat(sink.rows.get(0).width()).isEqualTo(2);
        assertThat(sink.rows.get(59).width()).isEqualTo(5);
        assertThat(sink.rows).allSatisfy(r -> assertThat(r.kktGap()).isLessThanOrEqualTo(1e-9));
        assertThat(sink.rows).allSatisfy(r -> assertThat(r.finalLoss()).isFinite());
        assertThat(sink.metrics).containsKeys("p_basin/k=5", "bound_theorem4/k=5", "exact_theorem2/k=5");
        long good = sink.rows.stream().filter(r -> r.width() == 5 && r.basinValue() <= 0.01).count();
        assertThat(sink.metrics.get("p_basin/k=5")).isEqualTo(good / 30.0);
        assertThat(sink.outcome).isEqualTo(Outcome.OK);
    }
}
