package org.flowscape.census.homotopy;

import org.flowscape.loss.expr.PolynomialFold;

/**
 * A closed-form model {@code fn:EXPR} in p1 … pN as an exact polynomial loss, for the homotopy census. The expression
 * tree is folded into the polynomial ring ({@link PolynomialFold#foldModel}); a non-polynomial expression is refused
 * with a one-line message naming the offending subexpression.
 */
public final class ExpressionPolynomials {
    private ExpressionPolynomials() {
    }

    /**
     * The polynomial of {@code expression} (the text after {@code fn:}) in {@code n} variables.
     *
     * @param n the number of parameters N (the largest K of the pK used)
     * @throws IllegalArgumentException when the expression is malformed or not a polynomial
     */
    public static PolynomialLoss of(String expression, int n) {
        Polynomial p = PolynomialFold.foldModel(expression, new PolynomialFold.Ring<>() {
            @Override
            public Polynomial constant(double c) {
                return Polynomial.constant(n, c);
            }

            @Override
            public Polynomial variable(int index) {
                return Polynomial.variable(n, index);
            }

            @Override
            public Polynomial add(Polynomial a, Polynomial b) {
                return a.plus(b);
            }

            @Override
            public Polynomial multiply(Polynomial a, Polynomial b) {
                return a.times(b);
            }
        });
        return new PolynomialLoss(p, "fn:" + expression.strip());
    }
}
