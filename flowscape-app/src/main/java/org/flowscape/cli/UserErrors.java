package org.flowscape.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Optional;

/**
 * Decides which exceptions are the user's to fix and words them as one line. User errors are
 * {@link IllegalArgumentException} (the core's convention for bad input, whose message already names the fix), a
 * file whose content is malformed ({@link org.flowscape.io.FormatException}, its message likewise one line) and
 * file-system failures ({@link IOException}, {@link UncheckedIOException}); everything else is internal.
 */
public final class UserErrors {
    private UserErrors() {
    }

    /** The one-line message for a user error, or empty when {@code t} is an internal failure. */
    public static Optional<String> message(Throwable t) {
        if (t instanceof UncheckedIOException u && u.getCause() != null) {
            return message(u.getCause());
        }
        if (t instanceof IllegalArgumentException || t instanceof org.flowscape.io.FormatException) {
            return Optional.of(oneLine(t.getMessage(), t));
        }
        if (t instanceof IOException io) {
            return Optional.of(ioMessage(io));
        }
        return Optional.empty();
    }

    /** The virtual machine error (e.g. out of memory) in {@code t}'s cause chain, or null. */
    static VirtualMachineError virtualMachineError(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof VirtualMachineError e) {
                return e;
            }
        }
        return null;
    }

    private static String ioMessage(IOException e) {
        if (e instanceof NoSuchFileException f) {
            return "file not found: " + f.getFile() + "; check the path (relative paths start from the current "
                    + "directory)";
        }
        if (e instanceof AccessDeniedException f) {
            return "cannot access " + f.getFile() + ": permission denied; check the file's permissions";
        }
        if (e instanceof NotDirectoryException f) {
            return "not a directory: " + f.getFile() + "; check the path";
        }
        if (e instanceof FileSystemException f) {
            String reason = f.getReason() == null ? "file-system error" : f.getReason();
            return "cannot access " + f.getFile() + (f.getOtherFile() == null ? "" : " or " + f.getOtherFile())
                    + ": " + reason + "; " + fixFor(reason);
        }
        String m = oneLine(e.getMessage(), e);
        return "input/output failed: " + m + "; " + fixFor(m);
    }

    /** Why an input/output operation failed, in words: the file system's reason without exception names. */
    static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return oneLine(e.getMessage(), e);
    }

    /** The fix for a file-system failure, from its reason. */
    private static String fixFor(String reason) {
        String r = reason.toLowerCase(java.util.Locale.ROOT);
        if (r.contains("no space")) {
            return "free disk space or write elsewhere";
        }
        if (r.contains("is a directory")) {
            return "give the path of a file, not a directory";
        }
        if (r.contains("read-only")) {
            return "write to a writable location";
        }
        return "check the path";
    }

    /** Words longer than this are shortened in messages (a 120 KB spec is not echoed back). */
    static final int LONGEST_WORD = 200;

    /** Shortens every run of more than {@link #LONGEST_WORD} non-blank characters to its ends and its length. */
    static String abbreviate(String m) {
        return java.util.regex.Pattern.compile("\\S{" + (LONGEST_WORD + 1) + ",}").matcher(m).replaceAll(r -> {
            String w = r.group();
            return java.util.regex.Matcher.quoteReplacement(w.substring(0, 60) + "...(" + w.length()
                    + " characters)..." + w.substring(w.length() - 20));
        });
    }

    /**
     * Collapses a message onto one line (exception messages from parsers sometimes span several) and words the
     * names of common file-system exceptions that some messages embed, e.g. "(NoSuchFileException)".
     */
    static String oneLine(String message, Throwable t) {
        String m = message == null || message.isBlank() ? t.getClass().getSimpleName() : message;
        return abbreviate(m.strip().replaceAll("\\s*\\R\\s*", " "))
                .replace("NoSuchFileException", "file not found")
                .replace("AccessDeniedException", "permission denied")
                .replace("NotDirectoryException", "not a directory")
                .replace("FileSystemException", "file-system error");
    }
}
