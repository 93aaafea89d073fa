package org.flowscape.spec;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.flowscape.internal.MemoryBudget;

/**
 * Reads a user's input file with a bound, so that every reader names the file in its messages: a directory, a file
 * larger than the bound (or an endless stream such as {@code /dev/zero}) and binary content (NUL bytes) are refused
 * in one line that names the file, instead of "Is a directory" or an {@link OutOfMemoryError}. Cost: one pass over
 * at most {@code maxBytes + 1} bytes.
 */
public final class TextFiles {
    /** The bound for small text inputs (problem and study files): 16 MB. */
    public static final long SMALL = 16_000_000;

    private TextFiles() {
    }

    /**
     * The bytes of {@code file}.
     *
     * @param what     names the file in messages, e.g. {@code "problem file"}
     * @param maxBytes the most bytes accepted (capped at an eighth of the JVM's memory)
     * @param text     whether NUL bytes (binary content) are refused
     * @throws IllegalArgumentException for a directory, a file over the bound or binary content
     * @throws IOException              when the file cannot be read (not found, permission denied)
     */
    public static byte[] read(Path file, String what, long maxBytes, boolean text) throws IOException {
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException(what + " " + file + " is a directory; give the path of a file");
        }
        long bound = Math.min(maxBytes, MemoryBudget.limit() / 8);
        MemoryBudget.arrayLength(bound, what + " " + file, "give a smaller file");
        byte[] b;
        try (InputStream in = Files.newInputStream(file)) {
            b = in.readNBytes((int) bound + 1);
        }
        if (b.length > bound) {
            throw new IllegalArgumentException(what + " " + file + " is larger than the " + MemoryBudget.bytes(bound)
                    + " read for it; check that it is the right file");
        }
        if (text) {
            for (byte x : b) {
                if (x == 0) {
                    throw new IllegalArgumentException(what + " " + file + " holds NUL bytes, so it is not a text "
                            + "file; give the right file");
                }
            }
        }
        return b;
    }

    /** {@link #read} as UTF-8 text, refusing binary content. */
    public static String readString(Path file, String what, long maxBytes) throws IOException {
        return new String(read(file, what, maxBytes, true), StandardCharsets.UTF_8);
    }
}
