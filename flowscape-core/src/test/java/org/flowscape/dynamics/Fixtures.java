package org.flowscape.dynamics;

import org.flowscape.data.Dataset;
import org.flowscape.linalg.Matrix;
import org.flowscape.loss.Losses;
import org.flowscape.model.Models;
import org.flowscape.objective.EmpiricalRisk;
import org.flowscape.rng.Seeds;
import org.flowscape.testing.Problems;

/** Objectives with known answers for the dynamics tests. */
final class Fixtures {
    private Fixtures() {
    }

    /** Theory §C.4: the linear model F = Φθ with ½‖Φθ − y‖², Φ 3 × 4. */
    static EmpiricalRisk linearModel() {
        Matrix phi = Matrix.of(new double[][] {{1, 0, 0.5, 0.2}, {0, 1, -0.3, 0.4}, {0.5, 0.5, 1, 0}});
        Matrix y = Matrix.of(new double[][] {{1}, {-1}, {0.5}});
        return new EmpiricalRisk(Models.parse("linear:4x1"), Losses.parse("frobenius"), new Dataset("c4", phi, y));
    }

    /** Paper A's scalar problem: {@code spec} on one sample x = 1 with target y and ½(z − y)². */
    static EmpiricalRisk scalar(String spec, double y) {
        Dataset d = new Dataset("x=1", Matrix.of(new double[][] {{1}}), Matrix.of(new double[][] {{y}}));
        return new EmpiricalRisk(Models.parse(spec), Losses.parse("frobenius"), d);
    }

    /** A network with Gaussian data (n samples) and mse. */
    static EmpiricalRisk gaussian(String spec, int n, long seed) {
        var net = Models.parse(spec);
        return new EmpiricalRisk(net, Losses.parse("mse"), Problems.gaussian(n, net.inputDim(), net.outputDim(),
                seed));
    }

    /** Seeded N(0, s²) parameters. */
    static double[] theta(int p, double s, long seed) {
        return Seeds.gaussian(Seeds.stream(seed, "dynamics-test"), s, new double[p]);
    }
}
