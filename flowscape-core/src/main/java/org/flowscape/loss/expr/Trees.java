package org.flowscape.loss.expr;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Whole-tree queries done with an explicit stack, not recursion, so they are safe on trees of any depth and run
 * before anything recursive (differentiation, evaluation) touches an untrusted tree. Shared subtrees are visited once.
 */
final class Trees {
    private Trees() {
    }

    /** The number of nodes on the longest root-to-leaf path (a leaf has depth 1). */
    static int depth(Expr root) {
        Map<Expr, Integer> done = new IdentityHashMap<>();
        Deque<Expr> stack = new ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            Expr e = stack.peek();
            if (done.containsKey(e)) {
                stack.pop();
                continue;
            }
            int deepest = 0;
            boolean ready = true;
            for (Expr child : e.children()) {
                Integer d = done.get(child);
                if (d == null) {
                    stack.push(child);
                    ready = false;
                } else {
                    deepest = Math.max(deepest, d);
                }
            }
            if (ready) {
                stack.pop();
                done.put(e, deepest + 1);
            }
        }
        return done.get(root);
    }

    /** True when some node of the tree satisfies {@code test}. */
    static boolean any(Expr root, Predicate<Expr> test) {
        Set<Expr> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Expr> stack = new ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            Expr e = stack.pop();
            if (!seen.add(e)) {
                continue;
            }
            if (test.test(e)) {
                return true;
            }
            for (Expr child : e.children()) {
                stack.push(child);
            }
        }
        return false;
    }

    /** True when the tree reads the prediction x. */
    static boolean readsX(Expr root) {
        return any(root, e -> e instanceof Expr.Var v && v.isX());
    }

    /** True when the tree holds a constant that is ±Infinity or NaN. */
    static boolean hasNonFiniteConstant(Expr root) {
        return any(root, e -> e instanceof Expr.Const c && !Double.isFinite(c.value()));
    }
}
