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
            LawsCommand.class,
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
        int code = execute(cli, args);
        cli.getOut().flush();
        cli.getErr().flush();
        System.exit(code);
    }

    /**
     * Runs {@code cli} on {@code args} and returns the exit code. An {@link OutOfMemoryError} (or another virtual
     * machine error) that escapes a command is an internal error reported in one line on the command line's error
     * writer, never a stack trace; {@link ErrorHandler} words it.
     */
    public static int execute(CommandLine cli, String... args) {
        try {
            return cli.execute(args);
        } catch (VirtualMachineError e) {
            return ((ErrorHandler) cli.getExecutionExceptionHandler()).handleError(e, cli.getErr());
        }
    }

    /**
     * A fully configured command line (error handlers, exit codes); callers may redirect its output with
     * {@link CommandLine#setOut} and {@link CommandLine#setErr} before {@link CommandLine#execute}.
     *
     * @param debug print stack traces of internal failures
     */
    public static CommandLine newCommandLine(boolean debug) {
        ErrorHandler handler = new ErrorHandler(debug);
        CommandLine cli = new CommandLine(new Main())
                .setExecutionExceptionHandler(handler)
                .setParameterExceptionHandler(handler)
                .setCaseInsensitiveEnumValuesAllowed(true);
        cli.getSubcommands().values().forEach(c -> joinSentences(c.getCommandSpec()));
        return cli;
    }

    /**
     * Joins a command's description lines into paragraphs: picocli prints each line of a description on its own
     * line, so a sentence written over two source lines would be cut in the help. A line that does not end a
     * sentence ('.' or ':') runs on into the next; an {@code Example:} line starts a paragraph.
     */
    static void joinSentences(CommandSpec spec) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (String line : spec.usageMessage().description()) {
            String l = line.strip();
            int last = out.size() - 1;
            if (last >= 0 && !out.get(last).matches("(?s).*[.:]") && !l.startsWith("Example:")) {
                out.set(last, out.get(last) + " " + l);
            } else {
                out.add(l);
            }
        }
        spec.usageMessage().description(out.toArray(String[]::new));
    }

    /** Without a subcommand: a usage error naming the subcommands. */
    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "no subcommand given; use one of "
                + String.join(", ", spec.subcommands().keySet()) + " (e.g. flowscape eval --help)");
    }
}
