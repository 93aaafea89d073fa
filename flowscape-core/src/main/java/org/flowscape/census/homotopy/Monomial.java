package org.flowscape.census.homotopy;

import java.util.Arrays;

/**
 * A monomial x_0^{a_0}·x_1^{a_1}·…·x_{n−1}^{a_{n−1}} in n variables, kept as its exponent vector. Immutable; ordered
 * by total degree, then lexicographically (graded lex), so that polynomials print and iterate in a fixed order.
 */
public final class Monomial implements Comparable<Monomial> {
    private final int[] exponents;
    private final int degree;

    private Monomial(int[] exponents) {
        this.exponents = exponents;
        int d = 0;
        for (int e : exponents) {
            if (e < 0) {
                throw new IllegalArgumentException("monomial exponents must be >= 0, got "
                        + Arrays.toString(exponents));
            }
            d += e;
        }
        this.degree = d;
    }

    /** The monomial with the given exponents (copied; length n, each &ge; 0). */
    public static Monomial of(int... exponents) {
        return new Monomial(exponents.clone());
    }

    /** The constant monomial 1 in n variables. */
    public static Monomial one(int n) {
        return new Monomial(new int[n]);
    }

    /** The variable x_i in n variables. */
    public static Monomial variable(int n, int i) {
        int[] e = new int[n];
        e[i] = 1;
        return new Monomial(e);
    }

    /** The number of variables n. */
    public int variables() {
        return exponents.length;
    }

    /** The exponent of x_i. */
    public int exponent(int i) {
        return exponents[i];
    }

    /** The exponents (a copy). */
    public int[] exponents() {
        return exponents.clone();
    }

    /** The total degree Σ a_i. */
    public int degree() {
        return degree;
    }

    /** This monomial times {@code other} (same n). */
    public Monomial times(Monomial other) {
        int[] e = new int[exponents.length];
        for (int i = 0; i < e.length; i++) {
            e[i] = exponents[i] + other.exponents[i];
        }
        return new Monomial(e);
    }

    /** This monomial with the exponent of x_i lowered by one (the caller checks that it is positive). */
    Monomial lower(int i) {
        int[] e = exponents.clone();
        e[i]--;
        return new Monomial(e);
    }

    /** This monomial in n + 1 variables with x_0^{k} prepended (the other variables shift up by one). */
    Monomial prepend(int k) {
        int[] e = new int[exponents.length + 1];
        e[0] = k;
        System.arraycopy(exponents, 0, e, 1, exponents.length);
        return new Monomial(e);
    }

    @Override
    public int compareTo(Monomial o) {
        if (degree != o.degree) {
            return Integer.compare(degree, o.degree);
        }
        return Arrays.compare(o.exponents, exponents);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Monomial m && Arrays.equals(exponents, m.exponents);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(exponents);
    }

    /** E.g. {@code x1^2*x3} with variables named x1 … xn (1-based), or {@code 1}. */
    public String text(String prefix) {
        return text(i -> prefix + (i + 1));
    }

    /** The monomial with variable i (0-based) named {@code names.apply(i)}, or {@code 1}. */
    public String text(java.util.function.IntFunction<String> names) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < exponents.length; i++) {
            if (exponents[i] == 0) {
                continue;
            }
            sb.append(sb.length() == 0 ? "" : "*").append(names.apply(i));
            if (exponents[i] > 1) {
                sb.append('^').append(exponents[i]);
            }
        }
        return sb.length() == 0 ? "1" : sb.toString();
    }

    @Override
    public String toString() {
        return text("x");
    }
}
