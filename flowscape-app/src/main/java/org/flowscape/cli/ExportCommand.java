package org.flowscape.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.flowscape.store.Exporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code flowscape export DIR --format parquet|csv}: every table of a study's store as Parquet or CSV files. */
@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Export every table of a study directory's results (DuckDB COPY, offline).",
            "Writes DIR/parquet/TABLE/data.parquet or DIR/csv/TABLE.csv. Example: flowscape export results/quick "
                    + "--format csv"})
public final class ExportCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "A study directory written by flowscape run.")
    private Path dir;

    @Option(names = "--format", paramLabel = "parquet|csv", required = true,
            description = "parquet or csv.")
    private Exporter.Format format;

    @Override
    public Integer call() throws Exception {
        List<Path> files = Exporter.export(dir, format);
        PrintWriter o = spec.commandLine().getOut();
        files.forEach(o::println);
        o.flush();
        return ExitCodes.OK;
    }
}
