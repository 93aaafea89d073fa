package org.flowscape.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code flowscape} executable. Subcommands are registered in the {@code subcommands} list below: adding one is a
 * one-line change there. Errors from every subcommand go through one {@link ErrorHandler} (see {@link ExitCodes}).
 */
@Command(name = "flowscape", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Exact numerics of neural-network loss landscapes and gradient flows.",
        subcommands = {
            ReproduceCommand.class,
            EvalCommand.class,
            FlowCommand.class,
            CriticalCommand.class,
            SpectrumCommand.class,
            AnalyzeCommand.class,
            LandscapeCommand.class,
            PathCommand.class,
            RunCommand.class,
            ExportCommand.class,
            ReportCommand.class,
            BasinsCommand.class,
            CensusCommand.class,
            GraphCommand.class,
            CommandLine.HelpCommand.class,
        })
public final class Main implements Callable<Integer> {
    /** The environment variable that, set to 1, adds stack traces to internal-error messages. */
    public static final String DEBUG_VARIABLE = "FLOWSCAPE_DEBUG";

    @Spec
    private CommandSpec spec;

    /** Runs {@code flowscape ARGS} and exits with its exit code. */
    public static void main(String[] args) {
        CommandLine cli = newCommandLine("1".equals(System.getenv(DEBUG_VARIABLE)));
        cli.setOut(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
        cli.setErr(new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
        int code = cli.execute(args);
        cli.getOut().flush();
        cli.getErr().flush();
        System.exit(code);
    }

    /**
     * A fully configured command line (error handlers, exit codes); callers may redirect its output with
     * {@link CommandLine#setOut} and {@link CommandLine#setErr} before {@link CommandLine#execute}.
     *
     * @param debug print stack traces of internal failures
     */
    public static CommandLine newCommandLine(boolean debug) {
        ErrorHandler handler = new ErrorHandler(debug);
        return new CommandLine(new Main())
                .setExecutionExceptionHandler(handler)
                .setParameterExceptionHandler(handler)
                .setCaseInsensitiveEnumValuesAllowed(true);
    }

    /** Without a subcommand: a usage error naming the subcommands. */
    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "no subcommand given; use one of "
                + String.join(", ", spec.subcommands().keySet()) + " (e.g. flowscape eval --help)");
    }
}
