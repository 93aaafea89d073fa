package org.flowscape.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import picocli.CommandLine;

/**
 * One in-process run of {@code flowscape ARGS} with captured output.
 *
 * @param exit the exit code
 * @param out  everything printed on stdout
 * @param err  everything printed on stderr
 */
record CliRun(int exit, String out, String err) {
    /** Runs {@link Main} in this JVM with {@code args}. */
    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.newCommandLine(false);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = Main.execute(cli, args);
        return new CliRun(exit, out.toString(), err.toString());
    }

    /** The non-empty lines of stderr. */
    List<String> errLines() {
        return err.lines().filter(l -> !l.isBlank()).toList();
    }

    /** Describes the run for assertion messages. */
    String describe() {
        return "exit " + exit + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
    }
}
