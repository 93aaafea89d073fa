package org.flowscape.loss.expr;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The analytic functions a cost expression may call, each with its value and its derivative rule. Only functions that
 * are real-analytic on their domain belong here: the loss Hessian must exist everywhere the cost is finite.
 */
enum Fn {
    /** e^u; (e^u)' = e^u. */
    EXP {
        @Override
        double apply(double u) {
            return Math.exp(u);
        }

        @Override
        Expr outer(Expr u) {
            return Simplify.call(EXP, u);
        }
    },
    /** Natural logarithm, NaN for u &lt; 0; chained as u'/u (not (1/u)·u', which rounds twice). */
    LOG {
        @Override
        double apply(double u) {
            return Math.log(u);
        }

        @Override
        Expr outer(Expr u) {
            return Simplify.div(Expr.Const.ONE, u);
        }

        @Override
        Expr chain(Expr u, Expr du) {
            return Simplify.div(du, u);
        }
    },
    /** √u, NaN for u &lt; 0; (√u)' = 1/(2√u), chained as 0.5·u'/√u. */
    SQRT {
        @Override
        double apply(double u) {
            return Math.sqrt(u);
        }

        @Override
        Expr outer(Expr u) {
            return Simplify.div(new Expr.Const(0.5), Simplify.call(SQRT, u));
        }

        @Override
        Expr chain(Expr u, Expr du) {
            return Simplify.div(Simplify.mul(new Expr.Const(0.5), du), Simplify.call(SQRT, u));
        }
    },
    /** sin u; (sin u)' = cos u. */
    SIN {
        @Override
        double apply(double u) {
            return Math.sin(u);
        }

        @Override
        Expr outer(Expr u) {
            return Simplify.call(COS, u);
        }
    },
    /** cos u; (cos u)' = −sin u. */
    COS {
        @Override
        double apply(double u) {
            return Math.cos(u);
        }

        @Override
        Expr outer(Expr u) {
            return Simplify.neg(Simplify.call(SIN, u));
        }
    },
    /** tanh u; (tanh u)' = 1 − tanh² u (no cosh, so no overflow for large |u|). */
    TANH {
        @Override
        double apply(double u) {
            return Math.tanh(u);
        }

        @Override
        Expr outer(Expr u) {
            return Simplify.sub(Expr.Const.ONE, Simplify.intPow(Simplify.call(TANH, u), 2));
        }
    },
    /** cosh u; (cosh u)' = sinh u. */
    COSH {
        @Override
        double apply(double u) {
            return Math.cosh(u);
        }

        @Override
        Expr outer(Expr u) {
            return Simplify.call(SINH, u);
        }
    },
    /** sinh u; (sinh u)' = cosh u. */
    SINH {
        @Override
        double apply(double u) {
            return Math.sinh(u);
        }

        @Override
        Expr outer(Expr u) {
            return Simplify.call(COSH, u);
        }
    },
    /** The logistic function 1/(1 + e^−u), evaluated without overflow; σ' = σ·(1 − σ). */
    SIGMOID {
        @Override
        double apply(double u) {
            if (u >= 0) {
                return 1 / (1 + Math.exp(-u));
            }
            double e = Math.exp(u);
            return e / (1 + e);
        }

        @Override
        Expr outer(Expr u) {
            Expr s = Simplify.call(SIGMOID, u);
            return Simplify.mul(s, Simplify.sub(Expr.Const.ONE, s));
        }
    },
    /** log(1 + e^u), evaluated as max(u, 0) + log1p(e^−|u|) (no overflow, no cancellation); softplus' = σ. */
    SOFTPLUS {
        @Override
        double apply(double u) {
            return Math.max(u, 0) + Math.log1p(Math.exp(-Math.abs(u)));
        }

        @Override
        Expr outer(Expr u) {
            return Simplify.call(SIGMOID, u);
        }
    };

    /** The accepted spellings, comma-separated, for messages. */
    static final String NAMES = Arrays.stream(values()).map(Fn::spelling).collect(Collectors.joining(", "));

    /** f(u). */
    abstract double apply(double u);

    /** f'(u) as a tree. */
    abstract Expr outer(Expr u);

    /** d/dx f(u) = f'(u)·u' by the chain rule, given u and u' = du/dx. */
    Expr chain(Expr u, Expr du) {
        return Simplify.mul(outer(u), du);
    }

    /** The spelling in expressions, e.g. {@code softplus}. */
    String spelling() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The function spelled {@code name}, or null. */
    static Fn find(String name) {
        for (Fn f : values()) {
            if (f.spelling().equals(name)) {
                return f;
            }
        }
        return null;
    }
}
