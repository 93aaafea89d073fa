package org.flowscape.census.homotopy;

import java.util.Locale;
import org.flowscape.linalg.Matrix;
import org.flowscape.loss.EntrywiseCost;
import org.flowscape.loss.Loss;
import org.flowscape.loss.SquaredError;
import org.flowscape.loss.expr.PolynomialFold;
import org.flowscape.model.DenseLayer;
import org.flowscape.model.Network;

/**
 * Builds the loss of a network on given data as an exact polynomial in its parameters, by running the forward pass
 * over the polynomial ring: each weight and bias is the variable θ_i of its place in the flat parameter order, each
 * activation is applied as a polynomial. Polynomial activations are {@code identity} and {@code poly(C0,…)}; the
 * piecewise ones ({@code relu}, {@code leaky_relu(A)}, {@code relu_pow(K)} with integer K) are polynomial within one
 * {@link ActivationPattern} and need one. Losses: the squared errors {@code mse}, {@code mse-mean},
 * {@code frobenius}, and {@code cost:EXPR} / {@code cost-sum:EXPR} with a polynomial EXPR (see
 * {@link PolynomialFold}). Cost: the polynomial products of one forward pass per sample; the term count grows as
 * the loss's degree in the parameters, so this is meant for the small models a complete census can handle.
 */
public final class NetworkPolynomials {
    private NetworkPolynomials() {
    }

    /**
     * The loss of {@code net} on inputs x (n × d) and targets y (n × k), as a polynomial.
     *
     * @param pattern the activation pattern for piecewise activations; may be null when every activation is a
     *                polynomial
     * @throws IllegalArgumentException naming the activation or loss when it is not polynomial, or a piecewise
     *         activation without a pattern
     */
    public static PolynomialLoss loss(Network net, Matrix x, Matrix y, Loss loss, ActivationPattern pattern) {
        int p = net.parameterCount();
        int n = x.rows();
        Sample cost = costOf(loss, n);
        Polynomial total = Polynomial.zero(p);
        for (int s = 0; s < n; s++) {
            Polynomial[] out = forward(net, x, s, pattern);
            for (int o = 0; o < out.length; o++) {
                total = total.plus(cost.apply(out[o], y.data()[s * y.cols() + o]));
            }
        }
        String desc = net.spec() + " on " + n + " samples, loss " + loss.spec()
                + (pattern == null ? "" : ", one activation pattern");
        return new PolynomialLoss(total, desc);
    }

    /** The outputs of the network on sample s as polynomials in θ. */
    static Polynomial[] forward(Network net, Matrix x, int s, ActivationPattern pattern) {
        int p = net.parameterCount();
        Polynomial[] a = new Polynomial[x.cols()];
        for (int i = 0; i < a.length; i++) {
            a[i] = Polynomial.constant(p, x.data()[s * x.cols() + i]);
        }
        int unit = 0;
        for (int l = 0; l < net.depth(); l++) {
            DenseLayer layer = net.layers().get(l);
            int off = net.offset(l);
            Polynomial[] next = new Polynomial[layer.outputs()];
            boolean hidden = l + 1 < net.depth();
            for (int j = 0; j < next.length; j++) {
                Polynomial z = layer.bias() ? Polynomial.variable(p, off + layer.outputs() * layer.inputs() + j)
                        : Polynomial.zero(p);
                for (int i = 0; i < layer.inputs(); i++) {
                    z = z.plus(Polynomial.variable(p, off + j * layer.inputs() + i).times(a[i]));
                }
                Boolean active = hidden && pattern != null ? pattern.active()[s][unit] : null;
                next[j] = activate(layer.activation().spec(), z, active);
                unit += hidden ? 1 : 0;
            }
            a = next;
        }
        return a;
    }

    /** ψ(z) as a polynomial; {@code active} is the unit's pattern entry (null when there is no pattern). */
    static Polynomial activate(String spec, Polynomial z, Boolean active) {
        String s = spec.replace(" ", "").toLowerCase(Locale.ROOT);
        if (s.equals("identity")) {
            return z;
        }
        if (s.startsWith("poly(")) {
            double[] c = arguments(s);
            Polynomial r = Polynomial.zero(z.variables());
            for (int k = c.length - 1; k >= 0; k--) {
                r = r.times(z).plus(Polynomial.constant(z.variables(), c[k]));
            }
            return r;
        }
        boolean piecewise = s.equals("relu") || s.startsWith("leaky_relu(") || s.startsWith("relu_pow(");
        if (!piecewise) {
            throw new IllegalArgumentException("activation '" + spec + "' is not polynomial; the homotopy census takes "
                    + "identity and poly(C0,C1,...), and relu, leaky_relu(A), relu_pow(K) within one activation "
                    + "pattern");
        }
        if (active == null) {
            throw new IllegalArgumentException("activation '" + spec + "' is piecewise polynomial; give an activation "
                    + "pattern (the pattern of a parameter point, e.g. --params FILE) so the loss is one polynomial");
        }
        if (s.equals("relu")) {
            return active ? z : Polynomial.zero(z.variables());
        }
        if (s.startsWith("leaky_relu(")) {
            return active ? z : z.scale(arguments(s)[0], 0);
        }
        double k = arguments(s)[0];
        if (k != Math.rint(k)) {
            throw new IllegalArgumentException("activation '" + spec + "' has a non-integer power, so it is not "
                    + "polynomial even within a pattern; use an integer K in relu_pow(K)");
        }
        return active ? z.pow((int) k) : Polynomial.zero(z.variables());
    }

    private static double[] arguments(String s) {
        String inner = s.substring(s.indexOf('(') + 1, s.length() - 1);
        String[] parts = inner.split(",");
        double[] c = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            c[i] = Double.parseDouble(parts[i]);
        }
        return c;
    }

    /** The per-entry cost c(f, y) of a loss, scaled by its normalisation over n samples. */
    private interface Sample {
        Polynomial apply(Polynomial f, double target);
    }

    private static Sample costOf(Loss loss, int n) {
        if (loss instanceof SquaredError se) {
            double c = se.curvature(n);
            return (f, target) -> {
                Polynomial r = f.minus(Polynomial.constant(f.variables(), target));
                return r.times(r).scale(c / 2, 0);
            };
        }
        if (loss instanceof EntrywiseCost ec) {
            String spec = ec.spec();
            boolean mean = spec.startsWith("cost:");
            String text = spec.substring(spec.indexOf(':') + 1);
            double scale = mean ? 1.0 / n : 1.0;
            return (f, target) -> PolynomialFold.fold(text, ring(f, target)).scale(scale, 0);
        }
        throw new IllegalArgumentException("loss '" + loss.spec() + "' is not polynomial; the homotopy census takes "
                + "mse, mse-mean, frobenius and cost:EXPR with a polynomial EXPR");
    }

    /** The ring of polynomials in θ with x := f and y := target. */
    static PolynomialFold.Ring<Polynomial> ring(Polynomial f, double target) {
        int p = f.variables();
        return new PolynomialFold.Ring<>() {
            @Override
            public Polynomial constant(double c) {
                return Polynomial.constant(p, c);
            }

            @Override
            public Polynomial variable(int index) {
                return index == 0 ? f : Polynomial.constant(p, target);
            }

            @Override
            public Polynomial add(Polynomial a, Polynomial b) {
                return a.plus(b);
            }

            @Override
            public Polynomial multiply(Polynomial a, Polynomial b) {
                return a.times(b);
            }
        };
    }
}
