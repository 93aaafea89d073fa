package org.flowscape.census.homotopy;

import java.util.ArrayList;
import java.util.List;

/**
 * A square or rectangular system F = (f_1 … f_m) of polynomials in n variables with its exact Jacobian
 * ∂f_i/∂x_j (differentiated symbolically once, at construction), evaluated at complex points. Immutable and
 * thread-safe: evaluation takes its scratch from the caller through {@link Workspace}.
 *
 * <p>Complex vectors are interleaved (re, im) arrays: entry j is {@code x[2j] + i·x[2j+1]}; matrices are row-major
 * with the same interleaving.
 */
public final class PolynomialSystem {
    private final List<Polynomial> equations;
    private final int variables;
    private final int maxDegree;
    private final CompiledPolynomial[] values;
    private final CompiledPolynomial[] jacobian;

    /** @param equations at least one polynomial, all in the same number of variables */
    public PolynomialSystem(List<Polynomial> equations) {
        if (equations.isEmpty()) {
            throw new IllegalArgumentException("a polynomial system needs at least one equation");
        }
        this.equations = List.copyOf(equations);
        this.variables = equations.get(0).variables();
        int m = equations.size();
        values = new CompiledPolynomial[m];
        jacobian = new CompiledPolynomial[m * variables];
        int d = 0;
        for (int i = 0; i < m; i++) {
            Polynomial f = equations.get(i);
            if (f.variables() != variables) {
                throw new IllegalArgumentException("equation " + (i + 1) + " has " + f.variables()
                        + " variables, expected " + variables);
            }
            d = Math.max(d, f.degree());
            values[i] = new CompiledPolynomial(f);
            for (int j = 0; j < variables; j++) {
                jacobian[i * variables + j] = new CompiledPolynomial(f.derivative(j));
            }
        }
        this.maxDegree = Math.max(d, 1);
    }

    /** The equations. */
    public List<Polynomial> equations() {
        return equations;
    }

    /** The number of equations m. */
    public int size() {
        return equations.size();
    }

    /** The number of variables n. */
    public int variables() {
        return variables;
    }

    /** The degree of each equation. */
    public int[] degrees() {
        return equations.stream().mapToInt(Polynomial::degree).toArray();
    }

    /** The system of the ∂f_i/∂x_j polynomials (m·n equations, row-major), for Hessians and interval Jacobians. */
    public List<Polynomial> jacobianPolynomials() {
        List<Polynomial> out = new ArrayList<>();
        for (Polynomial f : equations) {
            for (int j = 0; j < variables; j++) {
                out.add(f.derivative(j));
            }
        }
        return out;
    }

    CompiledPolynomial compiledValue(int i) {
        return values[i];
    }

    CompiledPolynomial compiledJacobian(int i, int j) {
        return jacobian[i * variables + j];
    }

    /**
     * F(x) into {@code f} (length 2m, overwritten) and, when {@code jac} is not null, the Jacobian into {@code jac}
     * (length 2mn, overwritten); x (length 2n) is read only. Cost: one pass over all terms of F and of its Jacobian.
     */
    public void evaluate(double[] x, double[] f, double[] jac, Workspace ws) {
        ws.tabulate(x);
        for (int i = 0; i < values.length; i++) {
            values[i].evaluate(ws.powRe, ws.powIm, f, 2 * i);
        }
        if (jac != null) {
            for (int k = 0; k < jacobian.length; k++) {
                jacobian[k].evaluate(ws.powRe, ws.powIm, jac, 2 * k);
            }
        }
    }

    /** A new workspace for this system (not thread-safe; one per thread). */
    public Workspace workspace() {
        return new Workspace(variables, maxDegree);
    }

    /** The table of powers x_i^k, k ≤ the largest degree, reused between evaluations. */
    public static final class Workspace {
        final double[][] powRe;
        final double[][] powIm;

        Workspace(int n, int degree) {
            powRe = new double[n][degree + 1];
            powIm = new double[n][degree + 1];
        }

        void tabulate(double[] x) {
            for (int i = 0; i < powRe.length; i++) {
                double[] r = powRe[i];
                double[] m = powIm[i];
                r[0] = 1;
                m[0] = 0;
                for (int k = 1; k < r.length; k++) {
                    r[k] = r[k - 1] * x[2 * i] - m[k - 1] * x[2 * i + 1];
                    m[k] = r[k - 1] * x[2 * i + 1] + m[k - 1] * x[2 * i];
                }
            }
        }
    }
}
