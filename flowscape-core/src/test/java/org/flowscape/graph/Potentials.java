package org.flowscape.graph;

import org.flowscape.objective.Objective;

/** Closed-form test surfaces with exact derivatives, for the landscape-graph tests. */
final class Potentials {
    private Potentials() {
    }

    /** A smooth function of θ given by value, gradient and Hessian formulas. */
    abstract static class Surface implements Objective {
        private final int dim;

        Surface(int dim) {
            this.dim = dim;
        }

        @Override
        public int dim() {
            return dim;
        }

        @Override
        public double value(double[] t) {
            return valueAndGradient(t, new double[dim]);
        }

        /** The dense Hessian into out (dim × dim). */
        abstract void hessianInto(double[] t, double[] out);

        @Override
        public void hessianVectorProduct(double[] t, double[] v, double[] out) {
            double[] h = new double[dim * dim];
            hessianInto(t, h);
            for (int i = 0; i < dim; i++) {
                double s = 0;
                for (int j = 0; j < dim; j++) {
                    s += h[i * dim + j] * v[j];
                }
                out[i] = s;
            }
        }

        @Override
        public Objective fork() {
            return this;
        }
    }

    /**
     * f(x) + ½(y − c·x²)² with f a polynomial in x (coefficients ascending): the critical points are (x*, c·x*²) for
     * the critical points x* of f, with L = f(x*), the index of f there and det H = f''(x*) (the shear has Jacobian
     * 1).
     */
    static Surface valley(double c, double... f) {
        return new Surface(2) {
            @Override
            public double valueAndGradient(double[] t, double[] g) {
                double x = t[0];
                double w = t[1] - c * x * x;
                g[0] = poly(f, x, 1) - 2 * c * x * w;
                g[1] = w;
                return poly(f, x, 0) + 0.5 * w * w;
            }

            @Override
            void hessianInto(double[] t, double[] h) {
                double x = t[0];
                double w = t[1] - c * x * x;
                h[0] = poly(f, x, 2) + 4 * c * c * x * x - 2 * c * w;
                h[1] = -2 * c * x;
                h[2] = -2 * c * x;
                h[3] = 1;
            }
        };
    }

    /** A polynomial of one variable (coefficients ascending), as a 1-parameter objective. */
    static Surface line(double... f) {
        return new Surface(1) {
            @Override
            public double valueAndGradient(double[] t, double[] g) {
                g[0] = poly(f, t[0], 1);
                return poly(f, t[0], 0);
            }

            @Override
            void hessianInto(double[] t, double[] h) {
                h[0] = poly(f, t[0], 2);
            }
        };
    }

    /** The d-th derivative of Σ f_k x^k at x. */
    static double poly(double[] f, double x, int d) {
        double s = 0;
        for (int k = f.length - 1; k >= d; k--) {
            double c = f[k];
            for (int m = 0; m < d; m++) {
                c *= k - m;
            }
            s = s * x + c;
        }
        return s;
    }

    /** (x² − 1)² = 1 − 2x² + x⁴: minima ±1 at 0, the saddle 0 at 1; f'' = 8 at the minima, −4 at the saddle. */
    static final double[] DOUBLE_WELL = {1, 0, -2, 0, 1};

    /**
     * ∫ (x+2)(x+1)x(x−1)(x−3) dx = 3x² + x³/3 − 7x⁴/4 − x⁵/5 + x⁶/6: minima −2, 0, 3 at −8/5, 0, −657/20; maxima −1
     * and 1 at 77/60 and 93/60; f'' = 30, 6, 120 at the minima and −8, −12 at the maxima.
     */
    static final double[] THREE_WELL = {0, 0, 3, 1.0 / 3, -7.0 / 4, -1.0 / 5, 1.0 / 6};

    /**
     * ∫ (x+1)x(x−0.3)(x−0.45)(x−1.5) dx: minima −1 (wide), 0.3 (narrow), 1.5 (wide), maxima 0 and 0.45; f''(0) =
     * −0.2025.
     */
    static double[] narrowWell() {
        double[] d = {1};
        for (double r : new double[] {-1, 0, 0.3, 0.45, 1.5}) {
            double[] next = new double[d.length + 1];
            for (int k = 0; k < d.length; k++) {
                next[k + 1] += d[k];
                next[k] -= r * d[k];
            }
            d = next;
        }
        double[] f = new double[d.length + 1];
        for (int k = 0; k < d.length; k++) {
            f[k + 1] = d[k] / (k + 1);
        }
        return f;
    }

    /**
     * The Müller–Brown surface (Theor. Chim. Acta 53, 75, 1979): Σ_k A_k exp(a_k(x−x_k)² + b_k(x−x_k)(y−y_k) +
     * c_k(y−y_k)²). Minima near (−0.558, 1.442), (0.623, 0.028), (−0.050, 0.467) at −146.70, −108.17, −80.77; saddles
     * near (−0.822, 0.624), (0.212, 0.293) at −40.66, −72.25.
     */
    static Surface mullerBrown() {
        double[] amp = {-200, -100, -170, 15};
        double[] a = {-1, -1, -6.5, 0.7};
        double[] b = {0, 0, 11, 0.6};
        double[] c = {-10, -10, -6.5, 0.7};
        double[] x0 = {1, 0, -0.5, -1};
        double[] y0 = {0, 0.5, 1.5, 1};
        return new Surface(2) {
            @Override
            public double valueAndGradient(double[] t, double[] g) {
                double v = 0;
                g[0] = 0;
                g[1] = 0;
                for (int k = 0; k < 4; k++) {
                    double dx = t[0] - x0[k];
                    double dy = t[1] - y0[k];
                    double e = amp[k] * Math.exp(a[k] * dx * dx + b[k] * dx * dy + c[k] * dy * dy);
                    v += e;
                    g[0] += e * (2 * a[k] * dx + b[k] * dy);
                    g[1] += e * (b[k] * dx + 2 * c[k] * dy);
                }
                return v;
            }

            @Override
            void hessianInto(double[] t, double[] h) {
                java.util.Arrays.fill(h, 0);
                for (int k = 0; k < 4; k++) {
                    double dx = t[0] - x0[k];
                    double dy = t[1] - y0[k];
                    double e = amp[k] * Math.exp(a[k] * dx * dx + b[k] * dx * dy + c[k] * dy * dy);
                    double px = 2 * a[k] * dx + b[k] * dy;
                    double py = b[k] * dx + 2 * c[k] * dy;
                    h[0] += e * (px * px + 2 * a[k]);
                    h[1] += e * (px * py + b[k]);
                    h[2] += e * (px * py + b[k]);
                    h[3] += e * (py * py + 2 * c[k]);
                }
            }
        };
    }
}
