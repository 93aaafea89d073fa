package org.flowscape.loss.expr;

import java.util.List;

/**
 * An immutable expression tree in the prediction x and the target y: evaluation, symbolic differentiation in x and
 * infix rendering. Nodes are built through {@link Simplify}, which folds constants and drops neutral elements, so a
 * derivative tree is small. Trees may share subtrees (a derivative references its source); nothing is mutated, so
 * sharing is safe and every node is thread-safe.
 *
 * <p>Evaluation recurses once per level: {@link CostExpression#MAX_DEPTH} keeps trees shallow enough for any thread's
 * default stack.
 */
sealed interface Expr {
    /** Binding strengths for rendering: sums, products, unary minus, powers, atoms. */
    int SUM = 1;
    int PRODUCT = 2;
    int UNARY = 3;
    int POWER = 4;
    int ATOM = 5;

    /** The value at (x, y); NaN outside the domain (log or sqrt of a negative), ±Infinity on overflow. */
    double eval(double x, double y);

    /** ∂/∂v of this tree, simplified, for the variable of {@link Var#index()} {@code var}. */
    Expr derivative(int var);

    /** ∂/∂x of this tree (x is variable 0 of a cost expression), simplified. */
    default Expr derivative() {
        return derivative(0);
    }

    /** The direct subtrees, left to right. */
    List<Expr> children();

    /** How tightly this node binds when rendered (one of the constants above). */
    int precedence();

    /** The infix text, with parentheses only where precedence needs them; parses back to an equal tree. */
    String text();

    /** A constant. */
    record Const(double value) implements Expr {
        static final Const ZERO = new Const(0);
        static final Const ONE = new Const(1);

        @Override
        public double eval(double x, double y) {
            return value;
        }

        @Override
        public Expr derivative(int var) {
            return ZERO;
        }

        @Override
        public List<Expr> children() {
            return List.of();
        }

        @Override
        public int precedence() {
            return value < 0 || (value == 0 && 1 / value < 0) ? UNARY : ATOM;
        }

        @Override
        public String text() {
            if (value == Math.rint(value) && Math.abs(value) < 1e15) {
                return Long.toString((long) value);
            }
            return Double.toString(value);
        }

        /** True when this is exactly {@code c}. */
        boolean is(double c) {
            return value == c;
        }
    }

    /**
     * A variable: the prediction x (index 0) or the target y (index 1) of a cost expression, or the parameter pK
     * (index K − 1) of a closed-form model ({@link ParameterExpression}).
     *
     * @param index the position of the variable's value in the point of {@code Evaluate.at}
     * @param name  its spelling
     */
    record Var(int index, String name) implements Expr {
        static final Var X = new Var(0, "x");
        static final Var Y = new Var(1, "y");

        /** True for the prediction x of a cost expression. */
        boolean isX() {
            return this.equals(X);
        }

        @Override
        public double eval(double x, double y) {
            return index == 0 ? x : y;
        }

        @Override
        public Expr derivative(int var) {
            return index == var ? Const.ONE : Const.ZERO;
        }

        @Override
        public List<Expr> children() {
            return List.of();
        }

        @Override
        public int precedence() {
            return ATOM;
        }

        @Override
        public String text() {
            return name;
        }
    }

    /** −a. */
    record Neg(Expr arg) implements Expr {
        @Override
        public double eval(double x, double y) {
            return -arg.eval(x, y);
        }

        @Override
        public Expr derivative(int var) {
            return Simplify.neg(arg.derivative(var));
        }

        @Override
        public List<Expr> children() {
            return List.of(arg);
        }

        @Override
        public int precedence() {
            return UNARY;
        }

        @Override
        public String text() {
            return "-" + Render.wrap(arg, POWER);
        }
    }

    /** a + b. */
    record Add(Expr left, Expr right) implements Expr {
        @Override
        public double eval(double x, double y) {
            return left.eval(x, y) + right.eval(x, y);
        }

        @Override
        public Expr derivative(int var) {
            return Simplify.add(left.derivative(var), right.derivative(var));
        }

        @Override
        public List<Expr> children() {
            return List.of(left, right);
        }

        @Override
        public int precedence() {
            return SUM;
        }

        @Override
        public String text() {
            return Render.wrap(left, SUM) + "+" + Render.wrap(right, PRODUCT);
        }
    }

    /** a − b. */
    record Sub(Expr left, Expr right) implements Expr {
        @Override
        public double eval(double x, double y) {
            return left.eval(x, y) - right.eval(x, y);
        }

        @Override
        public Expr derivative(int var) {
            return Simplify.sub(left.derivative(var), right.derivative(var));
        }

        @Override
        public List<Expr> children() {
            return List.of(left, right);
        }

        @Override
        public int precedence() {
            return SUM;
        }

        @Override
        public String text() {
            return Render.wrap(left, SUM) + "-" + Render.wrap(right, PRODUCT);
        }
    }

    /** a · b. */
    record Mul(Expr left, Expr right) implements Expr {
        @Override
        public double eval(double x, double y) {
            return left.eval(x, y) * right.eval(x, y);
        }

        /** Product rule: a'b + ab'. */
        @Override
        public Expr derivative(int var) {
            return Simplify.add(Simplify.mul(left.derivative(var), right), Simplify.mul(left, right.derivative(var)));
        }

        @Override
        public List<Expr> children() {
            return List.of(left, right);
        }

        @Override
        public int precedence() {
            return PRODUCT;
        }

        @Override
        public String text() {
            return Render.wrap(left, PRODUCT) + "*" + Render.wrap(right, POWER);
        }
    }

    /** a / b. */
    record Div(Expr left, Expr right) implements Expr {
        @Override
        public double eval(double x, double y) {
            return left.eval(x, y) / right.eval(x, y);
        }

        /** Quotient rule as (a' − (a/b)·b') / b: no b², which would overflow long before a/b does. */
        @Override
        public Expr derivative(int var) {
            Expr db = right.derivative(var);
            Expr da = left.derivative(var);
            return Simplify.div(Simplify.sub(da, Simplify.mul(this, db)), right);
        }

        @Override
        public List<Expr> children() {
            return List.of(left, right);
        }

        @Override
        public int precedence() {
            return PRODUCT;
        }

        @Override
        public String text() {
            return Render.wrap(left, PRODUCT) + "/" + Render.wrap(right, POWER);
        }
    }

    /**
     * a^n for a constant integer n, by multiplication for |n| ≤ 4 and {@link Math#pow} otherwise (exact sign for
     * negative bases either way).
     */
    record IntPow(Expr base, int exponent) implements Expr {
        @Override
        public double eval(double x, double y) {
            return power(base.eval(x, y), exponent);
        }

        /** a·a for n = 2 (as squared error writes it), so {@code 0.5*(x-y)^2} matches {@code mse} bit for bit. */
        static double power(double a, int n) {
            return switch (n) {
                case 2 -> a * a;
                case 3 -> a * a * a;
                case 4 -> (a * a) * (a * a);
                case -1 -> 1 / a;
                case -2 -> 1 / (a * a);
                default -> Math.pow(a, n);
            };
        }

        /** n·a^(n−1)·a'. */
        @Override
        public Expr derivative(int var) {
            Expr outer = Simplify.mul(new Const(exponent), Simplify.intPow(base, exponent - 1));
            return Simplify.mul(outer, base.derivative(var));
        }

        @Override
        public List<Expr> children() {
            return List.of(base);
        }

        @Override
        public int precedence() {
            return POWER;
        }

        @Override
        public String text() {
            return Render.wrap(base, ATOM) + "^" + (exponent < 0 ? "(" + exponent + ")" : exponent);
        }
    }

    /**
     * a^b where b is not a constant integer: {@link Math#pow} for a constant b (NaN for a negative base), exp(b·log a)
     * for a b that varies (NaN for a negative base, so value and derivative share one domain).
     */
    record Pow(Expr base, Expr exponent) implements Expr {
        @Override
        public double eval(double x, double y) {
            double a = base.eval(x, y);
            if (exponent instanceof Const c) {
                return Math.pow(a, c.value());
            }
            return Math.exp(exponent.eval(x, y) * Math.log(a));
        }

        /** c·a^(c−1)·a' for a constant c; a^b·(b'·log a + b·a'/a) otherwise. */
        @Override
        public Expr derivative(int var) {
            Expr da = base.derivative(var);
            if (exponent instanceof Const c) {
                Expr outer = Simplify.mul(c, Simplify.pow(base, new Const(c.value() - 1)));
                return Simplify.mul(outer, da);
            }
            Expr inner = Simplify.add(Simplify.mul(exponent.derivative(var), Simplify.call(Fn.LOG, base)),
                    Simplify.div(Simplify.mul(exponent, da), base));
            return Simplify.mul(this, inner);
        }

        @Override
        public List<Expr> children() {
            return List.of(base, exponent);
        }

        @Override
        public int precedence() {
            return POWER;
        }

        @Override
        public String text() {
            return Render.wrap(base, ATOM) + "^" + Render.wrap(exponent, UNARY);
        }
    }

    /** f(a) for one of the analytic functions. */
    record Call(Fn function, Expr arg) implements Expr {
        @Override
        public double eval(double x, double y) {
            return function.apply(arg.eval(x, y));
        }

        @Override
        public Expr derivative(int var) {
            return function.chain(arg, arg.derivative(var));
        }

        @Override
        public List<Expr> children() {
            return List.of(arg);
        }

        @Override
        public int precedence() {
            return ATOM;
        }

        @Override
        public String text() {
            return function.spelling() + "(" + arg.text() + ")";
        }
    }
}
