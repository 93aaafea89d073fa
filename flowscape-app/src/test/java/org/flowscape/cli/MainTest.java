package org.flowscape.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MainTest {

    @Test
    void versionPrintsTheVersionAndExitsZero() {
        CliRun run = CliRun.of("--version");
        assertThat(run.exit()).as(run.describe()).isZero();
        assertThat(run.out()).startsWith("flowscape ").contains("Java ");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void helpListsTheSubcommands() {
        CliRun run = CliRun.of("--help");
        assertThat(run.exit()).as(run.describe()).isZero();
        assertThat(run.out()).contains("Commands:").contains("eval");
    }

    @Test
    void noSubcommandIsAUserError() {
        UserErrorAssert.assertUserError(CliRun.of(), "no subcommand");
    }

    @Test
    void unknownOptionIsAUserError() {
        UserErrorAssert.assertUserError(CliRun.of("eval", "--modle", "mlp:1-1:tanh"), "--modle");
    }

    @Test
    void unknownSubcommandIsAUserError() {
        UserErrorAssert.assertUserError(CliRun.of("evaluate"), "evaluate");
    }

    @Test
    void internalFailureExitsOneWithOneLineAndNoTrace() {
        java.io.StringWriter err = new java.io.StringWriter();
        ErrorHandler handler = new ErrorHandler(false);
        picocli.CommandLine cmd = Main.newCommandLine(false);
        cmd.setErr(new java.io.PrintWriter(err, true));
        int exit = handler.handleExecutionException(new IllegalStateException("boom"), cmd, null);
        assertThat(exit).isEqualTo(ExitCodes.INTERNAL);
        assertThat(err.toString().lines()).hasSize(1);
        assertThat(err.toString()).startsWith("flowscape: internal error").contains("boom")
                .contains("FLOWSCAPE_DEBUG=1").doesNotContain("at org.");
    }

    @Test
    void internalFailureWithDebugPrintsTheTrace() {
        java.io.StringWriter err = new java.io.StringWriter();
        picocli.CommandLine cmd = Main.newCommandLine(true);
        cmd.setErr(new java.io.PrintWriter(err, true));
        int exit = new ErrorHandler(true).handleExecutionException(new IllegalStateException("boom"), cmd, null);
        assertThat(exit).isEqualTo(ExitCodes.INTERNAL);
        assertThat(err.toString()).contains("boom").contains("at org.flowscape.cli.MainTest");
    }
}
