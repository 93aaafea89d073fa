package org.flowscape.objective;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.flowscape.linalg.SymmetricEigen;
import org.flowscape.linalg.Matrix;
import org.flowscape.testing.ClosedForms;
import org.junit.jupiter.api.Test;

/**
 * The Müller–Brown potential as an {@code fn:} model: Newton from near each of its published stationary points
 * (Müller and Brown 1979) lands on them, with the published values and indices.
 */
class MullerBrownTest {
    private final ExpressionObjective mb = ExpressionObjective.parse(ClosedForms.MULLER_BROWN);

    /** {x, y, V, index} as published (to the digits given there). */
    static final double[][] STATIONARY = {
        {-0.558, 1.442, -146.70, 0}, {0.623, 0.028, -108.17, 0}, {-0.050, 0.467, -80.77, 0},
        {-0.822, 0.624, -40.66, 1}, {0.212, 0.293, -72.25, 1}};

    @Test
    void newtonFromThePublishedPointsReachesThePublishedValuesAndIndices() {
        assertThat(mb.dim()).isEqualTo(2);
        for (double[] s : STATIONARY) {
            double[] x = newton(new double[] {s[0], s[1]});
            assertThat(x[0]).isCloseTo(s[0], within(1e-3));
            assertThat(x[1]).isCloseTo(s[1], within(1e-3));
            assertThat(mb.value(x)).isCloseTo(s[2], within(0.01));
            double[] g = new double[2];
            mb.valueAndGradient(x, g);
            assertThat(Math.hypot(g[0], g[1])).isLessThan(1e-9);
            SymmetricEigen e = SymmetricEigen.values(new Matrix(2, 2, mb.hessian(x, new double[4])));
            int negative = (e.values()[0] < 0 ? 1 : 0) + (e.values()[1] < 0 ? 1 : 0);
            assertThat(negative).isEqualTo((int) s[3]);
        }
    }

    @Test
    void valueAtTheOriginIsTheSumOfTheFourTerms() {
        double v = -200 * Math.exp(-1) - 100 * Math.exp(-2.5)
                - 170 * Math.exp(-6.5 * 0.25 + 11 * 0.5 * -1.5 - 6.5 * 2.25) + 15 * Math.exp(0.7 - 0.6 + 0.7);
        assertThat(mb.value(new double[] {0, 0})).isCloseTo(v, within(1e-12));
    }

    @Test
    void modelExpressionsNameTheirErrors() {
        assertThatThrownBy(() -> ExpressionObjective.parse("fn:x^2")).hasMessageContaining("p1, p2");
        assertThatThrownBy(() -> ExpressionObjective.parse("fn:p1^2+p3^2")).hasMessageContaining("not p2");
        assertThatThrownBy(() -> ExpressionObjective.parse("fn:3")).hasMessageContaining("no parameter");
        assertThatThrownBy(() -> ExpressionObjective.parse("fn:")).hasMessageContaining("no expression");
        assertThatThrownBy(() -> ExpressionObjective.parse("fn:P1^2")).hasMessageContaining("write 'p1'");
    }

    private double[] newton(double[] x) {
        double[] g = new double[2];
        double[] h = new double[4];
        for (int it = 0; it < 30; it++) {
            mb.valueAndGradient(x, g);
            mb.hessian(x, h);
            double det = h[0] * h[3] - h[1] * h[2];
            x[0] -= (h[3] * g[0] - h[1] * g[1]) / det;
            x[1] -= (-h[2] * g[0] + h[0] * g[1]) / det;
        }
        return x;
    }
}
