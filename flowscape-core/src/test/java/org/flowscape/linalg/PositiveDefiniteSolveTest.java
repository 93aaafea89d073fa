package org.flowscape.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.flowscape.rng.Seeds;
import org.junit.jupiter.api.Test;

class PositiveDefiniteSolveTest {

    /** A = BBᵀ + I (n × n, symmetric positive definite) from a seeded B. */
    private static double[] spd(int n, long seed) {
        SplittableRandom rng = Seeds.stream(seed, "spd");
        double[] b = Seeds.gaussian(rng, 1.0, new double[n * n]);
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = i == j ? 1 : 0;
                for (int k = 0; k < n; k++) {
                    s += b[i * n + k] * b[j * n + k];
                }
                a[i * n + j] = s;
            }
        }
        return a;
    }

    private static void solvesBothBackends(Blas blas) {
        int n = 37;
        int nrhs = 3;
        double[] a = spd(n, 11);
        double[] x = Seeds.gaussian(Seeds.stream(12, "x"), 1.0, new double[n * nrhs]);
        double[] b = new double[n * nrhs];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < nrhs; c++) {
                double s = 0;
                for (int k = 0; k < n; k++) {
                    s += a[i * n + k] * x[k * nrhs + c];
                }
                b[i * nrhs + c] = s;
            }
        }
        assertEquals(0, blas.positiveDefiniteSolve(n, nrhs, a.clone(), b));
        for (int i = 0; i < b.length; i++) {
            assertEquals(x[i], b[i], 1e-10 * (1 + Math.abs(x[i])), blas.name());
        }
    }

    @Test
    void recoversAPlantedSolutionOnEachBackend() {
        solvesBothBackends(LinearAlgebra.blas());
        solvesBothBackends(LinearAlgebra.javaBlas());
    }

    @Test
    void reportsAnIndefiniteMatrixAndLeavesTheRightHandSide() {
        // diag(1, 2, −1, 3): the leading minor of order 3 is the first that is not positive definite
        for (Blas blas : new Blas[] {LinearAlgebra.blas(), LinearAlgebra.javaBlas()}) {
            double[] a = new double[16];
            double[] d = {1, 2, -1, 3};
            for (int i = 0; i < 4; i++) {
                a[i * 5] = d[i];
            }
            double[] b = {1, 1, 1, 1};
            int info = blas.positiveDefiniteSolve(4, 1, a, b);
            assertEquals(3, info, blas.name());
            assertTrue(b[0] == 1 && b[3] == 1, blas.name());
        }
    }
}
