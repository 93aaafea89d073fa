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
 * Natural interval extension of a tree over a box: an interval [lo, hi] that contains the tree's value at every point
 * of the box. Each arithmetic operation rounds its endpoints outward by one ulp ({@link Math#nextDown}/{@link
 * Math#nextUp}); library functions and powers (specified to within 1–2.5 ulp) are widened by {@link #LIBRARY_ULPS}
 * ulps; monotone functions are evaluated at the endpoints, sin, cos and cosh account for the extrema inside the
 * interval. A subtree that may leave its domain (log or sqrt of a possibly negative argument, division by an interval
 * holding 0) or that overflows encloses to the whole line [−∞, ∞], which callers treat as "nothing proved". Written
 * here because no maintained Java library offers interval arithmetic over our expression trees. Thread-safe
 * (stateless); cost: one recursion per node, shared subtrees re-evaluated.
 */
final class Enclose {
    /** Ulps of widening for library functions and powers. */
    static final int LIBRARY_ULPS = 8;
    private static final double[] WHOLE = {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY};

    private Enclose() {
    }

    /** An enclosure {lo, hi} of {@code e} over the box lo[k] ≤ p_k ≤ hi[k] (both read only). */
    static double[] over(Expr e, double[] lo, double[] hi) {
        double[] r = raw(e, lo, hi);
        return Double.isNaN(r[0]) || Double.isNaN(r[1]) ? WHOLE.clone() : r;
    }

    private static double[] raw(Expr e, double[] lo, double[] hi) {
        if (e instanceof Const c) {
            return new double[] {c.value(), c.value()};
        }
        if (e instanceof Var v) {
            return new double[] {lo[v.index()], hi[v.index()]};
        }
        if (e instanceof Neg n) {
            double[] a = over(n.arg(), lo, hi);
            return new double[] {-a[1], -a[0]};
        }
        if (e instanceof Add s) {
            double[] a = over(s.left(), lo, hi);
            double[] b = over(s.right(), lo, hi);
            return new double[] {Math.nextDown(a[0] + b[0]), Math.nextUp(a[1] + b[1])};
        }
        if (e instanceof Sub s) {
            double[] a = over(s.left(), lo, hi);
            double[] b = over(s.right(), lo, hi);
            return new double[] {Math.nextDown(a[0] - b[1]), Math.nextUp(a[1] - b[0])};
        }
        if (e instanceof Mul m) {
            return mul(over(m.left(), lo, hi), over(m.right(), lo, hi));
        }
        if (e instanceof Div d) {
            return div(over(d.left(), lo, hi), over(d.right(), lo, hi));
        }
        if (e instanceof IntPow p) {
            return intPow(over(p.base(), lo, hi), p.exponent());
        }
        if (e instanceof Pow p) {
            return pow(p, lo, hi);
        }
        Call call = (Call) e;
        return function(call.function(), over(call.arg(), lo, hi));
    }

    static double[] mul(double[] a, double[] b) {
        if (a[0] == 0 && a[1] == 0 || b[0] == 0 && b[1] == 0) {
            return new double[] {0, 0};
        }
        double p1 = a[0] * b[0];
        double p2 = a[0] * b[1];
        double p3 = a[1] * b[0];
        double p4 = a[1] * b[1];
        return new double[] {Math.nextDown(Math.min(Math.min(p1, p2), Math.min(p3, p4))),
            Math.nextUp(Math.max(Math.max(p1, p2), Math.max(p3, p4)))};
    }

    private static double[] div(double[] a, double[] b) {
        if (b[0] <= 0 && b[1] >= 0) {
            return WHOLE.clone();
        }
        double q1 = a[0] / b[0];
        double q2 = a[0] / b[1];
        double q3 = a[1] / b[0];
        double q4 = a[1] / b[1];
        return new double[] {Math.nextDown(Math.min(Math.min(q1, q2), Math.min(q3, q4))),
            Math.nextUp(Math.max(Math.max(q1, q2), Math.max(q3, q4)))};
    }

    /** a^n: monotone on any interval without 0; an even power of an interval holding 0 starts at 0. */
    private static double[] intPow(double[] a, int n) {
        boolean holdsZero = a[0] <= 0 && a[1] >= 0;
        if (holdsZero && n < 0) {
            return WHOLE.clone();
        }
        double u = IntPow.power(a[0], n);
        double v = IntPow.power(a[1], n);
        double top = libUp(Math.max(u, v));
        if (holdsZero && n % 2 == 0) {
            return new double[] {0, top};
        }
        return new double[] {libDown(Math.min(u, v)), top};
    }

    private static double[] pow(Pow p, double[] lo, double[] hi) {
        double[] a = over(p.base(), lo, hi);
        if (a[0] < 0) {
            return WHOLE.clone();
        }
        if (p.exponent() instanceof Const c) {
            double u = Math.pow(a[0], c.value());
            double v = Math.pow(a[1], c.value());
            return new double[] {Math.max(0, libDown(Math.min(u, v))), libUp(Math.max(u, v))};
        }
        double[] b = over(p.exponent(), lo, hi);
        return function(Fn.EXP, mul(b, function(Fn.LOG, a)));
    }

    /** f over [a]: endpoints for monotone functions, extrema inside the interval for sin, cos and cosh. */
    private static double[] function(Fn f, double[] a) {
        return switch (f) {
            case LOG, SQRT -> a[0] < 0 ? WHOLE.clone() : increasing(f, a);
            case EXP, TANH, SINH, SIGMOID, SOFTPLUS -> clamp(f, increasing(f, a));
            case COSH -> a[0] <= 0 && a[1] >= 0
                    ? new double[] {1, libUp(Math.max(f.apply(a[0]), f.apply(a[1])))} : convex(f, a);
            case SIN -> trig(f, a, Math.PI / 2);
            case COS -> trig(f, a, 0);
        };
    }

    private static double[] increasing(Fn f, double[] a) {
        return new double[] {libDown(f.apply(a[0])), libUp(f.apply(a[1]))};
    }

    private static double[] convex(Fn f, double[] a) {
        double u = f.apply(a[0]);
        double v = f.apply(a[1]);
        return new double[] {libDown(Math.min(u, v)), libUp(Math.max(u, v))};
    }

    /** Clips a widened enclosure to the function's range (exp, sigmoid, softplus ≥ 0; tanh, sigmoid ≤ 1). */
    private static double[] clamp(Fn f, double[] r) {
        switch (f) {
            case EXP, SOFTPLUS -> r[0] = Math.max(r[0], 0);
            case SIGMOID -> {
                r[0] = Math.max(r[0], 0);
                r[1] = Math.min(r[1], 1);
            }
            case TANH -> {
                r[0] = Math.max(r[0], -1);
                r[1] = Math.min(r[1], 1);
            }
            default -> {
            }
        }
        return r;
    }

    /**
     * sin or cos over [a]: the endpoint values, widened, and ±1 wherever a maximum (at {@code peak} + 2kπ) or a
     * minimum (at {@code peak} + π + 2kπ) may lie inside (the test is widened by 1e-9 relative, so a rounding of
     * π never hides an extremum).
     */
    private static double[] trig(Fn f, double[] a, double peak) {
        if (!(Double.isFinite(a[0]) && Double.isFinite(a[1])) || a[1] - a[0] >= 2 * Math.PI) {
            return new double[] {-1, 1};
        }
        double u = f.apply(a[0]);
        double v = f.apply(a[1]);
        double lo = Math.max(-1, libDown(Math.min(u, v)));
        double hi = Math.min(1, libUp(Math.max(u, v)));
        if (holdsPoint(a, peak)) {
            hi = 1;
        }
        if (holdsPoint(a, peak + Math.PI)) {
            lo = -1;
        }
        return new double[] {lo, hi};
    }

    /** Whether some x0 + 2kπ may lie in [a] (errs towards true). */
    private static boolean holdsPoint(double[] a, double x0) {
        double slack = 1e-9 * (1 + Math.abs(a[0]) + Math.abs(a[1]));
        double k = Math.ceil((a[0] - slack - x0) / (2 * Math.PI));
        return x0 + 2 * Math.PI * k <= a[1] + slack;
    }

    static double libDown(double x) {
        return Double.isInfinite(x) ? x : x - LIBRARY_ULPS * Math.ulp(x) - Double.MIN_VALUE;
    }

    static double libUp(double x) {
        return Double.isInfinite(x) ? x : x + LIBRARY_ULPS * Math.ulp(x) + Double.MIN_VALUE;
    }
}
