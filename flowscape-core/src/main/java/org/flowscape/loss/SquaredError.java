package org.flowscape.loss;

/**
 * Squared error in the three normalizations: {@code mse} L = 1/(2n) Σ_i ‖f_i − y_i‖² (the default), {@code mse-mean}
 * L = 1/n Σ_i ‖f_i − y_i‖² (Safran–Shamir's convention), and {@code frobenius} L = ½ Σ_i ‖f_i − y_i‖² = ½‖F − Y‖²_F
 * (no mean: the matrix cost of factorization problems, paper A).
 */
public final class SquaredError implements Loss {
    /** How the squared residuals are normalized. */
    public enum Normalization {
        /** ½ · mean over samples. */
        HALF_MEAN("mse", "L = 1/(2n) * sum_i ||f(x_i) - y_i||^2"),
        /** mean over samples, no ½. */
        MEAN("mse-mean", "L = 1/n * sum_i ||f(x_i) - y_i||^2"),
        /** ½ · sum over samples (the Frobenius cost ½‖F − Y‖²). */
        HALF_SUM("frobenius", "L = 1/2 * ||F - Y||_F^2 (sum over samples, no mean)");

        private final String spec;
        private final String formula;

        Normalization(String spec, String formula) {
            this.spec = spec;
            this.formula = formula;
        }
    }

    private final Normalization normalization;

    /** A squared error with the given normalization. */
    public SquaredError(Normalization normalization) {
        this.normalization = normalization;
    }

    /** The normalization in use. */
    public Normalization normalization() {
        return normalization;
    }

    /** The curvature factor c with L = (c/2) Σ residual² over n samples (so ∂²L/∂f² = c·I). */
    public double curvature(int n) {
        return switch (normalization) {
            case HALF_MEAN -> 1.0 / n;
            case MEAN -> 2.0 / n;
            case HALF_SUM -> 1.0;
        };
    }

    @Override
    public String spec() {
        return normalization.spec;
    }

    @Override
    public String formula() {
        return normalization.formula;
    }

    @Override
    public double value(double[] f, double[] y, int n, int k) {
        double s = 0;
        for (int i = 0; i < n * k; i++) {
            double r = f[i] - y[i];
            s += r * r;
        }
        return 0.5 * curvature(n) * s;
    }

    @Override
    public double valueAndGradient(double[] f, double[] y, int n, int k, double[] gradOut) {
        double c = curvature(n);
        double s = 0;
        for (int i = 0; i < n * k; i++) {
            double r = f[i] - y[i];
            s += r * r;
            gradOut[i] = c * r;
        }
        return 0.5 * c * s;
    }

    @Override
    public void hessianBlocks(double[] f, double[] y, int n, int k, double[] out) {
        double c = curvature(n);
        java.util.Arrays.fill(out, 0, n * k * k, 0.0);
        for (int i = 0; i < n; i++) {
            for (int o = 0; o < k; o++) {
                out[i * k * k + o * k + o] = c;
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
