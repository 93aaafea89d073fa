package org.flowscape.dynamics;

import java.util.Arrays;

/**
 * The coefficients of an s-stage Rosenbrock method with an embedded error estimate, in the transformed form of
 * Hairer &amp; Wanner (Solving ODEs II, §IV.7, eq. 7.25) that needs no products with the Jacobian J:
 * <pre>
 *   (I/(hγ) − J) u_i = f(y0 + Σ_{j&lt;i} a_ij u_j) + Σ_{j&lt;i} (c_ij / h) u_j,   i = 1..s
 *   y1 = y0 + Σ m_i u_i,     error estimate  Σ e_i u_i  (the embedded solution uses m − e)
 * </pre>
 * For the gradient flow J = −H, the exact Hessian. The constructor checks consistency: it maps the coefficients back
 * to the standard form (α = aΓ, b = mΓ with Γ⁻¹ = diag(1/γ) − c) and verifies the order conditions of HW Table 7.1
 * up to order 4 for both the method and its embedded partner, so a mistyped coefficient fails at class load. When a
 * row of {@code a} repeats the previous row the stepper reuses that stage's f (Shampine's fourth stage does).
 *
 * @param name          short name, e.g. {@code shampine4}
 * @param order         the order p the coefficients must satisfy (checked)
 * @param embeddedOrder the order of m − e (checked)
 * @param gamma         the diagonal γ
 * @param a             s × s, strictly lower triangular (copied)
 * @param c             s × s, strictly lower triangular (copied)
 * @param m             the weights, length s (copied)
 * @param e             the error weights, length s (copied)
 */
public record RosenbrockTableau(String name, int order, int embeddedOrder, double gamma, double[][] a, double[][] c,
        double[] m, double[] e) {

    /** Order conditions must hold to this absolute residual (the coefficients are exact rationals or surds). */
    static final double CONDITION_TOLERANCE = 1e-12;

    /**
     * Shampine's L-stable-in-the-limit 4(3) pair (L. F. Shampine, ACM TOMS 8 (1982) 93–113), as tabulated in Numerical
     * Recipes' {@code stiff}: 4 stages, 3 f-evaluations (stage 4 reuses stage 3's), one Jacobian per step.
     */
    public static final RosenbrockTableau SHAMPINE4 = new RosenbrockTableau("shampine4", 4, 3, 0.5,
            new double[][] {{0, 0, 0, 0}, {2, 0, 0, 0}, {48.0 / 25, 6.0 / 25, 0, 0}, {48.0 / 25, 6.0 / 25, 0, 0}},
            new double[][] {{0, 0, 0, 0}, {-8, 0, 0, 0}, {372.0 / 25, 12.0 / 5, 0, 0},
                {-112.0 / 125, -54.0 / 125, -2.0 / 5, 0}},
            new double[] {19.0 / 9, 1.0 / 2, 25.0 / 108, 125.0 / 108},
            new double[] {17.0 / 54, 7.0 / 36, 0, 125.0 / 108});

    /**
     * ROS2 with γ = 1 − 1/√2 (L-stable, order 2), embedded with the linearly implicit Euler step (order 1), built
     * from its standard-form coefficients α21 = 1, γ21 = √2 − 2, b = (½, ½), b̂ = (1, 0).
     */
    public static final RosenbrockTableau ROS2 = fromStandard("ros2", 2, 1, 1 - Math.sqrt(0.5),
            new double[][] {{0, 0}, {1, 0}}, new double[][] {{0, 0}, {Math.sqrt(2) - 2, 0}},
            new double[] {0.5, 0.5}, new double[] {1, 0});

    public RosenbrockTableau {
        int s = m.length;
        if (s == 0 || a.length != s || c.length != s || e.length != s || !(gamma > 0)) {
            throw new IllegalArgumentException("tableau " + name + ": a, c must be s x s and m, e of length s = " + s
                    + ", gamma > 0");
        }
        a = copy(a, s, name + ".a");
        c = copy(c, s, name + ".c");
        m = m.clone();
        e = e.clone();
        double[] embedded = new double[s];
        for (int i = 0; i < s; i++) {
            embedded[i] = m[i] - e[i];
        }
        int p = satisfiedOrder(gamma, a, c, m);
        int q = satisfiedOrder(gamma, a, c, embedded);
        if (p != order || q != embeddedOrder) {
            throw new IllegalArgumentException("tableau " + name + " satisfies the order conditions to order " + p
                    + " (embedded " + q + ") but declares " + order + " (" + embeddedOrder
                    + "); check its coefficients");
        }
    }

    /**
     * A tableau from the standard form (I − hγJ)k_i = h f(y0 + Σ α_ij k_j) + hJ Σ γ_ij k_j, y1 = y0 + Σ b_i k_i,
     * embedded ŷ1 = y0 + Σ b̂_i k_i, converted with u = Γk.
     */
    public static RosenbrockTableau fromStandard(String name, int order, int embeddedOrder, double gamma,
            double[][] alpha, double[][] gammaOff, double[] b, double[] bHat) {
        int s = b.length;
        double[][] g = new double[s][s];
        for (int i = 0; i < s; i++) {
            for (int j = 0; j < i; j++) {
                g[i][j] = gammaOff[i][j];
            }
            g[i][i] = gamma;
        }
        double[][] gInv = lowerInverse(g);
        double[][] a = multiply(alpha, gInv);
        double[][] c = new double[s][s];
        for (int i = 0; i < s; i++) {
            for (int j = 0; j < i; j++) {
                c[i][j] = -gInv[i][j];
            }
        }
        double[] m = multiply(b, gInv);
        double[] mHat = multiply(bHat, gInv);
        double[] e = new double[s];
        for (int i = 0; i < s; i++) {
            e[i] = m[i] - mHat[i];
        }
        return new RosenbrockTableau(name, order, embeddedOrder, gamma, a, c, m, e);
    }

    /** The number of stages s. */
    public int stages() {
        return m.length;
    }

    /** True when stage i evaluates f at the same point as stage i − 1 (its row of a repeats). */
    boolean reusesPrevious(int i) {
        return i > 0 && Arrays.equals(a[i], a[i - 1]);
    }

    /** The highest order p ≤ 4 whose conditions (HW Table 7.1) the weights satisfy. */
    static int satisfiedOrder(double gamma, double[][] a, double[][] c, double[] weights) {
        int s = weights.length;
        double[][] gInv = new double[s][s];
        for (int i = 0; i < s; i++) {
            for (int j = 0; j < i; j++) {
                gInv[i][j] = -c[i][j];
            }
            gInv[i][i] = 1 / gamma;
        }
        double[][] g = lowerInverse(gInv);
        double[][] alpha = multiply(a, g);
        double[] b = multiply(weights, g);
        double[][] beta = new double[s][s];
        double[] al = new double[s];
        double[] bp = new double[s];
        for (int i = 0; i < s; i++) {
            for (int j = 0; j < i; j++) {
                beta[i][j] = alpha[i][j] + g[i][j];
                al[i] += alpha[i][j];
                bp[i] += beta[i][j];
            }
        }
        double[] bbp = apply(beta, bp);
        double[] al2 = new double[s];
        double[] al3 = new double[s];
        double[] alBp = apply(alpha, bp);
        double[] mixed = new double[s];
        for (int i = 0; i < s; i++) {
            al2[i] = al[i] * al[i];
            al3[i] = al2[i] * al[i];
            mixed[i] = al[i] * alBp[i];
        }
        double y = gamma;
        double[][] conditions = {
            {dot(b, ones(s)) - 1},
            {dot(b, bp) - (0.5 - y)},
            {dot(b, al2) - 1.0 / 3, dot(b, bbp) - (1.0 / 6 - y + y * y)},
            {dot(b, al3) - 0.25, dot(b, mixed) - (1.0 / 8 - y / 3), dot(b, apply(beta, al2)) - (1.0 / 12 - y / 3),
                dot(b, apply(beta, bbp)) - (1.0 / 24 - y / 2 + 1.5 * y * y - y * y * y)}};
        int p = 0;
        for (double[] level : conditions) {
            for (double r : level) {
                if (!(Math.abs(r) <= CONDITION_TOLERANCE)) {
                    return p;
                }
            }
            p++;
        }
        return p;
    }

    private static double[][] copy(double[][] x, int s, String what) {
        double[][] r = new double[s][];
        for (int i = 0; i < s; i++) {
            if (x[i].length != s) {
                throw new IllegalArgumentException(what + " row " + i + " has length " + x[i].length
                        + ", expected " + s);
            }
            for (int j = i; j < s; j++) {
                if (x[i][j] != 0) {
                    throw new IllegalArgumentException(what + " must be strictly lower triangular; entry (" + i + ","
                            + j + ") is " + x[i][j]);
                }
            }
            r[i] = x[i].clone();
        }
        return r;
    }

    private static double[][] lowerInverse(double[][] l) {
        int s = l.length;
        double[][] inv = new double[s][s];
        for (int col = 0; col < s; col++) {
            for (int i = 0; i < s; i++) {
                double sum = i == col ? 1 : 0;
                for (int k = 0; k < i; k++) {
                    sum -= l[i][k] * inv[k][col];
                }
                inv[i][col] = sum / l[i][i];
            }
        }
        return inv;
    }

    private static double[][] multiply(double[][] x, double[][] y) {
        int s = x.length;
        double[][] r = new double[s][s];
        for (int i = 0; i < s; i++) {
            r[i] = multiply(x[i], y);
        }
        return r;
    }

    private static double[] multiply(double[] row, double[][] y) {
        int s = row.length;
        double[] r = new double[s];
        for (int k = 0; k < s; k++) {
            for (int j = 0; j < s; j++) {
                r[j] += row[k] * y[k][j];
            }
        }
        return r;
    }

    private static double[] apply(double[][] x, double[] v) {
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = dot(x[i], v);
        }
        return r;
    }

    private static double dot(double[] x, double[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += x[i] * y[i];
        }
        return s;
    }

    private static double[] ones(int s) {
        double[] r = new double[s];
        Arrays.fill(r, 1);
        return r;
    }
}
