package org.flowscape.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.flowscape.loss.Losses;
import org.flowscape.model.Models;
import org.flowscape.model.Network;
import org.flowscape.objective.EmpiricalRisk;
import org.flowscape.testing.Problems;
import org.junit.jupiter.api.Test;

class GaussNewtonPolishTest {
    private static final PolishConfig GN = PolishConfig.defaults(PolishMethod.GAUSS_NEWTON);

    @Test
    void reachesAnInterpolatingMinimumWithNullityPMinusN() {
        // P = 2·8 + 8 + 8 + 1 = 33 parameters, n = 12 samples of an unrelated target: an interpolating minimum exists
        // and its Hessian cJᵀJ has rank n, so nullity P − n = 21
        Network net = Models.parse("mlp:2-8-1:tanh");
        EmpiricalRisk f = new EmpiricalRisk(net, Losses.mse(), Problems.gaussian(12, 2, 1, 3));
        PolishResult r = Polisher.polish(f, net.initialize(5), GN);
        assertEquals(PolishStatus.CONVERGED, r.status(), () -> r.history().toString());
        assertTrue(r.gradientNorm() <= 1e-12);
        assertTrue(r.value() < 1e-20, () -> "L = " + r.value());
        CriticalPointReport c = Classifier.classify(f, r.theta(), 1e-10);
        assertEquals(0, c.index());
        assertEquals(33 - 12, c.nullity());
    }

    @Test
    void polishesWithNewtonWhenThereAreMoreOutputsThanParameters() {
        // P = 7 < n = 41: the minimum keeps a residual, Gauss–Newton would be linear there: Newton polishes
        EmpiricalRisk f = Fixtures.shallowTanh(2);
        double[] start = Fixtures.b7Minimum().clone();
        for (int i = 0; i < start.length; i++) {
            start[i] += 0.05 * Math.cos(3 * i + 1.0);
        }
        PolishResult gn = Polisher.polish(f, start, GN);
        PolishResult newton = Polisher.polish(f, start, PolishConfig.defaults(PolishMethod.NEWTON));
        assertEquals(PolishStatus.CONVERGED, gn.status(), () -> gn.history().toString());
        assertEquals(PolishStatus.CONVERGED, newton.status());
        assertTrue(gn.value() > 1e-4);
        assertEquals(newton.value(), gn.value(), 1e-13 * newton.value());
        for (int i = 0; i < start.length; i++) {
            assertEquals(newton.theta()[i], gn.theta()[i], 1e-8);
        }
    }

    @Test
    void refusesALossThatIsNotASquaredError() {
        EmpiricalRisk f = new EmpiricalRisk(Models.parse("mlp:3-4-3:tanh"), Losses.parse("xent"),
                Problems.classes(10, 3, 3, 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Polisher.polish(f, f.network().initialize(1), GN));
        assertTrue(e.getMessage().contains("squared-error"));
    }

    @Test
    void factoredSolveInvertsTheCholeskyFactor() {
        // A = BᵀB + I for a fixed B (5 × 5), b = A·x for a known x: solving with the factor of A must return x
        int m = 5;
        double[] a = new double[m * m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                double sum = i == j ? 1 : 0;
                for (int q = 0; q < m; q++) {
                    sum += Math.sin(1 + q * m + i) * Math.sin(1 + q * m + j);
                }
                a[i * m + j] = sum;
            }
        }
        double[] x = {1, -2, 0.5, 3, -0.25};
        double[] b = new double[m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                b[i] += a[i * m + j] * x[j];
            }
        }
        double[] factor = a.clone();
        assertEquals(0, org.flowscape.linalg.LinearAlgebra.blas().choleskyFactor(m, factor));
        GaussNewtonPolisher.solveFactored(m, factor, b);
        for (int i = 0; i < m; i++) {
            assertEquals(x[i], b[i], 1e-12);
        }
    }
}
