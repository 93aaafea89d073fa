package org.flowscape.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict JSON parser for the small documents of file headers (safetensors): objects (as insertion-ordered maps),
 * arrays (lists), strings, integers (as {@link Long}; other numbers as {@link Double}), true, false and null. Nesting
 * is limited to 32 levels and duplicate keys are rejected. Written here because the core module has no JSON library
 * and a header parser needs no more than this; every failure is a {@link FormatException} naming {@code where}.
 */
final class MiniJson {
    private static final int MAX_DEPTH = 32;
    private static final java.util.regex.Pattern INTEGER = java.util.regex.Pattern.compile("-?(0|[1-9][0-9]*)");
    private static final java.util.regex.Pattern DECIMAL = java.util.regex.Pattern.compile(
            "-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

    private final String s;
    private final String where;
    private int pos;

    private MiniJson(String s, String where) {
        this.s = s;
        this.where = where;
    }

    /** Parses one JSON value that spans the whole text (surrounding blanks allowed). */
    static Object parse(String text, String where) throws FormatException {
        MiniJson p = new MiniJson(text, where);
        Object v = p.value(0);
        p.blanks();
        if (p.pos != p.s.length()) {
            throw p.bad("text after the JSON value");
        }
        return v;
    }

    private Object value(int depth) throws FormatException {
        if (depth > MAX_DEPTH) {
            throw bad("nesting deeper than " + MAX_DEPTH);
        }
        blanks();
        if (pos >= s.length()) {
            throw bad("unexpected end");
        }
        char c = s.charAt(pos);
        return switch (c) {
            case '{' -> object(depth);
            case '[' -> array(depth);
            case '"' -> string();
            case 't' -> word("true", Boolean.TRUE);
            case 'f' -> word("false", Boolean.FALSE);
            case 'n' -> word("null", null);
            default -> number();
        };
    }

    private Map<String, Object> object(int depth) throws FormatException {
        pos++;
        Map<String, Object> out = new LinkedHashMap<>();
        blanks();
        if (peek() == '}') {
            pos++;
            return out;
        }
        while (true) {
            blanks();
            if (peek() != '"') {
                throw bad("expected a string key");
            }
            String key = string();
            blanks();
            expect(':');
            Object v = value(depth + 1);
            if (out.containsKey(key)) {
                throw bad("key \"" + clip(key) + "\" appears twice");
            }
            out.put(key, v);
            blanks();
            if (peek() == ',') {
                pos++;
            } else {
                expect('}');
                return out;
            }
        }
    }

    private List<Object> array(int depth) throws FormatException {
        pos++;
        List<Object> out = new ArrayList<>();
        blanks();
        if (peek() == ']') {
            pos++;
            return out;
        }
        while (true) {
            out.add(value(depth + 1));
            blanks();
            if (peek() == ',') {
                pos++;
            } else {
                expect(']');
                return out;
            }
        }
    }

    private String string() throws FormatException {
        pos++;
        StringBuilder b = new StringBuilder();
        while (true) {
            if (pos >= s.length()) {
                throw bad("unterminated string");
            }
            char c = s.charAt(pos++);
            if (c == '"') {
                return b.toString();
            }
            if (c < 0x20) {
                throw bad("control character in a string");
            }
            if (c != '\\') {
                b.append(c);
                continue;
            }
            if (pos >= s.length()) {
                throw bad("unterminated escape");
            }
            char e = s.charAt(pos++);
            switch (e) {
                case '"', '\\', '/' -> b.append(e);
                case 'b' -> b.append('\b');
                case 'f' -> b.append('\f');
                case 'n' -> b.append('\n');
                case 'r' -> b.append('\r');
                case 't' -> b.append('\t');
                case 'u' -> b.append(unicode());
                default -> throw bad("bad escape \\" + e);
            }
        }
    }

    private char unicode() throws FormatException {
        if (pos + 4 > s.length()) {
            throw bad("short \\u escape");
        }
        int v = 0;
        for (int i = 0; i < 4; i++) {
            int d = Character.digit(s.charAt(pos++), 16);
            if (d < 0) {
                throw bad("bad \\u escape");
            }
            v = v * 16 + d;
        }
        return (char) v;
    }

    private Object number() throws FormatException {
        int start = pos;
        while (pos < s.length() && "+-0123456789.eE".indexOf(s.charAt(pos)) >= 0) {
            pos++;
        }
        String t = s.substring(start, pos);
        if (INTEGER.matcher(t).matches()) {
            try {
                return Long.parseLong(t);
            } catch (NumberFormatException e) {
                throw bad("integer " + clip(t) + " out of range");
            }
        }
        if (DECIMAL.matcher(t).matches()) {
            return Double.parseDouble(t);
        }
        throw bad(t.isEmpty() ? "unexpected character" : "bad number " + clip(t));
    }

    private Object word(String w, Object v) throws FormatException {
        if (!s.startsWith(w, pos)) {
            throw bad("unexpected word");
        }
        pos += w.length();
        return v;
    }

    private void expect(char c) throws FormatException {
        if (peek() != c) {
            throw bad("expected '" + c + "'");
        }
        pos++;
    }

    private char peek() {
        return pos < s.length() ? s.charAt(pos) : 0;
    }

    private void blanks() {
        while (pos < s.length() && (s.charAt(pos) == ' ' || s.charAt(pos) == '\t' || s.charAt(pos) == '\n'
                || s.charAt(pos) == '\r')) {
            pos++;
        }
    }

    private static String clip(String t) {
        String c = t.length() > 40 ? t.substring(0, 40) + "..." : t;
        return c.replaceAll("\\p{Cntrl}", "?");
    }

    private FormatException bad(String problem) {
        return new FormatException(where + ": cannot parse the JSON header (" + problem + " at character " + pos
                + "); the file is corrupt or not of this format");
    }
}
