package org.flowscape.loss.expr;

import org.flowscape.loss.ScalarCost;

/**
 * PLACEHOLDER until the expression parser lands: rejects every expression with a clear message.
 */
public final class CostExpression {
    private CostExpression() {
    }

    /** Parses a cost expression in x and y. */
    public static ScalarCost parse(String expression) {
        throw new IllegalArgumentException("cost expressions are not supported yet: " + expression);
    }
}
