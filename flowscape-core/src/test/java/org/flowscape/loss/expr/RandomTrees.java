package org.flowscape.loss.expr;

import java.util.SplittableRandom;

/** Seeded random expression trees for property tests, built through {@link Simplify} as the parser builds them. */
final class RandomTrees {
    private RandomTrees() {
    }

    /** A tree of at most {@code depth} levels over x, y, small constants, all operators and all functions. */
    static Expr tree(SplittableRandom r, int depth) {
        if (depth <= 1 || r.nextInt(4) == 0) {
            return leaf(r);
        }
        Expr a = tree(r, depth - 1);
        return switch (r.nextInt(9)) {
            case 0 -> Simplify.add(a, tree(r, depth - 1));
            case 1 -> Simplify.sub(a, tree(r, depth - 1));
            case 2 -> Simplify.mul(a, tree(r, depth - 1));
            case 3 -> Simplify.div(a, tree(r, depth - 1));
            case 4 -> Simplify.neg(a);
            case 5 -> Simplify.intPow(a, r.nextInt(-3, 5));
            case 6 -> Simplify.pow(a, new Expr.Const(0.5 + r.nextInt(3)));
            case 7 -> Simplify.pow(a, tree(r, depth - 1));
            default -> Simplify.call(Fn.values()[r.nextInt(Fn.values().length)], a);
        };
    }

    /**
     * True unless {@link CostExpression#parse} must reject the tree: no x, a derivative that simplifies to 0, or a
     * constant base ≤ 0 under a variable exponent.
     */
    static boolean acceptable(Expr tree) {
        if (!Trees.readsX(tree) || tree.derivative() instanceof Expr.Const c && c.is(0)) {
            return false;
        }
        return !Trees.any(tree, e -> e instanceof Expr.Pow p && p.base() instanceof Expr.Const c && c.value() <= 0
                && !(p.exponent() instanceof Expr.Const));
    }

    private static Expr leaf(SplittableRandom r) {
        return switch (r.nextInt(3)) {
            case 0 -> Expr.Var.X;
            case 1 -> Expr.Var.Y;
            default -> new Expr.Const(0.25 * (1 + r.nextInt(8)));
        };
    }
}
