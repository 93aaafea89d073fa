package org.flowscape.internal;

import java.util.Locale;

/**
 * Refuses a request before it allocates memory it cannot get. Callers estimate the bytes a request needs (usually
 * 8 per double of the arrays it will hold) and call {@link #require}; a request above the JVM's limit
 * ({@link Runtime#maxMemory()}, set by {@code -Xmx}) becomes an {@link IllegalArgumentException} that states the
 * estimate, the limit and the fix, instead of an {@link OutOfMemoryError} part way through. Estimates are lower
 * bounds: a request just under the limit may still run out, which the command line reports as an internal error.
 */
public final class MemoryBudget {
    /** The largest number of entries of one Java array. */
    public static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

    private MemoryBudget() {
    }

    /** The most bytes this JVM may use: {@link Runtime#maxMemory()}. */
    public static long limit() {
        return Runtime.getRuntime().maxMemory();
    }

    /**
     * Requires {@code doubles} doubles (counted as a double, so products cannot overflow) to fit in memory.
     *
     * @param what names the request in the message, e.g. {@code "a 100000 x 100000 grid"}
     * @param fix  what the user can change, e.g. {@code "use a smaller --grid"}
     * @throws IllegalArgumentException when 8 × doubles exceeds {@link #limit()}
     */
    public static void requireDoubles(double doubles, String what, String fix) {
        requireBytes(8 * doubles, what, fix);
    }

    /** As {@link #requireDoubles}, for an estimate in bytes. */
    public static void requireBytes(double bytes, String what, String fix) {
        long limit = limit();
        if (!(bytes <= limit)) {
            throw new IllegalArgumentException(what + " needs about " + bytes(bytes) + " of memory, more than the "
                    + bytes(limit) + " this JVM may use (its -Xmx); " + fix);
        }
    }

    /** Requires one array of {@code count} entries to be possible at all (Java arrays hold at most 2³¹ − 9). */
    public static int arrayLength(double count, String what, String fix) {
        if (!(count <= MAX_ARRAY)) {
            throw new IllegalArgumentException(what + " has " + String.format(Locale.ROOT, "%.3g", count)
                    + " entries, more than one array holds (" + MAX_ARRAY + "); " + fix);
        }
        return (int) count;
    }

    /** A byte count for people: {@code 512 MB}, {@code 1.5 GB}, {@code 64 GB}, {@code 2.3e+03 TB}. */
    public static String bytes(double b) {
        String[] units = {"bytes", "KB", "MB", "GB", "TB"};
        int u = 0;
        double v = b;
        while (v >= 1000 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        return (v < 10 && u > 0 ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%.3g", v)
                .replaceAll("\\.0+$", "")) + " " + units[u];
    }
}
