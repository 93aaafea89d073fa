package org.flowscape.experiment;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The child process of {@link ResumeKillTest}: runs a study file with the local runner on one thread and prints
 * {@code committed KEY} after each run is committed, so the parent knows when to kill it.
 */
public final class ResumeTarget {
    private ResumeTarget() {
    }

    /** {@code STUDY.yaml OUT_DIR}. */
    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        StudyPlan plan = StudyExpander.expand(StudyFile.read(Path.of(args[0])), null);
        new LocalExecutor(Analyses::byName, r -> out.println("committed " + r.spec().key()))
                .execute(plan, Path.of(args[1]), new StudyExecutor.ExecutionOptions(1, false, 0, false));
        out.println("done");
    }
}
