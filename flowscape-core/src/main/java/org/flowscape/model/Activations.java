package org.flowscape.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.flowscape.model.StandardActivation.Kind;

/**
 * Factories for the built-in activations and the parser for their spellings ({@code docs/CLI.md}): {@code identity},
 * {@code relu}, {@code leaky_relu(A)}, {@code relu_pow(K)}, {@code sigmoid}, {@code tanh}, {@code algebraic_sigmoid},
 * {@code softplus}, {@code exp}, {@code sin}, {@code gelu}, {@code swish}, {@code poly(C0,C1,…)}.
 */
public final class Activations {
    /** All spellings accepted by {@link #parse}, for error messages and documentation. */
    public static final String NAMES = "identity, relu, leaky_relu(A), relu_pow(K), sigmoid, tanh, algebraic_sigmoid, "
            + "softplus, exp, sin, gelu, swish, poly(C0,C1,...)";

    private static final double NONE = Double.NaN;

    private Activations() {
    }

    /** ψ(z) = z. */
    public static Activation identity() {
        return make(Kind.IDENTITY, "identity", new ActivationTraits(0, false, 2, 1, true));
    }

    /** ψ(z) = max(z, 0), with ψ'(0) = 0. */
    public static Activation relu() {
        return make(Kind.RELU, "relu", new ActivationTraits(NONE, false, 1, 1, false));
    }

    /** ψ(z) = z for z &gt; 0, αz otherwise. */
    public static Activation leakyRelu(double alpha) {
        finite("leaky_relu slope", alpha);
        return make(Kind.LEAKY_RELU, "leaky_relu(" + fmt(alpha) + ")",
                new ActivationTraits(alpha == 1 ? 0 : NONE, alpha == -1, 1 + alpha, 1, alpha == 1), alpha);
    }

    /** ψ(z) = max(z, 0)^k for a real k &ge; 1 (k = 1 is relu). */
    public static Activation reluPow(double k) {
        if (!(k >= 1)) {
            throw new IllegalArgumentException("relu_pow exponent must be >= 1, got " + k);
        }
        int degree = k == Math.rint(k) ? (int) k : 0;
        return make(Kind.RELU_POW, "relu_pow(" + fmt(k) + ")",
                new ActivationTraits(NONE, false, k == 1 ? 1 : NONE, degree, false), k);
    }

    /** The logistic sigmoid 1/(1 + e^{−z}); ψ(−z) = 1 − ψ(z). */
    public static Activation sigmoid() {
        return make(Kind.SIGMOID, "sigmoid", new ActivationTraits(0.5, false, NONE, 0, true));
    }

    /** tanh(z), odd. */
    public static Activation tanh() {
        return make(Kind.TANH, "tanh", new ActivationTraits(0, false, NONE, 0, true));
    }

    /** The algebraic sigmoid z/√(1 + z²), odd (paper A's example). */
    public static Activation algebraicSigmoid() {
        return make(Kind.ALGEBRAIC_SIGMOID, "algebraic_sigmoid", new ActivationTraits(0, false, NONE, 0, true));
    }

    /** log(1 + e^z); ψ(z) − ψ(−z) = z. */
    public static Activation softplus() {
        return make(Kind.SOFTPLUS, "softplus", new ActivationTraits(NONE, false, 1, 0, true));
    }

    /** e^z. */
    public static Activation exp() {
        return make(Kind.EXP, "exp", new ActivationTraits(NONE, false, NONE, 0, true));
    }

    /** sin(z), odd. */
    public static Activation sin() {
        return make(Kind.SIN, "sin", new ActivationTraits(0, false, NONE, 0, true));
    }

    /** The exact gelu z·Φ(z) with the normal CDF Φ; ψ(z) − ψ(−z) = z. */
    public static Activation gelu() {
        return make(Kind.GELU, "gelu", new ActivationTraits(NONE, false, 1, 0, true));
    }

    /** swish (SiLU) z·σ(z); ψ(z) − ψ(−z) = z. */
    public static Activation swish() {
        return make(Kind.SWISH, "swish", new ActivationTraits(NONE, false, 1, 0, true));
    }

    /** The polynomial c0 + c1 z + … + cm z^m (at least one coefficient). */
    public static Activation poly(double... c) {
        if (c.length == 0) {
            throw new IllegalArgumentException("poly needs at least one coefficient, e.g. poly(0,1,0.5)");
        }
        StringBuilder sb = new StringBuilder("poly(");
        boolean odd = true;
        boolean even = true;
        for (int i = 0; i < c.length; i++) {
            finite("poly coefficient", c[i]);
            sb.append(i == 0 ? "" : ",").append(fmt(c[i]));
            odd &= i % 2 == 1 || c[i] == 0;
            even &= i % 2 == 0 || c[i] == 0;
        }
        double linearOdd = NONE;
        boolean onlyLinearOdd = true;
        for (int i = 3; i < c.length; i += 2) {
            onlyLinearOdd &= c[i] == 0;
        }
        if (onlyLinearOdd) {
            linearOdd = c.length > 1 ? 2 * c[1] : 0;
        }
        double oddAbout = NONE;
        if (odd) {
            oddAbout = 0;
        } else if (isOddAfterShift(c)) {
            oddAbout = c[0];
        }
        int degree = homogeneousDegree(c);
        return make(Kind.POLY, sb.append(')').toString(), new ActivationTraits(oddAbout, even, linearOdd, degree, true),
                c);
    }

    private static boolean isOddAfterShift(double[] c) {
        for (int i = 2; i < c.length; i += 2) {
            if (c[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static int homogeneousDegree(double[] c) {
        int nonzero = -1;
        for (int i = 0; i < c.length; i++) {
            if (c[i] != 0) {
                if (nonzero >= 0) {
                    return 0;
                }
                nonzero = i;
            }
        }
        return Math.max(nonzero, 0);
    }

    /**
     * Parses an activation spelling (case-insensitive, spaces ignored).
     *
     * @throws IllegalArgumentException naming the accepted spellings when {@code spec} is not one of them
     */
    public static Activation parse(String spec) {
        String s = spec.replace(" ", "").toLowerCase(Locale.ROOT);
        String name = s;
        double[] args = new double[0];
        int open = s.indexOf('(');
        if (open >= 0) {
            if (!s.endsWith(")")) {
                throw new IllegalArgumentException("activation '" + spec + "' has an unclosed '('; write e.g. "
                        + "leaky_relu(0.1)");
            }
            name = s.substring(0, open);
            args = parseArgs(spec, s.substring(open + 1, s.length() - 1));
        }
        return switch (name) {
            case "identity", "linear" -> noArgs(spec, args, identity());
            case "relu" -> noArgs(spec, args, relu());
            case "leaky_relu" -> leakyRelu(oneArg(spec, args, 0.01));
            case "relu_pow" -> reluPow(oneArg(spec, args, Double.NaN));
            case "sigmoid", "logistic" -> noArgs(spec, args, sigmoid());
            case "tanh" -> noArgs(spec, args, tanh());
            case "algebraic_sigmoid" -> noArgs(spec, args, algebraicSigmoid());
            case "softplus" -> noArgs(spec, args, softplus());
            case "exp" -> noArgs(spec, args, exp());
            case "sin" -> noArgs(spec, args, sin());
            case "gelu" -> noArgs(spec, args, gelu());
            case "swish", "silu" -> noArgs(spec, args, swish());
            case "poly" -> poly(args);
            default -> throw new IllegalArgumentException("unknown activation '" + spec + "'; use one of " + NAMES);
        };
    }

    private static double[] parseArgs(String spec, String inner) {
        if (inner.isEmpty()) {
            return new double[0];
        }
        List<Double> values = new ArrayList<>();
        for (String part : inner.split(",")) {
            try {
                values.add(Double.parseDouble(part));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("activation '" + spec + "': '" + part + "' is not a number");
            }
        }
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static Activation noArgs(String spec, double[] args, Activation a) {
        if (args.length != 0) {
            throw new IllegalArgumentException("activation '" + spec + "' takes no arguments; write " + a.spec());
        }
        return a;
    }

    private static double oneArg(String spec, double[] args, double fallback) {
        if (args.length == 1) {
            return args[0];
        }
        if (args.length == 0 && !Double.isNaN(fallback)) {
            return fallback;
        }
        throw new IllegalArgumentException("activation '" + spec + "' takes exactly one number, e.g. relu_pow(2)");
    }

    private static void finite(String what, double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(what + " must be finite, got " + v);
        }
    }

    static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private static Activation make(Kind kind, String spec, ActivationTraits traits, double... params) {
        return new StandardActivation(kind, params, spec, traits);
    }
}
