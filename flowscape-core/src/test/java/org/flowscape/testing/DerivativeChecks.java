package org.flowscape.testing;

import static org.flowscape.testing.NumericAssert.assertClose;

import org.flowscape.linalg.Vectors;
import org.flowscape.model.Model;
import org.flowscape.model.Network;
import org.flowscape.objective.Objective;

/**
 * The derivative checks shared by the objective contract tests: a seeded point away from the initialization, the
 * finite-difference step for it, and the gradient and Hessian-vector-product comparisons with central differences.
 */
public final class DerivativeChecks {
    private DerivativeChecks() {
    }

    /** The network's seed-5 initialization moved by a seeded vector of norm 0.3·√P (off any special point). */
    public static double[] point(Network net) {
        return point((Model) net);
    }

    /** As {@link #point(Network)} for any model. */
    public static double[] point(Model net) {
        double[] theta = net.initialize(5);
        double[] noise = Problems.unit(theta.length, 6, 0);
        for (int i = 0; i < theta.length; i++) {
            theta[i] += 0.3 * noise[i] * Math.sqrt(theta.length);
        }
        return theta;
    }

    /** The central-difference step for θ: 1e-5 · max(1, ‖θ‖∞). */
    public static double step(double[] theta) {
        return 1e-5 * Math.max(1, Vectors.normInf(theta));
    }

    /** ⟨∇L(θ), u⟩ against central differences along {@code directions} seeded unit vectors. */
    public static void gradientMatchesCentralDifferences(Objective f, double[] theta, int directions) {
        double[] g = new double[f.dim()];
        f.valueAndGradient(theta, g);
        for (int t = 0; t < directions; t++) {
            double[] u = Problems.unit(f.dim(), 7, t);
            double fd = FiniteDifferences.directional(f, theta, u, step(theta));
            double exact = Vectors.dot(g, u);
            double scale = Math.max(Math.abs(exact), 1e-3 * Vectors.norm2(g));
            assertClose("directional derivative", fd, exact, 1e-9, Tolerances.FINITE_DIFFERENCE_REL * scale
                    / Math.max(Math.abs(fd), 1e-300));
        }
    }

    /** The Hessian (P × P, row-major, new) with column j = H(θ)·e_j, one Hessian-vector product per column. */
    public static double[] stackedHessian(Objective f, double[] theta) {
        int p = f.dim();
        double[] stacked = new double[p * p];
        double[] e = new double[p];
        double[] col = new double[p];
        for (int j = 0; j < p; j++) {
            e[j] = 1;
            f.hessianVectorProduct(theta, e, col);
            e[j] = 0;
            for (int i = 0; i < p; i++) {
                stacked[i * p + j] = col[i];
            }
        }
        return stacked;
    }

    /** H(θ)·v against differences of gradients along {@code directions} seeded unit vectors. */
    public static void hessianVectorProductMatchesDifferencesOfGradients(Objective f, double[] theta, int directions) {
        for (int t = 0; t < directions; t++) {
            double[] v = Problems.unit(f.dim(), 8, t);
            double[] hv = new double[f.dim()];
            f.hessianVectorProduct(theta, v, hv);
            double[] fd = FiniteDifferences.hessianVector(f, theta, v, step(theta));
            assertClose("H v", fd, hv, 1e-8, Tolerances.FINITE_DIFFERENCE_REL);
        }
    }
}
