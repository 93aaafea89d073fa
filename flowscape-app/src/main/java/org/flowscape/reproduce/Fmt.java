package org.flowscape.reproduce;

import java.util.Locale;

/** Number formatting for deciding texts (three significant digits, locale-independent). */
final class Fmt {
    private Fmt() {
    }

    /** {@code %.3g}. */
    static String g(double v) {
        return String.format(Locale.ROOT, "%.3g", v);
    }

    /** {@code String.format} in the root locale. */
    static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
