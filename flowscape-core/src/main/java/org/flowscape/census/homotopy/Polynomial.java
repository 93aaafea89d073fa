package org.flowscape.census.homotopy;

import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * A sparse multivariate polynomial in n variables with complex (re, im) double coefficients; a real polynomial is one
 * whose imaginary parts are all zero. Immutable: every operation returns a new polynomial. Terms whose coefficient is
 * exactly 0 are dropped, so {@link #isZero} and {@link #degree} are exact for exactly computed coefficients.
 *
 * <p>Written here because no maintained Java library offers sparse multivariate polynomials with the evaluation,
 * homogenisation and differentiation that homotopy continuation needs (Hipparchus has only univariate ones).
 *
 * <p>Cost: a product of polynomials with s and t terms costs s·t monomial products; evaluation costs one pass over
 * the terms with a table of powers.
 */
public final class Polynomial {
    private final int variables;
    private final NavigableMap<Monomial, double[]> terms;

    private Polynomial(int variables, NavigableMap<Monomial, double[]> terms) {
        this.variables = variables;
        this.terms = terms;
    }

    /** The zero polynomial in n variables. */
    public static Polynomial zero(int n) {
        return new Polynomial(n, new TreeMap<>());
    }

    /** The real constant c in n variables. */
    public static Polynomial constant(int n, double c) {
        return term(n, Monomial.one(n), c, 0);
    }

    /** The variable x_i (0-based) in n variables. */
    public static Polynomial variable(int n, int i) {
        if (i < 0 || i >= n) {
            throw new IllegalArgumentException("variable index " + i + " is outside 0.." + (n - 1));
        }
        return term(n, Monomial.variable(n, i), 1, 0);
    }

    /** The single term (re + i·im)·m. */
    public static Polynomial term(int n, Monomial m, double re, double im) {
        if (m.variables() != n) {
            throw new IllegalArgumentException("monomial has " + m.variables() + " variables, expected " + n);
        }
        TreeMap<Monomial, double[]> t = new TreeMap<>();
        put(t, m, re, im);
        return new Polynomial(n, t);
    }

    private static void put(TreeMap<Monomial, double[]> t, Monomial m, double re, double im) {
        double[] c = t.get(m);
        double r = re + (c == null ? 0 : c[0]);
        double i = im + (c == null ? 0 : c[1]);
        if (r == 0 && i == 0) {
            t.remove(m);
        } else {
            t.put(m, new double[] {r, i});
        }
    }

    /** The number of variables n. */
    public int variables() {
        return variables;
    }

    /** The terms in graded-lex order: monomial → {re, im} (an unmodifiable view; do not modify the arrays). */
    public Map<Monomial, double[]> terms() {
        return Collections.unmodifiableMap(terms);
    }

    /** True for the zero polynomial. */
    public boolean isZero() {
        return terms.isEmpty();
    }

    /** The total degree; −1 for the zero polynomial. */
    public int degree() {
        return terms.isEmpty() ? -1 : terms.lastKey().degree();
    }

    /** True when every coefficient is real. */
    public boolean isReal() {
        return terms.values().stream().allMatch(c -> c[1] == 0);
    }

    /** The real coefficient of {@code m} (0 when absent). */
    public double coefficient(Monomial m) {
        double[] c = terms.get(m);
        return c == null ? 0 : c[0];
    }

    /** this + other. */
    public Polynomial plus(Polynomial other) {
        check(other);
        TreeMap<Monomial, double[]> t = new TreeMap<>(terms);
        other.terms.forEach((m, c) -> put(t, m, c[0], c[1]));
        return new Polynomial(variables, t);
    }

    /** this − other. */
    public Polynomial minus(Polynomial other) {
        return plus(other.scale(-1, 0));
    }

    /** (re + i·im)·this. */
    public Polynomial scale(double re, double im) {
        TreeMap<Monomial, double[]> t = new TreeMap<>();
        terms.forEach((m, c) -> put(t, m, re * c[0] - im * c[1], re * c[1] + im * c[0]));
        return new Polynomial(variables, t);
    }

    /** this · other. */
    public Polynomial times(Polynomial other) {
        check(other);
        TreeMap<Monomial, double[]> t = new TreeMap<>();
        for (Map.Entry<Monomial, double[]> a : terms.entrySet()) {
            double[] ca = a.getValue();
            for (Map.Entry<Monomial, double[]> b : other.terms.entrySet()) {
                double[] cb = b.getValue();
                put(t, a.getKey().times(b.getKey()), ca[0] * cb[0] - ca[1] * cb[1], ca[0] * cb[1] + ca[1] * cb[0]);
            }
        }
        return new Polynomial(variables, t);
    }

    /** this^k for k &ge; 0 by repeated squaring. */
    public Polynomial pow(int k) {
        if (k < 0) {
            throw new IllegalArgumentException("polynomial power must be >= 0, got " + k);
        }
        Polynomial result = constant(variables, 1);
        Polynomial base = this;
        for (int e = k; e > 0; e >>= 1) {
            if ((e & 1) == 1) {
                result = result.times(base);
            }
            if (e > 1) {
                base = base.times(base);
            }
        }
        return result;
    }

    /** ∂/∂x_i, exact on the coefficients (each multiplied by an integer exponent). */
    public Polynomial derivative(int i) {
        TreeMap<Monomial, double[]> t = new TreeMap<>();
        terms.forEach((m, c) -> {
            int a = m.exponent(i);
            if (a > 0) {
                put(t, m.lower(i), a * c[0], a * c[1]);
            }
        });
        return new Polynomial(variables, t);
    }

    /**
     * The homogenisation x_0^{d}·p(x/x_0) in n + 1 variables (the new x_0 first, the old x_i become x_{i+1}).
     *
     * @param d the degree to homogenise to, at least {@link #degree()}
     */
    public Polynomial homogenize(int d) {
        if (d < degree()) {
            throw new IllegalArgumentException("cannot homogenise a degree-" + degree() + " polynomial to degree " + d);
        }
        TreeMap<Monomial, double[]> t = new TreeMap<>();
        terms.forEach((m, c) -> put(t, m.prepend(d - m.degree()), c[0], c[1]));
        return new Polynomial(variables + 1, t);
    }

    /** p(x) for a real x (length n, read only); the imaginary parts of the coefficients are ignored. */
    public double evaluate(double[] x) {
        double sum = 0;
        for (Map.Entry<Monomial, double[]> e : terms.entrySet()) {
            double v = e.getValue()[0];
            Monomial m = e.getKey();
            for (int i = 0; i < variables; i++) {
                for (int k = m.exponent(i); k > 0; k--) {
                    v *= x[i];
                }
            }
            sum += v;
        }
        return sum;
    }

    private void check(Polynomial other) {
        if (other.variables != variables) {
            throw new IllegalArgumentException("polynomials in " + variables + " and " + other.variables
                    + " variables cannot be combined");
        }
    }

    /** E.g. {@code 0.5*x1^2 - x1*x2 + 1} with variables named prefix1 … prefixN; complex coefficients as (re+imi). */
    public String text(String prefix) {
        return text(i -> prefix + (i + 1));
    }

    /** The polynomial with variable i (0-based) named {@code names.apply(i)}. */
    public String text(java.util.function.IntFunction<String> names) {
        if (terms.isEmpty()) {
            return "0";
        }
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<Monomial, double[]> e : terms.descendingMap().entrySet()) {
            double[] c = e.getValue();
            String mono = e.getKey().text(names);
            if (c[1] != 0) {
                sb.append(sb.length() == 0 ? "" : " + ").append('(').append(c[0]).append(c[1] < 0 ? "" : "+")
                        .append(c[1]).append("i)").append(mono.equals("1") ? "" : "*" + mono);
                continue;
            }
            double a = Math.abs(c[0]);
            sb.append(sb.length() == 0 ? (c[0] < 0 ? "-" : "") : (c[0] < 0 ? " - " : " + "));
            if (mono.equals("1")) {
                sb.append(number(a));
            } else {
                sb.append(a == 1 ? "" : number(a) + "*").append(mono);
            }
        }
        return sb.toString();
    }

    private static String number(double v) {
        return v == Math.rint(v) && v < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    @Override
    public String toString() {
        return text("x");
    }
}
