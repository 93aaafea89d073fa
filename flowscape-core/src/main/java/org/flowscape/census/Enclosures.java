package org.flowscape.census;

import org.flowscape.analysis.IntervalEnclosures;
import org.flowscape.analysis.IntervalMath;
import org.flowscape.loss.expr.ParameterExpression;
import org.flowscape.objective.ExpressionObjective;
import org.flowscape.objective.ModelObjective;
import org.flowscape.objective.Objective;
import org.flowscape.objective.WeightDecay;

/**
 * The {@link BoxEnclosure} of an objective: a closed-form {@code fn:} model (interval evaluation of its expression
 * and symbolic derivative trees), a network objective that {@link IntervalEnclosures} covers, and either with weight
 * decay λ/2‖θ‖² (enclosed exactly: λ[θ] added to the gradient, λ to the Hessian's diagonal).
 */
public final class Enclosures {
    private Enclosures() {
    }

    /** Why {@code objective} has no enclosure, or null when {@link #of} works. */
    public static String refusal(Objective objective) {
        Objective inner = objective instanceof WeightDecay w ? w.inner() : objective;
        if (inner instanceof ExpressionObjective) {
            return null;
        }
        if (inner instanceof ModelObjective m) {
            String r = IntervalEnclosures.refusal(m);
            return r == null ? null : r.replace("not certifiable", "no interval enclosure for the census");
        }
        return "no interval enclosure for the census: the objective is neither a closed-form fn: model nor a "
                + "squared-error network";
    }

    /**
     * The enclosure of {@code objective}.
     *
     * @throws IllegalArgumentException naming the reason when {@link #refusal} is not null
     */
    public static BoxEnclosure of(Objective objective) {
        String refusal = refusal(objective);
        if (refusal != null) {
            throw new IllegalArgumentException(refusal);
        }
        double lambda = objective instanceof WeightDecay w ? w.lambda() : 0;
        Objective inner = objective instanceof WeightDecay w ? w.inner() : objective;
        BoxEnclosure base = inner instanceof ExpressionObjective e ? expression(e.expression())
                : network((ModelObjective) inner);
        return lambda == 0 ? base : decayed(base, lambda);
    }

    private static BoxEnclosure expression(ParameterExpression e) {
        return new BoxEnclosure() {
            @Override
            public int dim() {
                return e.dim();
            }

            @Override
            public double[] value(double[] lo, double[] hi) {
                return e.encloseValue(lo, hi);
            }

            @Override
            public void gradient(double[] lo, double[] hi, double[] out) {
                e.encloseGradient(lo, hi, out);
            }

            @Override
            public void hessian(double[] lo, double[] hi, double[] out) {
                e.encloseHessian(lo, hi, out);
            }
        };
    }

    private static BoxEnclosure network(ModelObjective m) {
        return new BoxEnclosure() {
            @Override
            public int dim() {
                return m.dim();
            }

            @Override
            public double[] value(double[] lo, double[] hi) {
                return IntervalEnclosures.enclose(m, lo, hi, false)[0];
            }

            @Override
            public void gradient(double[] lo, double[] hi, double[] out) {
                double[] g = IntervalEnclosures.enclose(m, lo, hi, false)[1];
                System.arraycopy(g, 0, out, 0, g.length);
            }

            @Override
            public void hessian(double[] lo, double[] hi, double[] out) {
                double[] h = IntervalEnclosures.enclose(m, lo, hi, true)[2];
                System.arraycopy(h, 0, out, 0, h.length);
            }
        };
    }

    /** base + λ/2‖θ‖²: value + λ/2 Σ[θ_i]², gradient + λ[θ_i], Hessian + λ on the diagonal, outward rounded. */
    private static BoxEnclosure decayed(BoxEnclosure base, double lambda) {
        double half = 0.5 * lambda;
        return new BoxEnclosure() {
            @Override
            public int dim() {
                return base.dim();
            }

            @Override
            public double[] value(double[] lo, double[] hi) {
                double[] v = base.value(lo, hi);
                double[] s = {0, 0};
                for (int i = 0; i < lo.length; i++) {
                    IntervalMath.add(s, 0, IntervalMath.sqrLo(lo[i], hi[i]), IntervalMath.sqrHi(lo[i], hi[i]));
                }
                IntervalMath.addProduct(v, 0, s[0], s[1], half, half);
                return v;
            }

            @Override
            public void gradient(double[] lo, double[] hi, double[] out) {
                base.gradient(lo, hi, out);
                for (int i = 0; i < lo.length; i++) {
                    IntervalMath.addProduct(out, i, lo[i], hi[i], lambda, lambda);
                }
            }

            @Override
            public void hessian(double[] lo, double[] hi, double[] out) {
                base.hessian(lo, hi, out);
                int p = lo.length;
                for (int i = 0; i < p; i++) {
                    IntervalMath.add(out, i * p + i, lambda, lambda);
                }
            }
        };
    }
}
