package org.flowscape.io;

import java.util.Arrays;

/**
 * How much one reader may allocate: checked against what a header <em>declares</em> before any array is allocated,
 * so a file claiming terabytes costs nothing. An array holds at most 2³¹ − 9 entries, and all arrays read from one
 * file together at most a quarter of the JVM's maximum heap as doubles (the data are copied once more
 * when they become a dataset).
 */
final class ReadBudget {
    /** Largest number of entries of one Java array. */
    static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8;

    private final String where;
    private final long maxDoubles;
    private long used;

    /** A budget for one file; {@code where} names it in messages. */
    ReadBudget(String where) {
        this(where, Runtime.getRuntime().maxMemory() / 32);
    }

    ReadBudget(String where, long maxDoubles) {
        this.where = where;
        this.maxDoubles = maxDoubles;
    }

    /**
     * The number of elements of {@code shape}, not yet charged.
     *
     * @throws FormatException when a dimension is negative or the product overflows one array
     */
    static long count(long[] shape, String where, String what) throws FormatException {
        long count = 1;
        for (long s : shape) {
            if (s < 0) {
                throw new FormatException(where + ": " + what + " has a negative dimension in shape "
                        + Arrays.toString(shape) + "; the file is corrupt");
            }
            if (s > MAX_ELEMENTS || (s > 0 && count > MAX_ELEMENTS / s)) {
                throw new FormatException(where + ": " + what + " shape " + Arrays.toString(shape)
                        + " has more elements than one array holds; the file is corrupt or too large");
            }
            count *= s;
        }
        return count;
    }

    /**
     * Charges {@code count} doubles to this budget.
     *
     * @throws FormatException when the file's arrays together would exceed the budget
     */
    void charge(long count, String what) throws FormatException {
        if (count > maxDoubles - used) {
            throw new FormatException(where + ": " + what + " needs about " + org.flowscape.internal.MemoryBudget
                    .bytes((used + count) * 8.0) + " as doubles, more than the " + org.flowscape.internal.MemoryBudget
                    .bytes(maxDoubles * 8.0) + " this reader may allocate (a quarter of the JVM's -Xmx); use a "
                    + "smaller file, or raise -Xmx");
        }
        used += count;
    }
}
