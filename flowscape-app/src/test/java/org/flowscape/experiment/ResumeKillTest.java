package org.flowscape.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.flowscape.runner.LocalExecutor;
import org.flowscape.store.StoreDump;
import org.flowscape.store.StoreReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a real runner process with SIGKILL mid-sweep, resumes, and checks the result equals an uninterrupted run:
 * nothing lost (every run stored once) and nothing duplicated (row for row, bit for bit).
 */
class ResumeKillTest {
    static final String STUDY = """
            name: kill
            seed: 3
            problem:
              model: mlp:2-{width}-1:tanh
              data: teacher:n=16,d=2,width=2,seed=1
            analyses:
              - analysis: flow
                method: dopri853
                horizon: 10
            sweep:
              width: [2, 3, 4]
            seeds: [1, 2, 3, 4]
            """;

    @TempDir
    Path tmp;

    @Test
    void killedMidSweepAndResumedEqualsUninterrupted() throws Exception {
        Path study = Files.writeString(tmp.resolve("kill.yaml"), STUDY);
        Path killed = tmp.resolve("killed");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                ResumeTarget.class.getName(), study.toString(), killed.toString())
                .redirectError(tmp.resolve("child.err").toFile()).start();
        StudyPlan plan = StudyExpander.expand(StudyFile.read(study), null);
        Path whole = tmp.resolve("whole");
        int committed = 0;
        try {
            // the uninterrupted run, while the child starts up
            new LocalExecutor().execute(plan, whole, new StudyExecutor.ExecutionOptions(2, false, 0, false));
            child.getOutputStream().write('\n');
            child.getOutputStream().close();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while (committed < 3 && (line = r.readLine()) != null) {
                    committed += line.startsWith("committed ") ? 1 : 0;
                }
                child.destroyForcibly(); // SIGKILL on Unix: no shutdown hooks, no clean close of the database
                assertThat(child.waitFor(20, TimeUnit.SECONDS)).isTrue();
            }
        } finally {
            child.destroyForcibly(); // also when something above failed: never leave the child behind
        }
        assertThat(committed).as(Files.readString(tmp.resolve("child.err"))).isEqualTo(3);
        long stored;
        try (StoreReader r = StoreReader.open(killed)) {
            stored = r.outcomeCounts().values().stream().mapToLong(Long::longValue).sum();
        }
        assertThat(stored).isBetween(3L, (long) plan.runs().size() - 1); // the kill came mid-sweep
        new LocalExecutor().execute(plan, killed, new StudyExecutor.ExecutionOptions(2, true, 0, false));
        List<String> expected = StoreDump.rows(whole);
        assertThat(expected.stream().filter(s -> s.startsWith("runs"))).hasSize(plan.runs().size());
        assertThat(StoreDump.rows(killed)).isEqualTo(expected);
    }
}
