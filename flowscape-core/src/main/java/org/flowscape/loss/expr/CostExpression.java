package org.flowscape.loss.expr;

import java.util.Objects;
import org.flowscape.loss.ScalarCost;

/**
 * A user-written entrywise cost c(x, y) in the prediction x and the target y, e.g. {@code log(cosh(x-y))} or
 * {@code (x^2-1)^2+0.1*x}, with exact first and second derivatives in x. The text is parsed once by our own
 * recursive-descent {@link Parser} (no scripting engine: a cost string never reaches the JVM); ∂c/∂x and ∂²c/∂x² are
 * differentiated symbolically at parse time and simplified, and each method walks its tree directly: no finite
 * differences anywhere.
 *
 * <p>Domain: the cost is evaluated as written, so log or sqrt of a negative number gives NaN and overflow gives
 * ±Infinity at evaluation time; callers of the objective report non-finite values. Integer powers work for negative
 * bases ({@code x^2} at x &lt; 0); a non-integer or variable exponent of a negative base is NaN.
 *
 * <p>Cost: one tree walk per call, proportional to the size of the (derivative) tree; shared subtrees are
 * re-evaluated, which matters only for deeply nested compositions. Immutable and thread-safe.
 */
public final class CostExpression implements ScalarCost {
    /** The longest expression accepted, in characters. */
    public static final int MAX_LENGTH = 10_000;
    /** The deepest expression tree accepted (levels of nested operations): keeps evaluation off the stack limit. */
    public static final int MAX_DEPTH = 1_000;

    private final String spec;
    private final Expr value;
    private final Expr first;
    private final Expr second;

    private CostExpression(String spec, Expr value, Expr first, Expr second) {
        this.spec = spec;
        this.value = value;
        this.first = first;
        this.second = second;
    }

    /**
     * Parses a cost expression in x (prediction) and y (target) and differentiates it twice in x.
     *
     * @param expression the text, e.g. {@code log(cosh(x-y))}; surrounding whitespace is ignored
     * @throws IllegalArgumentException with a one-line message naming the problem, its column and the fix when the
     *         text is empty, too long, malformed, uses a name other than x, y, pi, e and the analytic functions, or
     *         does not depend on x
     */
    public static CostExpression parse(String expression) {
        String text = Objects.requireNonNull(expression, "expression").strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("cost expression is empty; write a cost in x (prediction) and y "
                    + "(target) after 'cost:', e.g. cost:log(cosh(x-y))");
        }
        if (text.length() > MAX_LENGTH) {
            throw Parser.error(text, "the expression is " + text.length() + " characters long, over the limit of "
                    + MAX_LENGTH + "; write a shorter expression");
        }
        Expr value = Parser.parse(text);
        if (!Trees.readsX(value)) {
            throw Parser.error(text, "the cost does not depend on x, the prediction, so its gradient is zero and it "
                    + "cannot drive training; write a cost in x and y, e.g. 0.5*(x-y)^2");
        }
        checkDepth(text, value, "the expression");
        Expr first = value.derivative();
        if (first instanceof Expr.Const c && c.is(0)) {
            throw Parser.error(text, "the derivative in x simplifies to 0 (x cancels out), so the cost cannot drive "
                    + "training; write a cost that depends on x, e.g. 0.5*(x-y)^2");
        }
        checkDepth(text, first, "its derivative");
        Expr second = first.derivative();
        checkDepth(text, second, "its second derivative");
        if (Trees.hasNonFiniteConstant(first) || Trees.hasNonFiniteConstant(second)) {
            throw Parser.error(text, "a derivative has a non-finite constant (a constant part outside the "
                    + "domain of log, sqrt or a power after simplification); fix the constants");
        }
        return new CostExpression(text, value, first, second);
    }

    private static void checkDepth(String text, Expr tree, String what) {
        int depth = Trees.depth(tree);
        if (depth > MAX_DEPTH) {
            throw Parser.error(text, what + " nests " + depth + " operations deep, over the limit of " + MAX_DEPTH
                    + "; simplify the expression");
        }
    }

    /** The expression as written, trimmed (so {@code cost:log(cosh(x-y))} round-trips). */
    @Override
    public String spec() {
        return spec;
    }

    @Override
    public double value(double x, double y) {
        return value.eval(x, y);
    }

    @Override
    public double derivative(double x, double y) {
        return first.eval(x, y);
    }

    @Override
    public double secondDerivative(double x, double y) {
        return second.eval(x, y);
    }

    /** The simplified cost tree as infix text, e.g. {@code log(cosh(x-y))}. */
    public String valueText() {
        return value.text();
    }

    /** ∂c/∂x as infix text, e.g. {@code tanh(x-y)} for {@code log(cosh(x-y))}. */
    public String derivativeText() {
        return first.text();
    }

    /** ∂²c/∂x² as infix text, e.g. {@code 1-tanh(x-y)^2} for {@code log(cosh(x-y))}. */
    public String secondDerivativeText() {
        return second.text();
    }

    Expr valueTree() {
        return value;
    }

    Expr derivativeTree() {
        return first;
    }

    Expr secondDerivativeTree() {
        return second;
    }

    @Override
    public String toString() {
        return spec;
    }
}
