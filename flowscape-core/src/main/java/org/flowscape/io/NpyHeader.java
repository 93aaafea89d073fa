package org.flowscape.io;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parsed header dict of a {@code .npy} file, e.g. {@code {'descr': '<f8', 'fortran_order': False, 'shape': (3,
 * 4), }}. The dict is a Python literal; this small parser accepts exactly the literals NumPy writes (strings, True,
 * False, integers, tuples) and rejects everything else with one line naming the file. Written here because no
 * maintained Java library reads {@code .npy} without pulling in a large dependency.
 *
 * @param dtype   the element type, e.g. {@code f8}
 * @param order   the byte order of multi-byte elements
 * @param fortran whether the data is in column-major (Fortran) order
 * @param shape   the dimensions, each in [0, 2³¹)
 */
record NpyHeader(NpyDtype dtype, ByteOrder order, boolean fortran, int[] shape) {

    /**
     * Parses the dict text; {@code where} names the file in messages.
     *
     * @throws FormatException for anything but a dict of exactly descr, fortran_order and shape with a supported
     *                         dtype and dimensions in [0, 2³¹)
     */
    static NpyHeader parse(String text, String where) throws FormatException {
        try {
            return parseUnchecked(text, where);
        } catch (IllegalArgumentException e) {
            throw new FormatException(e.getMessage());
        }
    }

    private static NpyHeader parseUnchecked(String text, String where) {
        Map<String, Object> dict = new Parser(text, where).dict();
        for (String key : dict.keySet()) {
            if (!key.equals("descr") && !key.equals("fortran_order") && !key.equals("shape")) {
                throw new IllegalArgumentException(where + ": npy header has unexpected key '" + key
                        + "'; expected exactly descr, fortran_order and shape");
            }
        }
        if (!(dict.get("descr") instanceof String descr)) {
            throw new IllegalArgumentException(where + ": npy header needs 'descr' as a string such as '<f8' "
                    + "(structured dtypes are not supported); save a plain numeric array");
        }
        if (!(dict.get("fortran_order") instanceof Boolean fortran)) {
            throw new IllegalArgumentException(where + ": npy header needs 'fortran_order' as True or False");
        }
        if (!(dict.get("shape") instanceof List<?> dims)) {
            throw new IllegalArgumentException(where + ": npy header needs 'shape' as a tuple of integers");
        }
        int[] shape = new int[dims.size()];
        for (int i = 0; i < shape.length; i++) {
            if (!(dims.get(i) instanceof String s)) {
                throw new IllegalArgumentException(where + ": npy shape entries must be integers");
            }
            shape[i] = dimension(s, where);
        }
        char bo = descr.isEmpty() ? '?' : descr.charAt(0);
        NpyDtype dtype = NpyDtype.of(descr, where);
        ByteOrder order = switch (bo) {
            case '>' -> ByteOrder.BIG_ENDIAN;
            case '=' -> ByteOrder.nativeOrder();
            default -> ByteOrder.LITTLE_ENDIAN;
        };
        return new NpyHeader(dtype, order, fortran, shape);
    }

    private static int dimension(String s, String where) {
        String t = s.endsWith("L") ? s.substring(0, s.length() - 1) : s;
        long v;
        try {
            v = Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": npy shape entry " + s + " is not a valid dimension "
                    + "(too large); the file is corrupt or not an npy file");
        }
        if (v < 0 || v > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(where + ": npy shape entry " + s + " is "
                    + (v < 0 ? "negative" : "too large") + "; the file is corrupt");
        }
        return (int) v;
    }

    /** Recursive-descent parser for the dict literal. */
    private static final class Parser {
        private final String s;
        private final String where;
        private int pos;

        Parser(String s, String where) {
            this.s = s;
            this.where = where;
        }

        Map<String, Object> dict() {
            expect('{');
            Map<String, Object> out = new LinkedHashMap<>();
            while (peek() != '}') {
                Object key = value();
                if (!(key instanceof String k) || !isQuotedKey()) {
                    throw bad("dict keys must be strings");
                }
                expect(':');
                if (out.put(k, value()) != null) {
                    throw bad("key '" + k + "' appears twice");
                }
                if (peek() == ',') {
                    pos++;
                } else if (peek() != '}') {
                    throw bad("expected ',' or '}'");
                }
            }
            pos++;
            if (peek() != 0) {
                throw bad("text after the closing '}'");
            }
            return out;
        }

        private boolean lastWasQuoted;

        private boolean isQuotedKey() {
            return lastWasQuoted;
        }

        /** A string (String, quoted), True/False (Boolean), an integer (String, unquoted) or a tuple (List). */
        private Object value() {
            char c = peek();
            lastWasQuoted = false;
            if (c == '\'' || c == '"') {
                int end = s.indexOf(c, pos + 1);
                if (end < 0) {
                    throw bad("unterminated string");
                }
                String v = s.substring(pos + 1, end);
                pos = end + 1;
                lastWasQuoted = true;
                return v;
            }
            if (c == '(') {
                return tuple();
            }
            int start = pos;
            while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '-'
                    || s.charAt(pos) == '+')) {
                pos++;
            }
            String word = s.substring(start, pos);
            if (word.equals("True") || word.equals("False")) {
                return word.equals("True");
            }
            if (word.matches("[+-]?[0-9]+L?")) {
                return word;
            }
            throw bad(word.isEmpty() ? "unexpected '" + c + "'" : "unexpected '" + word + "'");
        }

        private List<Object> tuple() {
            expect('(');
            List<Object> out = new ArrayList<>();
            while (peek() != ')') {
                if (peek() == '(') {
                    throw bad("tuple entries must be integers, not tuples");
                }
                Object v = value();
                if (!(v instanceof String) || lastWasQuoted) {
                    throw bad("tuple entries must be integers");
                }
                out.add(v);
                if (peek() == ',') {
                    pos++;
                } else if (peek() != ')') {
                    throw bad("expected ',' or ')' in a tuple");
                }
            }
            pos++;
            return out;
        }

        private void expect(char c) {
            if (peek() != c) {
                throw bad("expected '" + c + "'");
            }
            pos++;
        }

        /** The next non-blank character (0 at the end), without consuming it. */
        private char peek() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
            return pos < s.length() ? s.charAt(pos) : 0;
        }

        private IllegalArgumentException bad(String problem) {
            return new IllegalArgumentException(where + ": cannot parse the npy header dict (" + problem
                    + " at character " + pos + "); the file is corrupt or not an npy file");
        }
    }
}
