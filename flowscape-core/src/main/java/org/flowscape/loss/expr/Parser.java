package org.flowscape.loss.expr;

import java.util.Map;
import java.util.Set;
import org.flowscape.loss.expr.Expr.Const;
import org.flowscape.loss.expr.Expr.Var;

/**
 * Recursive-descent parser for cost expressions; our own, because the grammar is tiny and a cost string must never
 * reach a scripting engine. Grammar (whitespace between tokens is ignored):
 *
 * <pre>
 * expr    := term (('+' | '-') term)*            left-associative
 * term    := unary (('*' | '/') unary)*          left-associative
 * unary   := ('-' | '+') unary | power           so -x^2 = -(x^2)
 * power   := primary ('^' unary)?                right-associative: 2^3^2 = 2^(3^2); x^-1 allowed
 * primary := number | 'x' | 'y' | 'pi' | 'e' | function '(' expr ')' | '(' expr ')'
 * number  := digits ['.' digits] | '.' digits, then optionally ('e' | 'E') ['+' | '-'] digits
 * </pre>
 *
 * Nodes are built through {@link Simplify}, so constant parts fold at parse time; a constant part that is not finite
 * (1/0, log(0), 1e999) is rejected where it appears. Every error is an {@link IllegalArgumentException} whose one-line
 * message quotes the expression, names the problem, gives its 1-based column and the fix. Recursion is bounded by
 * {@link #MAX_NESTING}; long flat chains (x+x+...+x) are loops, not recursion.
 */
final class Parser {
    /**
     * Most nested parentheses, calls, signs and exponents the parser accepts. It bounds the recursion: about eight
     * frames per level; 250 nested calls parsed in a 512 KiB stack in a standalone JVM, interpreted (-Xint) and
     * compiled, and the tests check 250 levels on a 1 MiB stack (the JVM default) after warm-up.
     */
    static final int MAX_NESTING = 250;

    private static final String NAMES = "the variables x (prediction) and y (target), the constants pi and e, and "
            + "the functions " + Fn.NAMES;
    private static final String PARAMETER_NAMES = "the parameters p1, p2, ..., the constants pi and e, and the "
            + "functions " + Fn.NAMES;
    private static final Set<String> NOT_ANALYTIC = Set.of("abs", "max", "min", "relu", "sign", "sgn", "signum",
            "floor", "ceil", "round", "rint", "trunc", "step", "heaviside", "hinge", "clip", "clamp", "mod", "fmod");
    private static final Map<String, String> ALIASES = Map.of("ln", "log", "logistic", "sigmoid", "expit", "sigmoid",
            "sqr", "u^2", "pow", "u^v");

    /** The most parameters p1 … pN a closed-form model may have. */
    static final int MAX_PARAMETERS = 10_000;

    private static final Map<String, Var> COST_VARIABLES = Map.of("x", Var.X, "y", Var.Y);

    private final String text;
    private static final String COST = "cost expression '";
    private static final String MODEL = "model 'fn:";

    private final boolean parameters;
    private final String prefix;
    private final Map<String, Var> variables;
    private int pos;
    private int nesting;

    private Parser(String text, boolean parameters) {
        this.text = text;
        this.parameters = parameters;
        this.prefix = parameters ? MODEL : COST;
        this.variables = parameters ? parameters(text) : COST_VARIABLES;
    }

    /** Parses a non-empty, trimmed cost expression in x and y into a simplified tree. */
    static Expr parse(String text) {
        return parse(text, false);
    }

    /**
     * Parses a non-empty, trimmed expression into a simplified tree: a cost in x and y, or, when {@code parameters},
     * a closed-form model in p1 … pN (then x and y are unknown names).
     */
    static Expr parse(String text, boolean parameters) {
        Parser p = new Parser(text, parameters);
        Expr e = p.expr();
        p.skipSpace();
        if (p.pos < text.length()) {
            p.trailing();
        }
        return e;
    }

    /** A one-line error: the quoted expression, then the problem with its column and fix. */
    static IllegalArgumentException error(String text, String problem) {
        return error(COST, text, problem);
    }

    /** A one-line error about a closed-form model {@code fn:EXPR}. */
    static IllegalArgumentException modelError(String text, String problem) {
        return error(MODEL, text, problem);
    }

    private static IllegalArgumentException error(String prefix, String text, String problem) {
        return new IllegalArgumentException(prefix + quote(text) + "': " + problem);
    }

    /** The expression as it appears in messages: one line, at most 80 characters. */
    static String quote(String text) {
        String flat = text.replaceAll("\\s", " ");
        return flat.length() <= 80 ? flat : flat.substring(0, 77) + "...";
    }

    private IllegalArgumentException fail(String problem) {
        return error(prefix, text, problem);
    }

    private int column() {
        return pos + 1;
    }

    private Expr expr() {
        Expr e = term();
        while (true) {
            skipSpace();
            char c = peek();
            if (c != '+' && c != '-') {
                return e;
            }
            int at = column();
            pos++;
            Expr r = term();
            e = finite(c == '+' ? Simplify.add(e, r) : Simplify.sub(e, r), at, "'" + c + "'");
        }
    }

    private Expr term() {
        Expr e = unary();
        while (true) {
            skipSpace();
            char c = peek();
            if (c != '*' && c != '/') {
                return e;
            }
            int at = column();
            pos++;
            Expr r = unary();
            if (c == '/' && r instanceof Const q && q.is(0)) {
                throw fail("division by zero at column " + at + "; divide by a non-zero number");
            }
            e = finite(c == '*' ? Simplify.mul(e, r) : Simplify.div(e, r), at, "'" + c + "'");
        }
    }

    private Expr unary() {
        skipSpace();
        char c = peek();
        if (c != '-' && c != '+') {
            return power();
        }
        pos++;
        enter();
        Expr a = unary();
        nesting--;
        return c == '-' ? Simplify.neg(a) : a;
    }

    private Expr power() {
        Expr base = primary();
        skipSpace();
        if (peek() != '^') {
            return base;
        }
        int at = column();
        pos++;
        enter();
        Expr exponent = unary();
        nesting--;
        if (base instanceof Const c && c.value() <= 0 && !(exponent instanceof Const)) {
            throw fail("the constant base " + c.text() + " of '^' at column " + at + " has a variable exponent, "
                    + "which is undefined (or not differentiable) for real numbers; use a positive base, e.g. "
                    + "exp(u*log(2)) for 2^u");
        }
        return finite(Simplify.pow(base, exponent), at, "'^'");
    }

    private Expr primary() {
        skipSpace();
        if (pos >= text.length()) {
            throw fail("missing operand at column " + column() + " (end of expression); complete the expression "
                    + "with a number, x, y or a function call");
        }
        char c = text.charAt(pos);
        if (isDigit(c) || c == '.') {
            return number();
        }
        if (isLetter(c)) {
            return name();
        }
        if (c == '(') {
            int open = column();
            pos++;
            enter();
            Expr e = expr();
            closing(open, "'('");
            nesting--;
            return e;
        }
        throw unexpected("expected a number, x, y, pi, e, a function call or '('");
    }

    /** Consumes the ')' that closes the bracket opened at column {@code open}. */
    private void closing(int open, String opener) {
        skipSpace();
        if (pos >= text.length()) {
            throw fail("missing ')' at column " + column() + " to close the " + opener + " at column " + open
                    + "; add ')'");
        }
        if (peek() == ',') {
            throw fail("unexpected ',' at column " + column() + ": functions take exactly one argument");
        }
        if (peek() != ')') {
            throw unexpected("expected ')' to close the " + opener + " at column " + open);
        }
        pos++;
    }

    private Expr number() {
        int start = pos;
        digits();
        if (peek() == '.') {
            pos++;
            digits();
        }
        if (pos - start == 1 && text.charAt(start) == '.') {
            pos = start;
            throw unexpected("a number needs a digit next to its '.', e.g. 0.5 or .5");
        }
        char e = peek();
        if (e == 'e' || e == 'E') {
            int mark = pos;
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            if (isDigit(peek())) {
                digits();
            } else {
                pos = mark;
            }
        }
        String literal = text.substring(start, pos);
        double v = Double.parseDouble(literal);
        if (!Double.isFinite(v)) {
            throw fail("number '" + literal + "' at column " + (start + 1) + " overflows a double; use a smaller "
                    + "number");
        }
        return new Const(v);
    }

    private void digits() {
        while (isDigit(peek())) {
            pos++;
        }
    }

    private Expr name() {
        int start = pos;
        while (isLetter(peek()) || isDigit(peek())) {
            pos++;
        }
        String name = text.substring(start, pos);
        int at = start + 1;
        Fn f = Fn.find(name);
        if (f != null) {
            return call(f, at);
        }
        Expr atom = switch (name) {
            case "pi" -> new Const(Math.PI);
            case "e" -> new Const(Math.E);
            default -> variable(name, at);
        };
        skipSpace();
        if (peek() == '(') {
            throw fail("'" + name + "' at column " + at + " is not a function; write " + name
                    + "*(...) to multiply");
        }
        return atom;
    }

    /** The variable spelled {@code name}, or the unknown-name error. */
    private Expr variable(String name, int at) {
        Var v = variables.get(name);
        if (v == null) {
            throw unknown(name, at);
        }
        return v;
    }

    /**
     * The parameters p1, p2, … that a closed-form model's text names, found by one flat scan before parsing (so the
     * recursive descent is the same code for both modes); x and y are rejected here with their column.
     */
    private static Map<String, Var> parameters(String text) {
        Map<String, Var> out = new java.util.HashMap<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (isDigit(c) || c == '.') {
                i = skipNumber(text, i);
                continue;
            }
            if (!isLetter(c)) {
                i++;
                continue;
            }
            int start = i;
            while (i < text.length() && (isLetter(text.charAt(i)) || isDigit(text.charAt(i)))) {
                i++;
            }
            String name = text.substring(start, i);
            if (name.equals("x") || name.equals("y")) {
                throw modelError(text, "'" + name + "' at column " + (start + 1) + " is not a variable of a "
                        + "closed-form model; its parameters are p1, p2, ..., e.g. fn:(p1^2-1)^2+p2^2");
            }
            if (isParameter(name)) {
                if (name.length() > 6 || Integer.parseInt(name.substring(1)) > MAX_PARAMETERS) {
                    throw modelError(text, "parameter '" + name + "' at column " + (start + 1) + " is beyond p"
                            + MAX_PARAMETERS + ", the most a closed-form model may have; use fewer parameters");
                }
                out.put(name, new Var(Integer.parseInt(name.substring(1)) - 1, name));
            }
        }
        return out;
    }

    /** The index just past a number literal starting at {@code i} (digits, '.', an exponent 'e' with its sign). */
    private static int skipNumber(String text, int i) {
        while (i < text.length() && (isDigit(text.charAt(i)) || text.charAt(i) == '.')) {
            i++;
        }
        if (i < text.length() && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            int j = i + 1;
            if (j < text.length() && (text.charAt(j) == '+' || text.charAt(j) == '-')) {
                j++;
            }
            if (j < text.length() && isDigit(text.charAt(j))) {
                i = j;
                while (i < text.length() && isDigit(text.charAt(i))) {
                    i++;
                }
            }
        }
        return i;
    }

    /** True for p1, p2, …: 'p' then a decimal number without a leading zero. */
    private static boolean isParameter(String name) {
        if (name.length() < 2 || name.charAt(0) != 'p' || name.charAt(1) == '0') {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            if (!isDigit(name.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private Expr call(Fn f, int at) {
        skipSpace();
        if (peek() != '(') {
            throw fail("function '" + f.spelling() + "' at column " + at + " needs its argument in parentheses, "
                    + "e.g. " + f.spelling() + "(x-y)");
        }
        int open = column();
        pos++;
        enter();
        skipSpace();
        if (peek() == ')') {
            throw fail("function '" + f.spelling() + "' at column " + at + " has no argument; write e.g. "
                    + f.spelling() + "(x-y)");
        }
        Expr arg = expr();
        closing(open, "'" + f.spelling() + "('");
        nesting--;
        return finite(Simplify.call(f, arg), at, "'" + f.spelling() + "'");
    }

    private IllegalArgumentException unknown(String name, int at) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        if (NOT_ANALYTIC.contains(lower)) {
            return fail("'" + name + "' at column " + at + " is not analytic (it has a kink or a jump, so the loss "
                    + "Hessian does not exist everywhere); use a smooth surrogate, e.g. sqrt(1+u^2)-1 or log(cosh(u)) "
                    + "for abs(u), softplus(u) for max(u,0)");
        }
        if (!lower.equals(name) && (Fn.find(lower) != null || Set.of("x", "y", "pi", "e").contains(lower)
                || parameters && isParameter(lower))) {
            return fail("unknown name '" + name + "' at column " + at + "; names are lowercase: write '" + lower
                    + "'");
        }
        String hint = ALIASES.containsKey(lower) ? " (for '" + name + "' write '" + ALIASES.get(lower) + "')" : "";
        return fail("unknown name '" + name + "' at column " + at + hint + "; use only "
                + (parameters ? PARAMETER_NAMES : NAMES));
    }

    /** After a complete expression: an unmatched ')' or two operands with no operator between them. */
    private void trailing() {
        if (peek() == ')') {
            throw fail("unmatched ')' at column " + column() + "; remove it or add the '(' it closes");
        }
        throw unexpected("the expression is already complete here; join the parts with an operator (+ - * / ^), "
                + "multiplication is never implicit");
    }

    private IllegalArgumentException unexpected(String expectation) {
        int cp = text.codePointAt(pos);
        String shown = cp < 128 && !Character.isISOControl(cp) ? "'" + (char) cp + "'"
                : String.format("'%s' (U+%04X)", new String(Character.toChars(cp)), cp);
        if (cp >= 128) {
            return fail("unexpected " + shown + " at column " + column() + "; write expressions in ASCII: - for "
                    + "minus, * for times, ^ for powers, names in Latin letters");
        }
        if (peek() == ')') {
            return fail("missing operand before ')' at column " + column() + "; " + expectation);
        }
        return fail("unexpected " + shown + " at column " + column() + "; " + expectation);
    }

    /** Rejects a constant part that folded to ±Infinity or NaN (the operator or call sits at {@code at}). */
    private Expr finite(Expr e, int at, String operation) {
        if (e instanceof Const c && !Double.isFinite(c.value())) {
            throw fail("the constant subexpression at column " + at + " (" + operation + ") evaluates to "
                    + c.value() + " (overflow, or outside the domain of log or sqrt); fix the constants");
        }
        return e;
    }

    private void enter() {
        if (++nesting > MAX_NESTING) {
            throw fail("nesting deeper than " + MAX_NESTING + " levels at column " + column() + "; simplify the "
                    + "expression");
        }
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    /** ASCII digits only: other Unicode digits would reach {@link Double#parseDouble} and fail there. */
    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }
}
