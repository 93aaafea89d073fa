package org.flowscape.objective;

import org.flowscape.internal.Checks;
import org.flowscape.loss.expr.ParameterExpression;

/**
 * The closed-form objective of {@code --model fn:EXPR}: L(θ) = EXPR(p1 = θ_0, …, pN = θ_{N−1}), with no data. Value,
 * gradient, Hessian-vector products and the dense Hessian walk the expression's symbolic derivative trees
 * ({@link ParameterExpression}); nothing is approximated. Immutable, so {@link #fork()} shares the trees.
 */
public final class ExpressionObjective implements Objective {
    private final ParameterExpression expression;

    public ExpressionObjective(ParameterExpression expression) {
        this.expression = expression;
    }

    /** Parses {@code fn:EXPR} (or EXPR alone); see {@link ParameterExpression#parse}. */
    public static ExpressionObjective parse(String spec) {
        String text = spec.startsWith("fn:") ? spec.substring(3) : spec;
        return new ExpressionObjective(ParameterExpression.parse(text));
    }

    /** The expression. */
    public ParameterExpression expression() {
        return expression;
    }

    /** The model spec, {@code fn:EXPR}. */
    public String spec() {
        return expression.toString();
    }

    @Override
    public int dim() {
        return expression.dim();
    }

    @Override
    public double value(double[] theta) {
        Checks.dimension("theta", dim(), theta.length);
        return expression.value(theta);
    }

    @Override
    public double valueAndGradient(double[] theta, double[] gradOut) {
        Checks.dimension("gradOut", dim(), gradOut.length);
        Checks.distinct("theta", theta, "gradOut", gradOut);
        expression.gradient(theta, gradOut);
        return value(theta);
    }

    @Override
    public void hessianVectorProduct(double[] theta, double[] v, double[] out) {
        Checks.dimension("v", dim(), v.length);
        Checks.dimension("out", dim(), out.length);
        Checks.distinct("v", v, "out", out);
        expression.hessianVector(theta, v, out);
    }

    /** The symbolic Hessian evaluated entry by entry (N × N, overwritten): exactly symmetric. */
    @Override
    public double[] hessian(double[] theta, double[] out) {
        Checks.atLeast("out", dim() * dim(), out);
        expression.hessian(theta, out);
        return out;
    }

    @Override
    public ExpressionObjective fork() {
        return this;
    }
}
