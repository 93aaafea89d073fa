package org.flowscape.experiment.analyses;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.flowscape.experiment.BasinRow;
import org.flowscape.experiment.CriticalPointRow;
import org.flowscape.experiment.Outcome;
import org.flowscape.experiment.RecordSink;
import org.flowscape.experiment.RunContext;
import org.flowscape.experiment.RunSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LandscapeAnalysisTest {
    @TempDir
    Path dir;

    /** Keeps what a run writes. */
    static final class Recorder implements RecordSink {
        final Map<String, Double> metrics = new LinkedHashMap<>();
        final Map<String, double[][]> grids = new HashMap<>();
        final Map<String, double[]> series = new HashMap<>();

        @Override
        public void outcome(Outcome outcome, String message) {
        }

        @Override
        public void metric(String name, double value) {
            metrics.put(name, value);
        }

        @Override
        public void series(String name, double[] x, double[] y) {
            assertThat(x).hasSameSizeAs(y);
            series.put(name, y.clone());
        }

        @Override
        public void spectrum(String name, double[] values, double[] weights) {
        }

        @Override
        public void criticalPoint(CriticalPointRow row) {
        }

        @Override
        public void basin(BasinRow row) {
        }

        @Override
        public void grid(String name, double[] x, double[] y, double[][] values) {
            assertThat(values.length).isEqualTo(x.length);
            assertThat(values[0].length).isEqualTo(y.length);
            grids.put(name, values);
        }
    }

    @Test
    void writesTheSliceGridAndThePathBarrier() throws Exception {
        Path a = dir.resolve("a.json");
        Path b = dir.resolve("b.json");
        Files.writeString(a, "[2,-0.5,1,0.3]");
        Files.writeString(b, "[-0.5,2,0.3,1]");
        Map<String, String> params = Map.of("model", "mlp:1-2-1:relu:nobias", "data", "gaussian:n=10,d=1,seed=2",
                "params", a.toString(), "grid", "7", "eigs", "true", "to", b.toString(), "points", "21");
        Recorder r = new Recorder();
        new LandscapeAnalysis().run(RunContext.of(new RunSpec("landscape/0", "landscape", params, 5, Map.of())), r);
        assertThat(r.grids.get("loss")).hasDimensions(7, 7);
        assertThat(r.grids).containsKeys("min_eigenvalue", "max_eigenvalue");
        assertThat(r.grids.get("loss")[3][3]).isEqualTo(r.metrics.get("origin_loss"));
        assertThat(r.series.get("path_loss")).hasSize(21);
        // b is a with its two units swapped: the unaligned path changes the function on the way, the aligned one
        // stays at a (its loss constant to round-off).
        Recorder aligned = new Recorder();
        Map<String, String> withAlign = new HashMap<>(params);
        withAlign.put("align", "true");
        new LandscapeAnalysis().run(RunContext.of(new RunSpec("landscape/1", "landscape", withAlign, 5, Map.of())),
                aligned);
        assertThat(aligned.metrics.get("barrier")).isLessThan(1e-12);
        assertThat(aligned.metrics.get("alignment_function_change")).isLessThan(1e-12);
        double l0 = r.series.get("path_loss")[0];
        assertThat(Math.abs(r.series.get("path_loss")[10] - l0)).isGreaterThan(1e-3);
        for (double v : aligned.series.get("path_loss")) {
            assertThat(Math.abs(v - l0)).isLessThan(1e-12);
        }
    }

    @Test
    void oneDimensionalSliceIsASeries() throws Exception {
        Map<String, String> params = Map.of("model", "mlp:2-3-1:tanh", "data", "gaussian:n=8,d=2,seed=1", "slice",
                "1d", "directions", "hessian", "grid", "9");
        Recorder r = new Recorder();
        new LandscapeAnalysis().run(RunContext.of(new RunSpec("k", "landscape", params, 0, Map.of())), r);
        assertThat(r.series.get("loss")).hasSize(9);
        assertThat(r.grids).isEmpty();
        assertThat(r.metrics.get("min_loss")).isLessThanOrEqualTo(r.metrics.get("origin_loss"));
    }
}
