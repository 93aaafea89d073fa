package org.flowscape.census.laws;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flowscape.census.homotopy.Monomial;
import org.flowscape.census.homotopy.Polynomial;
import org.hipparchus.fraction.BigFraction;

/**
 * The conservation laws of degree ≤ 2 of the gradient flows of every loss ℓ(φ(θ)): a polynomial
 * h(θ) = Σ c_α θ^α (1 ≤ |α| ≤ 2, constants excluded) is conserved for every ℓ iff ∇h·∇φ_i ≡ 0 for every component
 * φ_i, identically in θ (Marcotte, Gribonval &amp; Peyré 2023, Prop. 2.5). Collecting the coefficient of each monomial
 * of each ∇h·∇φ_i gives a linear system in the c_α; the laws are its kernel, computed exactly over ℚ (Hipparchus'
 * {@link BigFraction}; the reduced row echelon form and kernel are our own, as no maintained Java library gives the
 * null space of a rational matrix). Cost: a system of D + D(D+1)/2 unknowns.
 */
public final class QuadraticLaws {
    private final int d;
    private final List<Monomial> unknowns = new ArrayList<>();
    private final List<BigFraction[]> rows = new ArrayList<>();
    private final List<Polynomial> laws;

    /** The system for φ (integer coefficients) in D variables, and its kernel. */
    public QuadraticLaws(List<Polynomial> phi, int d) {
        this.d = d;
        for (int a = 0; a < d; a++) {
            unknowns.add(Monomial.variable(d, a));
        }
        for (int a = 0; a < d; a++) {
            for (int b = a; b < d; b++) {
                unknowns.add(Monomial.variable(d, a).times(Monomial.variable(d, b)));
            }
        }
        for (Polynomial f : phi) {
            addRows(f);
        }
        this.laws = kernel();
    }

    /** The laws, one polynomial per kernel basis vector, scaled to coprime integer coefficients. */
    public List<Polynomial> laws() {
        return laws;
    }

    /** True when h (integer coefficients, degree 1..2, no constant) satisfies every equation: h is conserved. */
    public boolean conserves(Polynomial h) {
        BigFraction[] c = new BigFraction[unknowns.size()];
        for (int u = 0; u < c.length; u++) {
            c[u] = new BigFraction((long) h.coefficient(unknowns.get(u)));
        }
        for (BigFraction[] row : rows) {
            BigFraction s = BigFraction.ZERO;
            for (int u = 0; u < c.length; u++) {
                if (row[u].signum() != 0) {
                    s = s.add(row[u].multiply(c[u]));
                }
            }
            if (s.signum() != 0) {
                return false;
            }
        }
        return true;
    }

    private void addRows(Polynomial f) {
        Map<Monomial, BigFraction[]> byMonomial = new LinkedHashMap<>();
        List<Polynomial> grad = new ArrayList<>();
        for (int j = 0; j < d; j++) {
            grad.add(f.derivative(j));
        }
        for (int u = 0; u < unknowns.size(); u++) {
            Polynomial dot = Polynomial.zero(d);
            for (int j = 0; j < d; j++) {
                Polynomial dm = Polynomial.term(d, unknowns.get(u), 1, 0).derivative(j);
                if (!dm.isZero() && !grad.get(j).isZero()) {
                    dot = dot.plus(dm.times(grad.get(j)));
                }
            }
            for (Map.Entry<Monomial, double[]> e : dot.terms().entrySet()) {
                BigFraction[] row = byMonomial.computeIfAbsent(e.getKey(), m -> zeros(unknowns.size()));
                row[u] = row[u].add(new BigFraction((long) e.getValue()[0]));
            }
        }
        rows.addAll(byMonomial.values());
    }

    private static BigFraction[] zeros(int n) {
        BigFraction[] r = new BigFraction[n];
        java.util.Arrays.fill(r, BigFraction.ZERO);
        return r;
    }

    /** Reduced row echelon form of a copy of the rows, then one kernel vector per free column. */
    private List<Polynomial> kernel() {
        int n = unknowns.size();
        List<BigFraction[]> m = new ArrayList<>();
        rows.forEach(r -> m.add(r.clone()));
        int[] pivotOf = new int[n];
        java.util.Arrays.fill(pivotOf, -1);
        int rank = 0;
        for (int col = 0; col < n && rank < m.size(); col++) {
            int piv = -1;
            for (int r = rank; r < m.size(); r++) {
                if (m.get(r)[col].signum() != 0) {
                    piv = r;
                    break;
                }
            }
            if (piv < 0) {
                continue;
            }
            BigFraction[] p = m.get(piv);
            m.set(piv, m.get(rank));
            m.set(rank, p);
            BigFraction inv = BigFraction.ONE.divide(p[col]);
            for (int j = 0; j < n; j++) {
                p[j] = p[j].multiply(inv);
            }
            for (int r = 0; r < m.size(); r++) {
                BigFraction f = m.get(r)[col];
                if (r != rank && f.signum() != 0) {
                    BigFraction[] row = m.get(r);
                    for (int j = 0; j < n; j++) {
                        if (p[j].signum() != 0) {
                            row[j] = row[j].subtract(f.multiply(p[j]));
                        }
                    }
                }
            }
            pivotOf[col] = rank++;
        }
        List<Polynomial> out = new ArrayList<>();
        for (int free = 0; free < n; free++) {
            if (pivotOf[free] >= 0) {
                continue;
            }
            BigFraction[] v = zeros(n);
            v[free] = BigFraction.ONE;
            for (int col = 0; col < n; col++) {
                if (pivotOf[col] >= 0) {
                    v[col] = m.get(pivotOf[col])[free].negate();
                }
            }
            out.add(integerPolynomial(v));
        }
        return List.copyOf(out);
    }

    /** Σ v_u·unknown_u scaled to coprime integers, the highest-degree leading coefficient positive. */
    private Polynomial integerPolynomial(BigFraction[] v) {
        BigInteger lcm = BigInteger.ONE;
        for (BigFraction f : v) {
            lcm = lcm.divide(lcm.gcd(f.getDenominator())).multiply(f.getDenominator());
        }
        BigInteger[] ints = new BigInteger[v.length];
        BigInteger gcd = BigInteger.ZERO;
        for (int u = 0; u < v.length; u++) {
            ints[u] = v[u].multiply(lcm).getNumerator();
            gcd = gcd.gcd(ints[u]);
        }
        int sign = 0;
        for (int u = v.length - 1; u >= 0 && sign == 0; u--) {
            sign = ints[u].signum();
        }
        Polynomial p = Polynomial.zero(d);
        for (int u = 0; u < v.length; u++) {
            if (ints[u].signum() != 0) {
                double c = ints[u].divide(gcd).doubleValue() * sign;
                p = p.plus(Polynomial.term(d, unknowns.get(u), c, 0));
            }
        }
        return p;
    }
}
