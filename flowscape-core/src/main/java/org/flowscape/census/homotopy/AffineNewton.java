package org.flowscape.census.homotopy;

/** A few Newton steps on F(x) = 0 in affine coordinates, to polish a path's endpoint before certification. */
final class AffineNewton {
    /** Newton steps taken; quadratic convergence from an endgame estimate needs two or three. */
    static final int STEPS = 4;

    private AffineNewton() {
    }

    /** x (interleaved, read only) after up to {@link #STEPS} Newton steps; stops at a singular or non-finite step. */
    static double[] refine(PolynomialSystem system, double[] x) {
        int n = system.variables();
        double[] z = x.clone();
        double[] f = new double[2 * n];
        double[] jac = new double[2 * n * n];
        PolynomialSystem.Workspace ws = system.workspace();
        for (int it = 0; it < STEPS; it++) {
            system.evaluate(z, f, jac, ws);
            for (int j = 0; j < f.length; j++) {
                f[j] = -f[j];
            }
            if (!ComplexLinear.solve(jac, f, n, 1)) {
                return z;
            }
            double[] next = z.clone();
            for (int j = 0; j < z.length; j++) {
                next[j] += f[j];
            }
            for (double v : next) {
                if (!Double.isFinite(v)) {
                    return z;
                }
            }
            z = next;
        }
        return z;
    }
}
