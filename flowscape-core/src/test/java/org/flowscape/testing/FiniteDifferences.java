package org.flowscape.testing;

import org.flowscape.objective.Objective;

/** Central finite differences, for tests only (the library never differentiates numerically). */
public final class FiniteDifferences {
    private FiniteDifferences() {
    }

    /** (L(θ + εu) − L(θ − εu)) / 2ε. */
    public static double directional(Objective f, double[] theta, double[] u, double eps) {
        return (f.value(shift(theta, u, eps)) - f.value(shift(theta, u, -eps))) / (2 * eps);
    }

    /** (∇L(θ + εv) − ∇L(θ − εv)) / 2ε. */
    public static double[] hessianVector(Objective f, double[] theta, double[] v, double eps) {
        int p = f.dim();
        double[] gp = new double[p];
        double[] gm = new double[p];
        f.valueAndGradient(shift(theta, v, eps), gp);
        f.valueAndGradient(shift(theta, v, -eps), gm);
        double[] out = new double[p];
        for (int i = 0; i < p; i++) {
            out[i] = (gp[i] - gm[i]) / (2 * eps);
        }
        return out;
    }

    /** θ + s·u as a new array. */
    public static double[] shift(double[] theta, double[] u, double s) {
        double[] r = theta.clone();
        for (int i = 0; i < r.length; i++) {
            r[i] += s * u[i];
        }
        return r;
    }
}
