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

/**
 * Smart constructors: every tree node is built here, with light simplification. Rules: constant folding; a+0 = a,
 * a−0 = a, 0−a = −a, a+(−b) = a−b, a−(−b) = a+b; 0·a = 0, 1·a = a, (−1)·a = −a, constants move left and merge
 * (c·(d·a) = (cd)·a), signs move out of products (a·(−b) = −(a·b)); 0/a = 0, a/1 = a, sinh u / cosh u = tanh u;
 * −(−a) = a; a^0 = 1, a^1 = a, constant integer exponents become {@link IntPow}. All rules except 0·a = 0 and 0/a = 0
 * keep the value bit for bit (sign and constant moves are exact in IEEE arithmetic except for the merge of two
 * constants); those two drop NaN where a is NaN, so a removed subtree cannot poison a derivative.
 */
final class Simplify {
    private Simplify() {
    }

    static Expr add(Expr a, Expr b) {
        if (a instanceof Const p && b instanceof Const q) {
            return new Const(p.value() + q.value());
        }
        if (isZero(a)) {
            return b;
        }
        if (isZero(b)) {
            return a;
        }
        if (b instanceof Neg n) {
            return sub(a, n.arg());
        }
        return new Add(a, b);
    }

    static Expr sub(Expr a, Expr b) {
        if (a instanceof Const p && b instanceof Const q) {
            return new Const(p.value() - q.value());
        }
        if (isZero(b)) {
            return a;
        }
        if (isZero(a)) {
            return neg(b);
        }
        if (b instanceof Neg n) {
            return add(a, n.arg());
        }
        return new Sub(a, b);
    }

    static Expr mul(Expr a, Expr b) {
        if (a instanceof Const p && b instanceof Const q) {
            return new Const(p.value() * q.value());
        }
        if (b instanceof Const) {
            return mul(b, a);
        }
        if (a instanceof Neg n) {
            return neg(mul(n.arg(), b));
        }
        if (b instanceof Neg n) {
            return neg(mul(a, n.arg()));
        }
        if (a instanceof Const c) {
            return scale(c.value(), b);
        }
        return new Mul(a, b);
    }

    /** c·b for a constant c and a non-constant b. */
    private static Expr scale(double c, Expr b) {
        if (c == 0) {
            return Const.ZERO;
        }
        if (c == 1) {
            return b;
        }
        if (c == -1) {
            return neg(b);
        }
        if (b instanceof Mul m && m.left() instanceof Const d) {
            return mul(new Const(c * d.value()), m.right());
        }
        return new Mul(new Const(c), b);
    }

    static Expr div(Expr a, Expr b) {
        if (a instanceof Const p && b instanceof Const q) {
            return new Const(p.value() / q.value());
        }
        if (isZero(a)) {
            return Const.ZERO;
        }
        if (b instanceof Const q && q.is(1)) {
            return a;
        }
        if (a instanceof Call s && b instanceof Call c && s.function() == Fn.SINH && c.function() == Fn.COSH
                && s.arg().equals(c.arg())) {
            return call(Fn.TANH, s.arg());
        }
        return new Div(a, b);
    }

    static Expr neg(Expr a) {
        if (a instanceof Const c) {
            return new Const(-c.value());
        }
        if (a instanceof Neg n) {
            return n.arg();
        }
        return new Neg(a);
    }

    /** a^b: an {@link IntPow} when b is a constant integer that fits an int, a {@link Pow} otherwise. */
    static Expr pow(Expr a, Expr b) {
        if (b instanceof Const c && c.value() == Math.rint(c.value()) && Math.abs(c.value()) <= Integer.MAX_VALUE - 1) {
            return intPow(a, (int) c.value());
        }
        if (a instanceof Const p && b instanceof Const q) {
            return new Const(Math.pow(p.value(), q.value()));
        }
        return new Pow(a, b);
    }

    static Expr intPow(Expr a, int n) {
        if (n == 0) {
            return Const.ONE;
        }
        if (n == 1) {
            return a;
        }
        if (a instanceof Const c) {
            return new Const(IntPow.power(c.value(), n));
        }
        return new IntPow(a, n);
    }

    static Expr call(Fn f, Expr a) {
        if (a instanceof Const c) {
            return new Const(f.apply(c.value()));
        }
        return new Call(f, a);
    }

    private static boolean isZero(Expr e) {
        return e instanceof Const c && c.is(0);
    }
}
