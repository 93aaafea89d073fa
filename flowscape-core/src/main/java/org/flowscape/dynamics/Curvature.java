package org.flowscape.dynamics;

import org.flowscape.linalg.Vectors;

/** Power iteration on Hessian-vector products: the cheap estimate of λ of largest magnitude used by diagnostics. */
final class Curvature {
    private Curvature() {
    }

    /**
     * An estimate of the eigenvalue of largest magnitude of H(θ) by {@code iterations} Hessian-vector products from a
     * fixed start (all entries 1/√P, perturbed deterministically so it is not orthogonal to a symmetric mode).
     * θ is read only. Cost: {@code iterations} HVPs.
     */
    static double largest(Evaluator eval, double[] theta, int iterations) {
        int p = theta.length;
        double[] v = new double[p];
        for (int i = 0; i < p; i++) {
            v[i] = 1 + 0.1 * Math.sin(1.0 + i);
        }
        Vectors.scale(1 / Vectors.norm2(v), v);
        double[] hv = new double[p];
        double lambda = 0;
        for (int k = 0; k < iterations; k++) {
            eval.hessianVector(theta, v, hv);
            lambda = Vectors.dot(v, hv);
            double norm = Vectors.norm2(hv);
            if (!(norm > 0) || !Double.isFinite(norm)) {
                return lambda;
            }
            for (int i = 0; i < p; i++) {
                v[i] = hv[i] / norm;
            }
        }
        return lambda;
    }
}
