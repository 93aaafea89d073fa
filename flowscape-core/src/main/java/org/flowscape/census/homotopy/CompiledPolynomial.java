package org.flowscape.census.homotopy;

import java.util.Map;

/**
 * A polynomial flattened to arrays for fast evaluation at complex points: per term its coefficient and the
 * (variable, exponent) pairs of its nonzero exponents. Immutable and thread-safe; the caller supplies the table of
 * powers. Cost per evaluation: one complex multiply per unit of each term's degree.
 */
final class CompiledPolynomial {
    private final double[] re;
    private final double[] im;
    private final int[][] vars;
    private final int[][] exps;

    CompiledPolynomial(Polynomial p) {
        int s = p.terms().size();
        re = new double[s];
        im = new double[s];
        vars = new int[s][];
        exps = new int[s][];
        int t = 0;
        for (Map.Entry<Monomial, double[]> e : p.terms().entrySet()) {
            re[t] = e.getValue()[0];
            im[t] = e.getValue()[1];
            Monomial m = e.getKey();
            int nz = 0;
            for (int i = 0; i < m.variables(); i++) {
                nz += m.exponent(i) > 0 ? 1 : 0;
            }
            vars[t] = new int[nz];
            exps[t] = new int[nz];
            int k = 0;
            for (int i = 0; i < m.variables(); i++) {
                if (m.exponent(i) > 0) {
                    vars[t][k] = i;
                    exps[t][k++] = m.exponent(i);
                }
            }
            t++;
        }
    }

    /**
     * p at the point whose powers are tabulated: {@code powRe[i][k] + i·powIm[i][k] = x_i^k} (read only). Writes
     * the value into {@code out[offset]} (real part) and {@code out[offset + 1]} (imaginary part).
     */
    void evaluate(double[][] powRe, double[][] powIm, double[] out, int offset) {
        double sr = 0;
        double si = 0;
        for (int t = 0; t < re.length; t++) {
            double vr = re[t];
            double vi = im[t];
            int[] v = vars[t];
            int[] e = exps[t];
            for (int k = 0; k < v.length; k++) {
                double pr = powRe[v[k]][e[k]];
                double pi = powIm[v[k]][e[k]];
                double nr = vr * pr - vi * pi;
                vi = vr * pi + vi * pr;
                vr = nr;
            }
            sr += vr;
            si += vi;
        }
        out[offset] = sr;
        out[offset + 1] = si;
    }

    /** The term count. */
    int terms() {
        return re.length;
    }

    /** The coefficient of term t (re, im) and its (variable, exponent) pairs, for interval evaluation. */
    double coefficientRe(int t) {
        return re[t];
    }

    double coefficientIm(int t) {
        return im[t];
    }

    int[] variablesOf(int t) {
        return vars[t];
    }

    int[] exponentsOf(int t) {
        return exps[t];
    }
}
