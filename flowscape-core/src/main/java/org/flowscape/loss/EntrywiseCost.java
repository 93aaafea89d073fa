package org.flowscape.loss;

/**
 * L(F) = (1/n) Σ_i Σ_o c(F_io, Y_io): the mean over samples of a scalar cost summed over outputs (the {@code cost:EXPR}
 * loss of {@code docs/CLI.md}). With {@code mean = false} the sum over samples is not divided by n.
 */
public final class EntrywiseCost implements Loss {
    private final ScalarCost cost;
    private final boolean mean;

    /** A mean-over-samples cost. */
    public EntrywiseCost(ScalarCost cost) {
        this(cost, true);
    }

    /** A cost averaged ({@code mean}) or summed over samples. */
    public EntrywiseCost(ScalarCost cost, boolean mean) {
        this.cost = cost;
        this.mean = mean;
    }

    /** The scalar cost. */
    public ScalarCost cost() {
        return cost;
    }

    @Override
    public String spec() {
        return (mean ? "cost:" : "cost-sum:") + cost.spec();
    }

    @Override
    public String formula() {
        return "L = " + (mean ? "1/n * " : "") + "sum_i sum_o c(f_io, y_io) with c(x, y) = " + cost.spec();
    }

    private double scale(int n) {
        return mean ? 1.0 / n : 1.0;
    }

    @Override
    public double value(double[] f, double[] y, int n, int k) {
        double s = 0;
        for (int i = 0; i < n * k; i++) {
            s += cost.value(f[i], y[i]);
        }
        return scale(n) * s;
    }

    @Override
    public double valueAndGradient(double[] f, double[] y, int n, int k, double[] gradOut) {
        double c = scale(n);
        double s = 0;
        for (int i = 0; i < n * k; i++) {
            s += cost.value(f[i], y[i]);
            gradOut[i] = c * cost.derivative(f[i], y[i]);
        }
        return c * s;
    }

    @Override
    public void hessianBlocks(double[] f, double[] y, int n, int k, double[] out) {
        double c = scale(n);
        java.util.Arrays.fill(out, 0, n * k * k, 0.0);
        for (int i = 0; i < n; i++) {
            for (int o = 0; o < k; o++) {
                out[i * k * k + o * k + o] = c * cost.secondDerivative(f[i * k + o], y[i * k + o]);
            }
        }
    }

    @Override
    public boolean entrywise() {
        return true;
    }

    @Override
    public String toString() {
        return spec();
    }
}
