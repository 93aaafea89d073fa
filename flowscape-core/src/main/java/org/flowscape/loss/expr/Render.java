package org.flowscape.loss.expr;

/** Infix rendering helper: parenthesizes a subtree that binds less tightly than its position needs. */
final class Render {
    private Render() {
    }

    /** The child's text, in parentheses when its precedence is below {@code minimum}. */
    static String wrap(Expr child, int minimum) {
        String t = child.text();
        return child.precedence() < minimum ? "(" + t + ")" : t;
    }
}
