package org.flowscape.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The arguments of one data spec {@code kind:key=value,...}: splits at commas outside brackets (so that
 * {@code target=[[2,1],[0,1]]} stays whole), lower-cases keys, rejects duplicates, and turns every problem into an
 * {@link IllegalArgumentException} of one line that names the spec, the problem and the accepted keys.
 */
final class SpecArgs {
    private final String spec;
    private final String kind;
    private final String form;
    private final List<String> accepted;
    private final String positional;
    private final Map<String, String> values = new LinkedHashMap<>();

    private SpecArgs(String spec, String kind, String form, List<String> accepted, String positional) {
        this.spec = spec;
        this.kind = kind;
        this.form = form;
        this.accepted = accepted;
        this.positional = positional;
    }

    /**
     * Parses the text after {@code kind:}.
     *
     * @param form          the accepted spelling, for messages, e.g. {@code gaussian:n=N,d=D[,k=K],seed=S}
     * @param accepted      the accepted keys (lower case)
     * @param hasPositional whether the first item is a bare value without {@code key=} (csv's path, identity's D)
     */
    static SpecArgs parse(String spec, String kind, String rest, String form, List<String> accepted,
            boolean hasPositional) {
        List<String> items = split(spec, rest);
        String positional = null;
        int start = 0;
        if (hasPositional && !items.isEmpty() && items.get(0).indexOf('=') < 0) {
            positional = items.get(0);
            start = 1;
        }
        SpecArgs args = new SpecArgs(spec, kind, form, accepted, positional);
        for (int i = start; i < items.size(); i++) {
            args.add(items.get(i));
        }
        return args;
    }

    private void add(String item) {
        int eq = item.indexOf('=');
        if (eq <= 0) {
            throw fail("'" + item + "' is not of the form key=value");
        }
        String key = item.substring(0, eq).trim().toLowerCase(Locale.ROOT);
        if (!accepted.contains(key)) {
            throw fail("unknown key '" + key + "'");
        }
        if (values.put(key, item.substring(eq + 1).trim()) != null) {
            throw fail("key '" + key + "' is given twice");
        }
    }

    private static List<String> split(String spec, String rest) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (c == '[' || c == '(') {
                depth++;
            } else if (c == ']' || c == ')') {
                depth--;
                if (depth < 0) {
                    throw new IllegalArgumentException("data spec '" + spec + "' has an unmatched '" + c
                            + "'; balance the brackets");
                }
            }
            if (c == ',' && depth == 0) {
                out.add(cur.toString().trim());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        if (depth != 0) {
            throw new IllegalArgumentException("data spec '" + spec + "' has an unclosed bracket; "
                    + "balance the brackets");
        }
        String last = cur.toString().trim();
        if (!last.isEmpty() || !out.isEmpty()) {
            out.add(last);
        }
        for (String item : out) {
            if (item.isEmpty()) {
                throw new IllegalArgumentException("data spec '" + spec + "' has an empty item (two commas in a row "
                        + "or a trailing comma); remove it");
            }
        }
        return out;
    }

    /** An exception naming the spec, the problem and the accepted form and keys. */
    IllegalArgumentException fail(String problem) {
        return new IllegalArgumentException("data spec '" + spec + "': " + problem + "; " + kind + " reads " + form
                + " (keys: " + String.join(", ", accepted) + ")");
    }

    String kind() {
        return kind;
    }

    String spec() {
        return spec;
    }

    /** The bare first item (a path or a size), or null. */
    String positional() {
        return positional;
    }

    boolean has(String key) {
        return values.containsKey(key);
    }

    String string(String key) {
        String v = values.get(key);
        if (v == null) {
            throw fail("missing required key '" + key + "'");
        }
        if (v.isEmpty()) {
            throw fail("key '" + key + "' has an empty value");
        }
        return v;
    }

    String string(String key, String fallback) {
        return has(key) ? string(key) : fallback;
    }

    /** A required integer &gt; 0. */
    int positiveInt(String key) {
        return positiveInt(key, string(key));
    }

    int positiveInt(String key, int fallback) {
        return has(key) ? positiveInt(key) : fallback;
    }

    int positiveInt(String key, String text) {
        try {
            int v = Integer.parseInt(text.trim());
            if (v > 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw fail(key + " must be a positive integer, got '" + text + "'");
    }

    /** A required 64-bit seed (any integer). */
    long seed() {
        String v = string("seed");
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw fail("seed must be an integer, got '" + v + "'");
        }
    }

    /** A finite number &ge; 0 (or &gt; 0 when {@code strict}). */
    double nonNegative(String key, double fallback, boolean strict) {
        if (!has(key)) {
            return fallback;
        }
        String v = string(key);
        double x;
        try {
            x = Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw fail(key + " must be a number, got '" + v + "'");
        }
        if (!Double.isFinite(x) || x < 0 || (strict && x == 0)) {
            throw fail(key + " must be a finite number " + (strict ? "> 0" : ">= 0") + ", got '" + v + "'");
        }
        return x;
    }
}
