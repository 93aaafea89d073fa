package org.flowscape.cli;

/** The exit codes of every subcommand ({@code docs/cli.md}). */
public final class ExitCodes {
    /** Success. */
    public static final int OK = 0;
    /** An internal failure (a bug): one line on stderr, a stack trace with {@code FLOWSCAPE_DEBUG=1}. */
    public static final int INTERNAL = 1;
    /** A user error: one line on stderr that names the problem and the fix. */
    public static final int USER_ERROR = 2;
    /** A computation that ended without a decision (e.g. an inconclusive verdict). */
    public static final int INCONCLUSIVE = 3;

    private ExitCodes() {
    }
}
