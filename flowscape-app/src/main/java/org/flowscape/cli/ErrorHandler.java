package org.flowscape.cli;

import java.io.PrintWriter;
import java.util.Optional;

import org.flowscape.internal.MemoryBudget;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The one place where failures become exit codes and messages. A user error (a bad option, spec or file) prints
 * exactly one line {@code flowscape: PROBLEM; FIX} on stderr and exits {@link ExitCodes#USER_ERROR}; anything else is
 * an internal failure: one line and {@link ExitCodes#INTERNAL}, plus the stack trace when debugging is on.
 */
public final class ErrorHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {
    /** Every message starts with this. */
    public static final String PREFIX = "flowscape: ";

    private final boolean debug;

    /** @param debug print the stack trace of internal failures */
    public ErrorHandler(boolean debug) {
        this.debug = debug;
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        String name = cmd.getCommandSpec().qualifiedName();
        String message = UserErrors.oneLine(ex.getMessage(), ex);
        cmd.getErr().println(PREFIX + message + "; see '" + name + " --help'");
        cmd.getErr().flush();
        return ExitCodes.USER_ERROR;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        VirtualMachineError vm = UserErrors.virtualMachineError(ex);
        if (vm != null) {
            return handleError(vm, err);
        }
        Optional<String> user = UserErrors.message(ex);
        if (user.isPresent()) {
            err.println(PREFIX + user.get());
            err.flush();
            return ExitCodes.USER_ERROR;
        }
        err.println(PREFIX + "internal error: " + ex.getClass().getName() + ": "
                + UserErrors.oneLine(ex.getMessage(), ex)
                + (debug ? "" : " (set " + Main.DEBUG_VARIABLE + "=1 for the stack trace; please report it)"));
        if (debug) {
            ex.printStackTrace(err);
        }
        err.flush();
        return ExitCodes.INTERNAL;
    }

    /**
     * An {@link OutOfMemoryError} or other virtual machine error: an internal error in one line that says how much
     * memory the JVM may use and how to raise it ({@link ExitCodes#INTERNAL}); the stack trace only when debugging.
     */
    public int handleError(VirtualMachineError e, PrintWriter err) {
        String what = e instanceof OutOfMemoryError
                ? "ran out of memory (this JVM may use " + MemoryBudget.bytes(MemoryBudget.limit())
                        + "); ask for a smaller problem, or raise the limit with JAVA_TOOL_OPTIONS=-Xmx..."
                : e instanceof StackOverflowError ? "ran out of stack; ask for a smaller problem"
                : "the Java virtual machine failed (" + UserErrors.oneLine(e.getMessage(), e) + ")";
        err.println(PREFIX + "internal error: " + what
                + (debug ? "" : " (set " + Main.DEBUG_VARIABLE + "=1 for the stack trace)"));
        if (debug) {
            e.printStackTrace(err);
        }
        err.flush();
        return ExitCodes.INTERNAL;
    }
}
