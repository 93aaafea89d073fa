package org.flowscape.loss.expr;

import org.flowscape.loss.expr.Expr.Add;
import org.flowscape.loss.expr.Expr.Call;
import org.flowscape.loss.expr.Expr.Const;
import org.flowscape.loss.expr.Expr.Div;
import org.flowscape.loss.expr.Expr.IntPow;
import org.flowscape.loss.expr.Expr.Mul;
import org.flowscape.loss.expr.Expr.Neg;
import org.flowscape.loss.expr.Expr.Pow;
import org.flowscape.loss.expr.Expr.Sub;
import org.flowscape.loss.expr.Expr.Var;

/**
 * Evaluation of a tree at a point of any number of variables (variable k reads {@code point[k]}), with the same
 * arithmetic as {@link Expr#eval(double, double)} node for node. One recursion per level; shared subtrees are
 * re-evaluated. Thread-safe (stateless).
 */
final class Evaluate {
    private Evaluate() {
    }

    /** The value of {@code e} at {@code point} (read only); NaN outside the domain, ±Infinity on overflow. */
    static double at(Expr e, double[] point) {
        if (e instanceof Const c) {
            return c.value();
        }
        if (e instanceof Var v) {
            return point[v.index()];
        }
        if (e instanceof Neg n) {
            return -at(n.arg(), point);
        }
        if (e instanceof Add a) {
            return at(a.left(), point) + at(a.right(), point);
        }
        if (e instanceof Sub s) {
            return at(s.left(), point) - at(s.right(), point);
        }
        if (e instanceof Mul m) {
            return at(m.left(), point) * at(m.right(), point);
        }
        if (e instanceof Div d) {
            return at(d.left(), point) / at(d.right(), point);
        }
        if (e instanceof IntPow p) {
            return IntPow.power(at(p.base(), point), p.exponent());
        }
        if (e instanceof Pow p) {
            double a = at(p.base(), point);
            if (p.exponent() instanceof Const c) {
                return Math.pow(a, c.value());
            }
            return Math.exp(at(p.exponent(), point) * Math.log(a));
        }
        Call call = (Call) e;
        return call.function().apply(at(call.arg(), point));
    }
}
