package org.flowscape.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flowscape.store.StoreDump;
import org.flowscape.store.StoreReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalExecutorTest {
    /** Small runs of every analysis: eval with the Hessian, flow, critical, spectrum with trace and density. */
    static final String STUDY = """
            name: det
            seed: 11
            problem:
              model: mlp:2-{width}-1:tanh
              data: teacher:n=12,d=2,width=2,seed=3
            analyses:
              - analysis: eval
                hessian: true
              - analysis: flow
                method: dopri853
                horizon: 5
                monitor: [pl, sharpness]
              - analysis: critical
                model: mlp:1-2-1:tanh
                data: smooth:n=12,d=1,seed=3
                starts: 2
              - analysis: spectrum
                top: 2
                bottom: 1
                trace: true
                trace-probes: 12
                density: true
                probes: 3
                steps: 10
                grid: 20
            sweep:
              width: [2, 3]
            seeds: [1, 2]
            """;

    @TempDir
    Path tmp;

    private static StudyExecutor.ExecutionOptions options(int threads) {
        return new StudyExecutor.ExecutionOptions(threads, false, 0, false);
    }

    @Test
    void resultsAreBitIdenticalWithOneAndTwoThreads() throws Exception {
        StudyPlan plan = StudyExpander.expand(StudyFile.parse("det.yaml", STUDY), null);
        new LocalExecutor().execute(plan, tmp.resolve("one"), options(1));
        new LocalExecutor().execute(plan, tmp.resolve("two"), options(2));
        List<String> one = StoreDump.rows(tmp.resolve("one"));
        assertThat(one.stream().filter(r -> r.startsWith("runs"))).hasSize(plan.runs().size());
        assertThat(one.stream().filter(r -> r.startsWith("spectra | eval/width=3"))).hasSize(2 * 13);
        assertThat(one.stream().filter(r -> r.startsWith("series | flow/width=2/seed=1 | loss"))).isNotEmpty();
        assertThat(one.stream().filter(r -> r.startsWith("critical_points"))).isNotEmpty();
        assertThat(one.stream().filter(r -> r.startsWith("runs") && !r.contains("| ok |"))).isEmpty();
        assertThat(StoreDump.rows(tmp.resolve("two"))).isEqualTo(one);
    }

    /** Test analyses: each misbehaves in one way. */
    private static Analysis analysis(String name) {
        return new Analysis() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void run(RunContext context, RecordSink sink) throws Exception {
                switch (name) {
                    case "boom" -> throw new IllegalStateException("planted failure");
                    case "nan" -> {
                        sink.metric("final_loss", Double.NaN);
                        sink.outcome(Outcome.DIVERGED, "loss became NaN");
                    }
                    case "polite" -> {
                        sink.metric("partial", 1);
                        while (!context.cancelled().getAsBoolean()) {
                            Thread.sleep(5);
                        }
                        sink.outcome(Outcome.TIMEOUT, "stopped when asked");
                    }
                    case "stubborn" -> {
                        sink.metric("partial", 1);
                        long end = System.nanoTime() + 4_000_000_000L; // ignores cancellation and interrupts
                        while (System.nanoTime() < end) {
                            try {
                                Thread.sleep(20);
                            } catch (InterruptedException ignored) {
                                // deliberately ignored
                            }
                        }
                    }
                    default -> sink.metric("value", context.stream("value", 0).nextDouble());
                }
            }
        };
    }

    @Test
    void failuresDivergenceAndTimeoutsAreRecordedAndTheSweepGoesOn() throws Exception {
        List<RunSpec> runs = new ArrayList<>();
        for (String a : List.of("boom", "fine", "nan", "polite", "stubborn", "fine2")) {
            runs.add(new RunSpec(a, a, Map.of(), RunKeys.seed(1, a), Map.of()));
        }
        StudyPlan plan = new StudyPlan("bad", 1, "", "name: bad", runs);
        List<String> committed = java.util.Collections.synchronizedList(new ArrayList<>());
        new LocalExecutor(LocalExecutorTest::analysis, r -> committed.add(r.spec().key()))
                .execute(plan, tmp, new StudyExecutor.ExecutionOptions(2, false, 0.3, false));
        assertThat(committed).containsExactlyInAnyOrder("boom", "fine", "nan", "polite", "stubborn", "fine2");
        Map<String, String> outcome = new LinkedHashMap<>();
        Map<String, Long> metrics = new LinkedHashMap<>();
        try (StoreReader r = StoreReader.open(tmp); Statement st = r.connection().createStatement();
             ResultSet rs = st.executeQuery("SELECT run_key, outcome, message, (SELECT count(*) FROM metrics m "
                     + "WHERE m.run_key = runs.run_key) FROM runs")) {
            while (rs.next()) {
                outcome.put(rs.getString(1), rs.getString(2) + ": " + rs.getString(3));
                metrics.put(rs.getString(1), rs.getLong(4));
            }
        }
        assertThat(outcome.get("boom")).isEqualTo("failed: IllegalStateException: planted failure");
        assertThat(outcome.get("nan")).isEqualTo("diverged: loss became NaN");
        assertThat(outcome.get("polite")).isEqualTo("timeout: stopped when asked");
        assertThat(outcome.get("stubborn")).startsWith("timeout: stopped at the time limit of 0.3");
        assertThat(outcome.get("fine")).isEqualTo("ok: ");
        assertThat(outcome.get("fine2")).isEqualTo("ok: ");
        assertThat(metrics).containsEntry("boom", 0L).containsEntry("polite", 1L).containsEntry("stubborn", 0L)
                .containsEntry("fine", 1L);
    }

    @Test
    void executorsAreFoundByName() {
        assertThat(StudyExecutors.byName("local")).isInstanceOf(LocalExecutor.class);
        assertThatThrownBy(() -> StudyExecutors.byName("spark")).hasMessageContaining("spark executor is not on the "
                + "class path").hasMessageContaining("flowscape-spark");
        assertThatThrownBy(() -> StudyExecutors.byName("cloud")).hasMessageContaining("unknown executor 'cloud'")
                .hasMessageContaining("local");
    }

    @Test
    void analysesByNameListsTheKnownNamesForAnUnknownOne() {
        assertThat(Analyses.names()).containsExactly("eval", "flow", "critical", "spectrum", "landscape",
                "basins", "census");
        assertThat(Analyses.byName("flow").name()).isEqualTo("flow");
        assertThatThrownBy(() -> Analyses.byName("flo")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown analysis 'flo'; the known analyses are eval, flow, critical, spectrum, "
                        + "landscape, basins, census");
    }
}
