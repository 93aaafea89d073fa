package org.flowscape.model;

import java.util.Arrays;
import org.flowscape.linalg.ArrayMath;
import org.hipparchus.special.Erf;

/**
 * The built-in activations. Each kind evaluates ψ, ψ', ψ'' in one pass of a tight loop in {@link #evaluate}, sharing
 * the expensive transcendental between the three (e.g. tanh' = 1 − tanh²).
 */
final class StandardActivation implements Activation {
    /** The closed set of built-in kinds. */
    enum Kind {
        IDENTITY, RELU, LEAKY_RELU, RELU_POW, SIGMOID, TANH, ALGEBRAIC_SIGMOID, SOFTPLUS, EXP, SIN, GELU, SWISH, POLY
    }

    private static final double INV_SQRT_2 = 1 / Math.sqrt(2);
    private static final double INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

    private final Kind kind;
    private final double[] params;
    private final String spec;
    private final ActivationTraits traits;

    StandardActivation(Kind kind, double[] params, String spec, ActivationTraits traits) {
        this.kind = kind;
        this.params = params.clone();
        this.spec = spec;
        this.traits = traits;
    }

    Kind kind() {
        return kind;
    }

    double[] params() {
        return params.clone();
    }

    @Override
    public String spec() {
        return spec;
    }

    @Override
    public ActivationTraits traits() {
        return traits;
    }

    @Override
    public boolean isIdentity() {
        return kind == Kind.IDENTITY;
    }

    @Override
    public double value(double z) {
        return eval(z)[0];
    }

    @Override
    public double derivative(double z) {
        return eval(z)[1];
    }

    @Override
    public double secondDerivative(double z) {
        return eval(z)[2];
    }

    private double[] eval(double z) {
        double[] a = new double[1];
        double[] d1 = new double[1];
        double[] d2 = new double[1];
        evaluate(new double[] {z}, a, d1, d2, 1);
        return new double[] {a[0], d1[0], d2[0]};
    }

    @Override
    public void evaluate(double[] z, double[] a, double[] d1, double[] d2, int n) {
        switch (kind) {
            case IDENTITY -> identity(z, a, d1, d2, n);
            case RELU -> leaky(z, a, d1, d2, n, 0.0);
            case LEAKY_RELU -> leaky(z, a, d1, d2, n, params[0]);
            case RELU_POW -> reluPow(z, a, d1, d2, n, params[0]);
            case SIGMOID -> sigmoid(z, a, d1, d2, n);
            case TANH -> tanh(z, a, d1, d2, n);
            case ALGEBRAIC_SIGMOID -> algebraic(z, a, d1, d2, n);
            case SOFTPLUS -> softplus(z, a, d1, d2, n);
            case EXP -> exp(z, a, d1, d2, n);
            case SIN -> sin(z, a, d1, d2, n);
            case GELU -> gelu(z, a, d1, d2, n);
            case SWISH -> swish(z, a, d1, d2, n);
            case POLY -> poly(z, a, d1, d2, n, params);
            default -> throw new IllegalStateException("unhandled activation " + kind);
        }
    }

    /** tanh and the logistic σ skip ψ'' here (their array kernels give ψ and ψ' together); the rest compute all three. */
    @Override
    public void evaluateFirstOrder(double[] z, double[] a, double[] d1, double[] scratch, int n) {
        switch (kind) {
            case TANH -> ArrayMath.tanh(z, a, d1, n);
            case SIGMOID -> ArrayMath.logistic(z, a, d1, n);
            default -> evaluate(z, a, d1, scratch, n);
        }
    }

    private static void identity(double[] z, double[] a, double[] d1, double[] d2, int n) {
        System.arraycopy(z, 0, a, 0, n);
        Arrays.fill(d1, 0, n, 1.0);
        Arrays.fill(d2, 0, n, 0.0);
    }

    private static void leaky(double[] z, double[] a, double[] d1, double[] d2, int n, double alpha) {
        for (int i = 0; i < n; i++) {
            double s = z[i] > 0 ? 1.0 : alpha;
            a[i] = s * z[i];
            d1[i] = s;
            d2[i] = 0;
        }
    }

    private static void reluPow(double[] z, double[] a, double[] d1, double[] d2, int n, double k) {
        for (int i = 0; i < n; i++) {
            double x = z[i];
            if (x > 0) {
                double pk2 = Math.pow(x, k - 2);
                a[i] = pk2 * x * x;
                d1[i] = k * pk2 * x;
                d2[i] = k * (k - 1) * pk2;
            } else {
                a[i] = 0;
                d1[i] = 0;
                d2[i] = 0;
            }
        }
    }

    /** Logistic σ(z), computed without overflow on either side. */
    static double logistic(double z) {
        if (z >= 0) {
            return 1 / (1 + Math.exp(-z));
        }
        double e = Math.exp(z);
        return e / (1 + e);
    }

    /** σ and σ' by the vectorised {@link ArrayMath#logistic}, σ'' = σ'(1 − 2σ). */
    private static void sigmoid(double[] z, double[] a, double[] d1, double[] d2, int n) {
        ArrayMath.logistic(z, a, d1, n);
        for (int i = 0; i < n; i++) {
            d2[i] = d1[i] * (1 - 2 * a[i]);
        }
    }

    /**
     * tanh and tanh' = 1 − tanh² by the vectorised {@link ArrayMath#tanh} (within 4 ulp of StrictMath; the
     * activation is the hot spot of a tanh network's gradient), tanh'' = −2 tanh·tanh'.
     */
    private static void tanh(double[] z, double[] a, double[] d1, double[] d2, int n) {
        ArrayMath.tanh(z, a, d1, n);
        for (int i = 0; i < n; i++) {
            d2[i] = -2 * a[i] * d1[i];
        }
    }

    private static void algebraic(double[] z, double[] a, double[] d1, double[] d2, int n) {
        for (int i = 0; i < n; i++) {
            double x = z[i];
            if (Math.abs(x) > 1e150) {
                // x * x would overflow (q = 0, and 0 * x = NaN at infinity); the true values round to +-1, 0, 0
                a[i] = Math.copySign(1.0, x);
                d1[i] = 0;
                d2[i] = 0;
                continue;
            }
            double q = 1 / Math.sqrt(1 + x * x);
            double q3 = q * q * q;
            a[i] = x * q;
            d1[i] = q3;
            d2[i] = -3 * x * q3 * q * q;
        }
    }

    /** softplus by {@link ArrayMath#softplus}; ψ' = σ and ψ'' = σ(1 − σ) by {@link ArrayMath#logistic}. */
    private static void softplus(double[] z, double[] a, double[] d1, double[] d2, int n) {
        ArrayMath.softplus(z, a, n);
        ArrayMath.logistic(z, d1, d2, n);
    }

    private static void exp(double[] z, double[] a, double[] d1, double[] d2, int n) {
        ArrayMath.exp(z, a, n);
        System.arraycopy(a, 0, d1, 0, n);
        System.arraycopy(a, 0, d2, 0, n);
    }

    private static void sin(double[] z, double[] a, double[] d1, double[] d2, int n) {
        for (int i = 0; i < n; i++) {
            double s = Math.sin(z[i]);
            a[i] = s;
            d1[i] = Math.cos(z[i]);
            d2[i] = -s;
        }
    }

    /** Exact gelu: ψ(z) = z·Φ(z), ψ' = Φ + zφ, ψ'' = φ·(2 − z²). */
    private static void gelu(double[] z, double[] a, double[] d1, double[] d2, int n) {
        for (int i = 0; i < n; i++) {
            double x = z[i];
            double cdf = 0.5 * Erf.erfc(-x * INV_SQRT_2);
            double pdf = INV_SQRT_2PI * Math.exp(-0.5 * x * x);
            a[i] = x * cdf;
            d1[i] = cdf + x * pdf;
            d2[i] = pdf * (2 - x * x);
        }
    }

    /** Swish (SiLU): ψ(z) = z·σ(z). */
    private static void swish(double[] z, double[] a, double[] d1, double[] d2, int n) {
        for (int i = 0; i < n; i++) {
            double x = z[i];
            double s = logistic(x);
            double ds = s * (1 - s);
            a[i] = x * s;
            d1[i] = s + x * ds;
            d2[i] = 2 * ds + x * ds * (1 - 2 * s);
        }
    }

    /** Polynomial c0 + c1 z + … + cm z^m by Horner's rule for the value and both derivatives. */
    private static void poly(double[] z, double[] a, double[] d1, double[] d2, int n, double[] c) {
        int m = c.length - 1;
        for (int i = 0; i < n; i++) {
            double x = z[i];
            double p = c[m];
            double dp = 0;
            double ddp = 0;
            for (int j = m - 1; j >= 0; j--) {
                ddp = ddp * x + 2 * dp;
                dp = dp * x + p;
                p = p * x + c[j];
            }
            a[i] = p;
            d1[i] = dp;
            d2[i] = ddp;
        }
    }

    @Override
    public String toString() {
        return spec;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StandardActivation s && s.spec.equals(spec);
    }

    @Override
    public int hashCode() {
        return spec.hashCode();
    }
}
