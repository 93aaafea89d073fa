package org.flowscape.experiment;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.flowscape.runner.LocalExecutor;

/**
 * The child process of {@link ResumeKillTest}: loads the study, BLAS and DuckDB, waits for a line on stdin (so
 * that the parent can warm up meanwhile), then runs the study with the local runner on one thread and prints
 * {@code committed KEY} after each run is committed, so the parent knows when to kill it.
 */
public final class ResumeTarget {
    private ResumeTarget() {
    }

    /** {@code STUDY.yaml OUT_DIR}. */
    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        StudyPlan plan = StudyExpander.expand(StudyFile.read(Path.of(args[0])), null);
        Provenance.current();
        org.flowscape.store.ResultStore.open(Path.of(args[1])).close(); // loads DuckDB's native library
        new java.io.BufferedReader(new java.io.InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        new LocalExecutor(Analyses::byName, r -> out.println("committed " + r.spec().key()))
                .execute(plan, Path.of(args[1]), new StudyExecutor.ExecutionOptions(1, false, 0, false));
        out.println("done");
    }
}
