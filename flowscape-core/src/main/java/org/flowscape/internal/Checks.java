package org.flowscape.internal;

/**
 * Argument validation helpers. Each throws {@link IllegalArgumentException} naming the argument, the expected
 * value and the actual value, so that a programmer error is diagnosed from the message alone.
 */
public final class Checks {
    private Checks() {
    }

    /** Requires {@code actual == expected} for the length or size named {@code name}. */
    public static void dimension(String name, int expected, int actual) {
        if (expected != actual) {
            throw new IllegalArgumentException(name + " has length " + actual + " but " + expected + " was expected");
        }
    }

    /** Requires {@code array.length >= expected}. */
    public static void atLeast(String name, int expected, double[] array) {
        if (array.length < expected) {
            throw new IllegalArgumentException(
                    name + " has length " + array.length + " but at least " + expected + " is needed");
        }
    }

    /** Requires a strictly positive value. */
    public static double positive(String name, double value) {
        if (!(value > 0)) {
            throw new IllegalArgumentException(name + " must be > 0, got " + value);
        }
        return value;
    }

    /** Requires a strictly positive integer. */
    public static int positive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be > 0, got " + value);
        }
        return value;
    }

    /** Requires a non-negative value. */
    public static double nonNegative(String name, double value) {
        if (!(value >= 0)) {
            throw new IllegalArgumentException(name + " must be >= 0, got " + value);
        }
        return value;
    }

    /** Requires every entry to be finite; reports the first offending index. */
    public static double[] finite(String name, double[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(name + "[" + i + "] is " + values[i] + "; all entries must be finite");
            }
        }
        return values;
    }

    /** Requires two arrays not to be the same object (an output may not alias an input). */
    public static void distinct(String nameA, Object a, String nameB, Object b) {
        if (a == b) {
            throw new IllegalArgumentException(nameA + " and " + nameB + " must be different arrays");
        }
    }
}
