package org.flowscape.loss.expr;

import java.util.Objects;

/**
 * A closed-form function L(p1, …, pN) written in the cost grammar with the parameters p1 … pN as its variables, e.g.
 * the Müller–Brown potential: the model of {@code --model fn:EXPR}. The gradient (N trees) and the upper triangle of
 * the Hessian (N(N+1)/2 trees) are differentiated symbolically at parse time and simplified; every method walks its
 * trees directly (no finite differences). Interval enclosures of the value, gradient and Hessian over a box use the
 * natural interval extension of the same trees with outward rounding ({@link Enclose}).
 *
 * <p>Cost: parsing differentiates N(N+3)/2 trees (so it is meant for small N: the closed-form test surfaces of the
 * field); a value, gradient or Hessian is one walk of its trees, a Hessian-vector product walks the Hessian trees.
 * Immutable and thread-safe.
 */
public final class ParameterExpression {
    /** The most parameters accepted: the symbolic Hessian holds N(N+1)/2 trees. */
    public static final int MAX_PARAMETERS = 200;

    private final String spec;
    private final int n;
    private final Expr value;
    private final Expr[] gradient;
    private final Expr[] hessian;

    private ParameterExpression(String spec, int n, Expr value, Expr[] gradient, Expr[] hessian) {
        this.spec = spec;
        this.n = n;
        this.value = value;
        this.gradient = gradient;
        this.hessian = hessian;
    }

    /**
     * Parses an expression in p1 … pN (the text after {@code fn:}) and differentiates it twice.
     *
     * @throws IllegalArgumentException with a one-line message naming the problem, its column and the fix when the
     *         text is empty, too long, malformed, uses x, y or another unknown name, uses no parameter, skips one of
     *         p1 … pN, or has more than {@link #MAX_PARAMETERS}
     */
    public static ParameterExpression parse(String expression) {
        String text = Objects.requireNonNull(expression, "expression").strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("model 'fn:' has no expression; write a function of the parameters "
                    + "p1, p2, ... after 'fn:', e.g. fn:(p1^2-1)^2+p2^2");
        }
        if (text.length() > CostExpression.MAX_LENGTH) {
            throw Parser.modelError(text, "the expression is " + text.length() + " characters long, over the "
                    + "limit of " + CostExpression.MAX_LENGTH + "; write a shorter expression");
        }
        Expr value = Parser.parse(text, true);
        int n = parameterCount(text, value);
        checkDepth(text, value, "the expression");
        Expr[] gradient = new Expr[n];
        Expr[] hessian = new Expr[n * n];
        for (int i = 0; i < n; i++) {
            gradient[i] = value.derivative(i);
            checkDepth(text, gradient[i], "its derivative in p" + (i + 1));
        }
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                Expr h = gradient[i].derivative(j);
                checkDepth(text, h, "its second derivative in p" + (i + 1) + ", p" + (j + 1));
                hessian[i * n + j] = h;
                hessian[j * n + i] = h;
            }
        }
        return new ParameterExpression(text, n, value, gradient, hessian);
    }

    /** N, the highest parameter index; every one of p1 … pN must appear. */
    private static int parameterCount(String text, Expr value) {
        java.util.BitSet seen = new java.util.BitSet();
        Trees.any(value, e -> {
            if (e instanceof Expr.Var v) {
                seen.set(v.index());
            }
            return false;
        });
        if (seen.isEmpty()) {
            throw Parser.modelError(text, "the expression uses no parameter; write a function of p1, p2, ..., "
                    + "e.g. fn:(p1^2-1)^2+p2^2");
        }
        int n = seen.length();
        if (n > MAX_PARAMETERS) {
            throw Parser.modelError(text, "the expression has " + n + " parameters, over the limit of "
                    + MAX_PARAMETERS + " for a closed-form model (its Hessian is differentiated symbolically)");
        }
        int missing = seen.nextClearBit(0);
        if (missing < n) {
            throw Parser.modelError(text, "the expression uses p" + n + " but not p" + (missing + 1)
                    + "; number the parameters p1 ... p" + n + " without gaps");
        }
        return n;
    }

    private static void checkDepth(String text, Expr tree, String what) {
        int depth = Trees.depth(tree);
        if (depth > CostExpression.MAX_DEPTH) {
            throw Parser.modelError(text, what + " nests " + depth + " operations deep, over the limit of "
                    + CostExpression.MAX_DEPTH + "; simplify the expression");
        }
    }

    /** The expression as written, trimmed (without the {@code fn:} prefix). */
    public String spec() {
        return spec;
    }

    /** N, the number of parameters. */
    public int dim() {
        return n;
    }

    /** L(p); p (length N) is read only. */
    public double value(double[] p) {
        return Evaluate.at(value, p);
    }

    /** ∇L(p) into {@code out} (length N, overwritten). */
    public void gradient(double[] p, double[] out) {
        for (int i = 0; i < n; i++) {
            out[i] = Evaluate.at(gradient[i], p);
        }
    }

    /** The Hessian (N × N row-major, exactly symmetric) into {@code out} (overwritten): N(N+1)/2 tree walks. */
    public void hessian(double[] p, double[] out) {
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                double h = Evaluate.at(hessian[i * n + j], p);
                out[i * n + j] = h;
                out[j * n + i] = h;
            }
        }
    }

    /** H(p)·v into {@code out} (length N, overwritten): the rows of the symbolic Hessian, skipping v_j = 0. */
    public void hessianVector(double[] p, double[] v, double[] out) {
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) {
                if (v[j] != 0) {
                    s += Evaluate.at(hessian[i * n + j], p) * v[j];
                }
            }
            out[i] = s;
        }
    }

    /** An enclosure {lo, hi} of L over the box lo ≤ p ≤ hi (both length N, read only); [−∞, ∞] when unbounded. */
    public double[] encloseValue(double[] lo, double[] hi) {
        return Enclose.over(value, lo, hi);
    }

    /** Enclosures of ∂L/∂p_i over the box, interleaved into {@code out} (2N, overwritten: [2i, 2i+1] for p_i). */
    public void encloseGradient(double[] lo, double[] hi, double[] out) {
        for (int i = 0; i < n; i++) {
            double[] r = Enclose.over(gradient[i], lo, hi);
            out[2 * i] = r[0];
            out[2 * i + 1] = r[1];
        }
    }

    /** Enclosures of the Hessian over the box, interleaved into {@code out} (2N², overwritten), exactly symmetric. */
    public void encloseHessian(double[] lo, double[] hi, double[] out) {
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                double[] r = Enclose.over(hessian[i * n + j], lo, hi);
                out[2 * (i * n + j)] = r[0];
                out[2 * (i * n + j) + 1] = r[1];
                out[2 * (j * n + i)] = r[0];
                out[2 * (j * n + i) + 1] = r[1];
            }
        }
    }

    /** The simplified expression as infix text. */
    public String valueText() {
        return value.text();
    }

    /** ∂L/∂p_{i+1} as infix text. */
    public String gradientText(int i) {
        return gradient[i].text();
    }

    @Override
    public String toString() {
        return "fn:" + spec;
    }
}
