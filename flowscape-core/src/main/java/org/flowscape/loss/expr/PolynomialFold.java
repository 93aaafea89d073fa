package org.flowscape.loss.expr;

import java.util.Objects;

/**
 * Folds a cost expression (in x and y) or a closed-form model (in p1 … pN) into any commutative ring, for callers that
 * need an expression as an exact polynomial (the homotopy census in {@code org.flowscape.census.homotopy}). Sums,
 * differences, products, negation, integer powers ≥ 0 of any subtree, division by a constant and subtrees without
 * variables (folded to their value) are accepted; anything else (division by a variable, log, exp, a non-integer or negative power …) is refused with a
 * one-line message naming the node, because the expression is then not a polynomial.
 */
public final class PolynomialFold {
    private PolynomialFold() {
    }

    /**
     * A commutative ring with indexed variables: x = 0 and y = 1 in a cost expression, pK = K − 1 in a model.
     *
     * @param <T> the ring's element type
     */
    public interface Ring<T> {
        /** The constant c. */
        T constant(double c);

        /** The variable of the given index. */
        T variable(int index);

        /** a + b. */
        T add(T a, T b);

        /** a · b. */
        T multiply(T a, T b);
    }

    /**
     * Parses {@code expression} (the cost grammar) and folds it into {@code ring}.
     *
     * @throws IllegalArgumentException when the text does not parse, or is not a polynomial in x and y
     */
    public static <T> T fold(String expression, Ring<T> ring) {
        String text = Objects.requireNonNull(expression, "expression").strip();
        return fold(text, Parser.parse(text), ring);
    }

    /**
     * Parses a closed-form model's expression in p1 … pN (the text after {@code fn:}) and folds it, pK as variable
     * K − 1.
     *
     * @throws IllegalArgumentException when the text does not parse, or is not a polynomial in the parameters
     */
    public static <T> T foldModel(String expression, Ring<T> ring) {
        String text = Objects.requireNonNull(expression, "expression").strip();
        return fold(text, Parser.parse(text, true), ring);
    }

    private static <T> T fold(String text, Expr e, Ring<T> ring) {
        if (!Trees.any(e, node -> node instanceof Expr.Var)) {
            double v = e.eval(0, 0);
            if (!Double.isFinite(v)) {
                throw refuse(text, e, "a constant part evaluates to " + v);
            }
            return ring.constant(v);
        }
        if (e instanceof Expr.Var v) {
            return ring.variable(v.index());
        }
        if (e instanceof Expr.Neg n) {
            return ring.multiply(ring.constant(-1), fold(text, n.arg(), ring));
        }
        if (e instanceof Expr.Add a) {
            return ring.add(fold(text, a.left(), ring), fold(text, a.right(), ring));
        }
        if (e instanceof Expr.Sub s) {
            return ring.add(fold(text, s.left(), ring), ring.multiply(ring.constant(-1), fold(text, s.right(), ring)));
        }
        if (e instanceof Expr.Mul m) {
            return ring.multiply(fold(text, m.left(), ring), fold(text, m.right(), ring));
        }
        if (e instanceof Expr.Div d && !Trees.any(d.right(), node -> node instanceof Expr.Var)) {
            double c = d.right().eval(0, 0);
            if (c == 0 || !Double.isFinite(c)) {
                throw refuse(text, e, "it divides by the constant " + c);
            }
            return ring.multiply(fold(text, d.left(), ring), ring.constant(1 / c));
        }
        if (e instanceof Expr.IntPow p && p.exponent() >= 0) {
            return power(fold(text, p.base(), ring), p.exponent(), ring);
        }
        if (e instanceof Expr.Pow p && p.exponent() instanceof Expr.Const c && c.value() >= 0
                && c.value() == Math.rint(c.value()) && c.value() <= Integer.MAX_VALUE) {
            return power(fold(text, p.base(), ring), (int) c.value(), ring);
        }
        throw refuse(text, e, "it is not a polynomial operation");
    }

    private static <T> T power(T base, int k, Ring<T> ring) {
        T result = ring.constant(1);
        for (int i = 0; i < k; i++) {
            result = ring.multiply(result, base);
        }
        return result;
    }

    private static IllegalArgumentException refuse(String text, Expr node, String why) {
        return new IllegalArgumentException("expression '" + text + "' is not a polynomial: '" + node.text() + "' ("
                + why + "); the homotopy census needs sums, products, integer powers >= 0 and division by constants "
                + "only");
    }
}
