package org.flowscape.census.laws;

import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.flowscape.census.homotopy.Monomial;
import org.flowscape.census.homotopy.Polynomial;

/**
 * A sparse multivariate polynomial with coefficients in the prime field F_p, p = 2³¹ − 1, so that every product of
 * two reduced coefficients fits in a {@code long}. Exact: ranks of values of such polynomials at a random point equal
 * the ranks over ℚ except with probability at most (degree · size)/p (Schwartz–Zippel). Immutable.
 */
public final class ModPolynomial {
    /** The prime 2³¹ − 1. */
    public static final long P = 2_147_483_647L;

    private final int variables;
    private final NavigableMap<Monomial, Long> terms;

    private ModPolynomial(int variables, NavigableMap<Monomial, Long> terms) {
        this.variables = variables;
        this.terms = terms;
    }

    /** The zero polynomial in n variables. */
    public static ModPolynomial zero(int n) {
        return new ModPolynomial(n, new TreeMap<>());
    }

    /**
     * The reduction of a real polynomial whose coefficients are integers (exactly).
     *
     * @throws IllegalArgumentException when a coefficient is not an integer or is complex
     */
    public static ModPolynomial of(Polynomial p) {
        TreeMap<Monomial, Long> t = new TreeMap<>();
        for (Map.Entry<Monomial, double[]> e : p.terms().entrySet()) {
            double c = e.getValue()[0];
            if (e.getValue()[1] != 0 || c != Math.rint(c) || Math.abs(c) > 1e15) {
                throw new IllegalArgumentException("coefficient " + c + " of " + e.getKey()
                        + " is not an integer; the reparametrisation must have integer coefficients");
            }
            put(t, e.getKey(), reduce((long) c));
        }
        return new ModPolynomial(p.variables(), t);
    }

    static long reduce(long c) {
        long r = c % P;
        return r < 0 ? r + P : r;
    }

    private static void put(TreeMap<Monomial, Long> t, Monomial m, long c) {
        Long old = t.get(m);
        long v = (c + (old == null ? 0 : old)) % P;
        if (v == 0) {
            t.remove(m);
        } else {
            t.put(m, v);
        }
    }

    /** The number of variables. */
    public int variables() {
        return variables;
    }

    /** The terms (unmodifiable view), coefficients in [1, p). */
    public Map<Monomial, Long> terms() {
        return Collections.unmodifiableMap(terms);
    }

    /** True for the zero polynomial. */
    public boolean isZero() {
        return terms.isEmpty();
    }

    /** this + c·other. */
    public ModPolynomial plusScaled(long c, ModPolynomial other) {
        TreeMap<Monomial, Long> t = new TreeMap<>(terms);
        long s = reduce(c);
        other.terms.forEach((m, v) -> put(t, m, s * v % P));
        return new ModPolynomial(variables, t);
    }

    /** this · other. */
    public ModPolynomial times(ModPolynomial other) {
        TreeMap<Monomial, Long> t = new TreeMap<>();
        for (Map.Entry<Monomial, Long> a : terms.entrySet()) {
            for (Map.Entry<Monomial, Long> b : other.terms.entrySet()) {
                put(t, a.getKey().times(b.getKey()), a.getValue() * b.getValue() % P);
            }
        }
        return new ModPolynomial(variables, t);
    }

    /** ∂/∂x_i. */
    public ModPolynomial derivative(int i) {
        TreeMap<Monomial, Long> t = new TreeMap<>();
        terms.forEach((m, c) -> {
            int a = m.exponent(i);
            if (a > 0) {
                int[] e = m.exponents();
                e[i]--;
                put(t, Monomial.of(e), a * c % P);
            }
        });
        return new ModPolynomial(variables, t);
    }

    /** The value at a point of F_p^n (entries in [0, p), read only). Cost: one pass over the terms. */
    public long evaluate(long[] x) {
        long sum = 0;
        for (Map.Entry<Monomial, Long> e : terms.entrySet()) {
            long v = e.getValue();
            Monomial m = e.getKey();
            for (int i = 0; i < variables; i++) {
                for (int k = m.exponent(i); k > 0; k--) {
                    v = v * x[i] % P;
                }
            }
            sum = (sum + v) % P;
        }
        return sum;
    }
}
