package org.flowscape.geometry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.flowscape.testing.NumericAssert.assertClose;

import org.flowscape.loss.Losses;
import org.flowscape.model.Models;
import org.flowscape.objective.EmpiricalRisk;
import org.junit.jupiter.api.Test;

class SafranShamirExampleTest {

    /** ε = 0.05: minima at w = −1 (value ε = 0.05) and w = 2√(2ε) = 0.632456 (value 1/2); L(0) = ε + 1/2 = 0.55. */
    @Test
    void valuesAtEpsilonFiveHundredths() {
        SafranShamirExample ex = new SafranShamirExample(0.05);
        assertClose("global minimum", 0.05, ex.value(-1.0), 1e-15, 0);
        assertClose("bad minimizer", 0.6324555320336759, ex.badMinimizer(), 1e-15, 0);
        assertClose("bad minimum", 0.5, ex.value(ex.badMinimizer()), 1e-15, 0);
        assertClose("L(0)", 0.55, ex.value(0.0), 1e-15, 0);
        for (double w : new double[] {-1.0, ex.badMinimizer()}) {
            double h = 1e-6;
            assertClose("stationary at " + w, 0.0, (ex.value(w + h) - ex.value(w - h)) / (2 * h), 1e-9, 0);
        }
        assertThat(ex.value(-1.0 + 0.1)).isGreaterThan(0.05);
        assertThat(ex.value(ex.badMinimizer() + 0.1)).isGreaterThan(0.5);
    }

    /** theory.md D.5, Figure 2 (ε = 0.1): the values printed there. */
    @Test
    void figure2ValuesAtEpsilonOneTenth() {
        SafranShamirExample ex = new SafranShamirExample(0.1);
        assertClose("L(-1)", 0.1, ex.value(-1.0), 1e-15, 0);
        assertClose("bad minimizer", 0.894427, ex.badMinimizer(), 1e-6, 0);
        assertClose("L(bad)", 0.5, ex.value(ex.badMinimizer()), 1e-15, 0);
        assertClose("L(0)", 0.6, ex.value(0.0), 1e-15, 0);
        assertClose("L(-0.5)", 0.225, ex.value(-0.5), 1e-15, 0);
        assertClose("L(2)", 0.652786, ex.value(2.0), 1e-6, 0);
        double[][] fig = ex.figure2(-2, 2, 401);
        assertThat(fig[0]).hasSize(401);
        int lo = 0;
        for (int i = 1; i < 401; i++) {
            lo = fig[1][i] < fig[1][lo] ? i : lo;
        }
        assertClose("grid minimum at w = -1", -1.0, fig[0][lo], 1e-12, 0);
    }

    /** Figure 3 (d = 2, ε = 0.1): minima 0.1, 0.5 and the mixed (0.1 + 0.5)/2 = 0.3; matches the empirical risk. */
    @Test
    void figure3MinimaAndTheEmpiricalRiskAgree() {
        SafranShamirExample ex = new SafranShamirExample(0.1);
        double b = ex.badMinimizer();
        assertClose("good", 0.1, ex.value(new double[] {-1, -1}), 1e-15, 0);
        assertClose("bad", 0.5, ex.value(new double[] {b, b}), 1e-15, 0);
        assertClose("mixed", 0.3, ex.value(new double[] {-1, b}), 1e-15, 0);
        double[][] z = ex.figure3(-2, 2, 41);
        assertClose("grid node (-1, -1)", 0.1, z[10][10], 1e-15, 0);
        EmpiricalRisk f = new EmpiricalRisk(Models.parse("mlp:2-1-1:relu:nobias"), Losses.parse("mse-mean"),
                ex.dataset(2));
        for (double[] w : new double[][] {{-1, b}, {0.3, -0.7}, {2, 2}, {0, 0}}) {
            assertClose("risk at " + w[0] + "," + w[1], ex.value(w), f.value(new double[] {w[0], w[1], 1.0}), 1e-15,
                    1e-14);
        }
    }
}
