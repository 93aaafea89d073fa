package org.flowscape.analysis;

import org.flowscape.objective.Objective;

/** L(x, y) = (x² − 1)² + 5y²: minima (±1, 0) with curvatures 8 and 10, an index-1 saddle at 0 (−4, 10). */
final class DoubleWell implements Objective {
    @Override
    public int dim() {
        return 2;
    }

    @Override
    public double value(double[] t) {
        double u = t[0] * t[0] - 1;
        return u * u + 5 * t[1] * t[1];
    }

    @Override
    public double valueAndGradient(double[] t, double[] g) {
        g[0] = 4 * t[0] * (t[0] * t[0] - 1);
        g[1] = 10 * t[1];
        return value(t);
    }

    @Override
    public void hessianVectorProduct(double[] t, double[] v, double[] out) {
        out[0] = (12 * t[0] * t[0] - 4) * v[0];
        out[1] = 10 * v[1];
    }

    @Override
    public Objective fork() {
        return this;
    }
}
