package org.flowscape.analysis;

import org.flowscape.data.Dataset;
import org.flowscape.linalg.Matrix;
import org.flowscape.loss.Losses;
import org.flowscape.model.Models;
import org.flowscape.objective.EmpiricalRisk;
import org.flowscape.testing.Problems;

/** Closed-form problems shared by the analysis tests. */
public final class Fixtures {
    private Fixtures() {
    }

    /** f(x1…xN) = ½(x1⋯xN − y)² as {@code product:N} on the single sample x = 1 with the frobenius loss. */
    static EmpiricalRisk product(int n, double y) {
        Dataset d = new Dataset("one", new Matrix(1, 1, new double[] {1}), new Matrix(1, 1, new double[] {y}));
        return new EmpiricalRisk(Models.product(n), Losses.parse("frobenius"), d);
    }

    /** theory.md A.4: linear:2x3x2 on X = I₂ with Y = Aᵀ, A = [[2,1],[0,1]], frobenius: ½‖W₂W₁ − A‖². */
    static EmpiricalRisk matrixA4() {
        Matrix y = Matrix.of(new double[][] {{2, 0}, {1, 1}});
        Dataset d = new Dataset("identity:2", Matrix.identity(2), y);
        return new EmpiricalRisk(Models.parse("linear:2x3x2"), Losses.parse("frobenius"), d);
    }

    /** theory.md B.6/B.7 data: x_t = −2 + 0.1 t (t = 0..40), y = tanh(x) + 0.3x². */
    public static Dataset curve() {
        double[] x = new double[41];
        double[] y = new double[41];
        for (int t = 0; t <= 40; t++) {
            x[t] = -2 + 0.1 * t;
            y[t] = Math.tanh(x[t]) + 0.3 * x[t] * x[t];
        }
        return new Dataset("curve", new Matrix(41, 1, x), new Matrix(41, 1, y));
    }

    /** {@code mlp:1-H-1:tanh} with mse on {@link #curve()}. */
    public static EmpiricalRisk shallowTanh(int hidden) {
        return new EmpiricalRisk(Models.parse("mlp:1-" + hidden + "-1:tanh"), Losses.mse(), curve());
    }

    /**
     * theory.md B.7's efficient minimum, reordered from (a₁,a₂,w₁,w₂,b₁,b₂,c) to the flat order (W, b, a, c).
     */
    public static double[] b7Minimum() {
        return new double[] {1.4345023072, 2.6877057950, -2.0846843737, -0.6820008867, 0.8708530835, 0.4716740385,
            1.0712327589};
    }

    /** A small random tanh MLP problem with P = 38. */
    static EmpiricalRisk randomMlp() {
        return new EmpiricalRisk(Models.parse("mlp:3-6-2:tanh"), Losses.mse(), Problems.gaussian(20, 3, 2, 7));
    }
}
