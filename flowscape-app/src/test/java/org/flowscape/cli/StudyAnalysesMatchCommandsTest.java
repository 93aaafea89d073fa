package org.flowscape.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.flowscape.experiment.Analyses;
import org.flowscape.experiment.Outcome;
import org.flowscape.experiment.RecordBuffer;
import org.flowscape.experiment.RunContext;
import org.flowscape.experiment.RunSpec;
import org.flowscape.operation.RunSettings;
import org.junit.jupiter.api.Test;

/**
 * A study run computes what the matching command prints for the same problem and θ (the run's init seed passed
 * as --seed): checks the wiring of settings, tolerances and seeding, bit for bit.
 */
class StudyAnalysesMatchCommandsTest {
    private static final String MODEL = "mlp:2-3-1:tanh";
    private static final String DATA = "teacher:n=15,d=2,width=2,seed=4";

    private static RecordBuffer run(String analysis, Map<String, String> settings, Map<String, Double> tol)
            throws Exception {
        Map<String, String> params = new java.util.HashMap<>(settings);
        params.put("model", MODEL);
        params.put("data", DATA);
        RecordBuffer b = new RecordBuffer();
        Analyses.byName(analysis).run(RunContext.of(new RunSpec("k", analysis, params, 99, tol)), b);
        return b;
    }

    private static double metric(RecordBuffer b, String name) {
        return b.metrics().stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow().value();
    }

    private static String seed() {
        return Long.toString(RunSettings.initSeed(new RunSpec("k", "x", Map.of(), 99, Map.of())));
    }

    @Test
    void evalMatchesFlowscapeEval() throws Exception {
        RecordBuffer b = run("eval", Map.of("hessian", "true"), Map.of());
        JsonNode doc = EvalCommandTest.json(CliRun.of("eval", "--model", MODEL, "--data", DATA, "--seed", seed(),
                "--hessian", "--json"));
        assertThat(metric(b, "loss")).isEqualTo(doc.get("loss").asDouble());
        assertThat(metric(b, "grad_norm")).isEqualTo(doc.get("gradient").get("norm2").asDouble());
        JsonNode ev = doc.get("hessian").get("eigenvalues");
        assertThat(b.spectra().get(0).x()).hasSize(ev.size());
        for (int i = 0; i < ev.size(); i++) {
            assertThat(b.spectra().get(0).x()[i]).isEqualTo(ev.get(i).asDouble());
        }
        assertThat(b.outcome()).isEqualTo(Outcome.OK);
    }

    @Test
    void flowMatchesFlowscapeFlow() throws Exception {
        RecordBuffer b = run("flow", Map.of("method", "dopri54", "horizon", "3", "until-loss", "1e-30"),
                Map.of("rtol", 1e-9, "atol", 1e-11));
        JsonNode doc = EvalCommandTest.json(CliRun.of("flow", "--model", MODEL, "--data", DATA, "--seed", seed(),
                "--method", "dopri54", "--horizon", "3", "--until-loss", "1e-30", "--rtol", "1e-9", "--atol", "1e-11",
                "--json"));
        assertThat(metric(b, "final_loss")).isEqualTo(doc.get("loss").asDouble());
        assertThat(metric(b, "steps")).isEqualTo(doc.get("steps").asDouble());
        assertThat(doc.get("rtol").asDouble()).isEqualTo(1e-9);
        assertThat(b.outcome()).isEqualTo(Outcome.NOT_CONVERGED); // the target 1e-30 was not reached by t = 3
        double[] loss = b.series().get(0).y();
        assertThat(loss[0]).isEqualTo(doc.get("initial_loss").asDouble());
        assertThat(loss[loss.length - 1]).isEqualTo(doc.get("loss").asDouble());
    }

    @Test
    void rk4WithAFixedStepRunsInBoth() throws Exception {
        RecordBuffer b = run("flow", Map.of("method", "rk4", "step", "0.01", "horizon", "1"), Map.of());
        CliRun cli = CliRun.of("flow", "--model", MODEL, "--data", DATA, "--seed", seed(), "--method", "rk4",
                "--step", "0.01", "--horizon", "1", "--json");
        assertThat(cli.exit()).as(cli.describe()).isZero();
        JsonNode doc = EvalCommandTest.json(cli);
        assertThat(doc.get("steps").asLong()).isEqualTo(100);
        assertThat(metric(b, "final_loss")).isEqualTo(doc.get("loss").asDouble());
        assertThat(metric(b, "final_loss")).isLessThan(metric(b, "initial_loss"));
    }

    @Test
    void basinsMatchesFlowscapeBasins() throws Exception {
        Map<String, String> params = Map.of("data", "orthonormal:m=3,seed=2", "widths", "2,5", "inits", "30",
                "init-scale", "0.5");
        RecordBuffer b = new RecordBuffer();
        Analyses.byName("basins").run(RunContext.of(new RunSpec("k", "basins", params, 7, Map.of())), b);
        JsonNode doc = EvalCommandTest.json(CliRun.of("basins", "--data", "orthonormal:m=3,seed=2", "--widths", "2,5",
                "--inits", "30", "--init-scale", "0.5", "--seed", "7", "--json"));
        JsonNode widths = doc.get("widths");
        for (int w = 0; w < 2; w++) {
            JsonNode values = widths.get(w).get("basin_values");
            int width = widths.get(w).get("width").asInt();
            double[] stored = b.basins().stream().filter(r -> r.width() == width)
                    .mapToDouble(r -> r.basinValue()).toArray();
            assertThat(stored).hasSize(values.size());
            for (int i = 0; i < stored.length; i++) {
                assertThat(stored[i]).isEqualTo(values.get(i).asDouble());
            }
            assertThat(metric(b, "p_basin/k=" + width)).isEqualTo(widths.get(w).get("estimate").get("p").asDouble());
        }
    }
}
