package org.flowscape.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.flowscape.report.StudyReport;
import org.flowscape.reproduce.VerdictStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code flowscape report DIR}: the study's results store as one self-contained HTML page, DIR/report.html. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Writes DIR/report.html from the study's results store (DIR/results.duckdb, or the Parquet",
            "tables under DIR/parquet/): provenance, a run summary and plots. Self-contained: open it in any",
            "browser, offline. On a directory flowscape reproduce wrote, the verdict page is drawn from the verdicts",
            "stored there. Prints the file's path. See docs/report.md."})
public final class ReportCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The study directory that flowscape run wrote.")
    private Path dir;

    @Override
    public Integer call() throws Exception {
        Path file = isReproduction(dir) ? VerdictStore.page(dir) : StudyReport.write(dir);
        spec.commandLine().getOut().println(file);
        return ExitCodes.OK;
    }

    /** A directory {@code flowscape reproduce} wrote: its store holds verdicts (then the verdict page is drawn). */
    private static boolean isReproduction(Path dir) throws java.io.IOException {
        return java.nio.file.Files.isRegularFile(dir.resolve(org.flowscape.store.StoreSchema.FILE))
                && VerdictStore.holdsVerdicts(dir);
    }
}
