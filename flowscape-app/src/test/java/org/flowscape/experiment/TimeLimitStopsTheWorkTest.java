package org.flowscape.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A study run past its time limit stops its work (no thread keeps computing for it) and keeps what it finished:
 * critical keeps its polished points, basins its finished widths, spectrum its Krylov space; a landscape grid keeps
 * nothing but stops. After each run, no live thread may still be inside Flowscape's code (the run's worker and the
 * basin Monte Carlo's pool threads observed the cancellation).
 */
class TimeLimitStopsTheWorkTest {
    private static final Provenance PROVENANCE = Provenance.current();

    private static RunResult execute(String analysis, Map<String, String> params) throws Exception {
        return execute(analysis, params, Map.of());
    }

    private static RunResult execute(String analysis, Map<String, String> params, Map<String, Double> tolerances)
            throws Exception {
        RunSpec spec = new RunSpec(analysis + "/long", analysis, params, 1, tolerances);
        RunResult r = RunExecution.execute(Analyses.byName(analysis), spec, 1.0, PROVENANCE);
        assertThat(r.outcome()).as(r.message()).isEqualTo(Outcome.TIMEOUT);
        assertThat(flowscapeThreads(3000)).as("threads still computing after %s", analysis).isEmpty();
        assertThat(r.wallMs()).isLessThan(1000.0 + 5000);
        return r;
    }

    @Test
    void criticalKeepsThePointsItPolished() throws Exception {
        RunResult r = execute("critical", Map.of("model", "mlp:2-6-1:tanh", "data", "gaussian:n=30,d=2,seed=1",
                "starts", "100000"));
        assertThat(r.message()).startsWith("stopped at the time limit after").contains("kept");
        assertThat(metric(r, "starts")).isGreaterThan(0).isLessThan(100000);
        assertThat(r.records().criticalPoints()).hasSize((int) metric(r, "converged"));
    }

    @Test
    void basinsKeepTheirFinishedWidthsAndItsPoolStops() throws Exception {
        RunResult r = execute("basins", Map.of("data", "gaussian:n=20,d=3,seed=1", "widths", "1,64",
                "inits", "100000", "threads", "2"));
        assertThat(r.message()).contains("widths (the finished widths are kept)");
        assertThat(r.records().basins().size() % 100000).isZero();
    }

    @Test
    void aLandscapeGridStops() throws Exception {
        RunResult r = execute("landscape", Map.of("model", "mlp:2-16-1:tanh", "data", "gaussian:n=200,d=2,seed=1",
                "grid", "2000"));
        assertThat(r.message()).contains("no records kept");
    }

    @Test
    void spectrumKeepsItsKrylovSpace() throws Exception {
        // a residual tolerance no pair meets, so that Lanczos runs to its 300 steps unless stopped
        RunResult r = execute("spectrum", Map.of("model", "mlp:20-200-200-1:tanh", "data",
                "gaussian:n=300,d=20,seed=1", "top", "3", "bottom", "3"), Map.of("residual-tol", 1e-300));
        assertThat(r.message()).contains("Lanczos steps").contains("kept");
        assertThat(metric(r, "lanczos_iterations")).isGreaterThan(0);
    }

    private static double metric(RunResult r, String name) {
        return r.records().metrics().stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow().value();
    }

    /** The live threads (other than this one) with a Flowscape main-code frame, after waiting up to {@code ms}. */
    static List<String> flowscapeThreads(long ms) throws InterruptedException {
        long end = System.currentTimeMillis() + ms;
        List<String> busy;
        do {
            busy = new ArrayList<>();
            for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
                if (e.getKey() == Thread.currentThread() || !e.getKey().isAlive()) {
                    continue;
                }
                for (StackTraceElement f : e.getValue()) {
                    if (f.getClassName().startsWith("org.flowscape.") && !f.getClassName().endsWith("Test")) {
                        busy.add(e.getKey().getName() + " at " + f);
                        break;
                    }
                }
            }
            if (!busy.isEmpty()) {
                Thread.sleep(50);
            }
        } while (!busy.isEmpty() && System.currentTimeMillis() < end);
        return busy;
    }
}
