package org.flowscape.geometry.basins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.flowscape.data.Dataset;
import org.flowscape.data.Datasets;
import org.flowscape.linalg.Matrix;
import org.flowscape.loss.SquaredError;
import org.junit.jupiter.api.Test;

class OrthogonalExactTest {
    private static final Matrix Y = Matrix.of(new double[][] {{1}, {-1}});

    /**
     * X = I₂, y = (1, −1), s = 1/4: Bas ∈ {0, 1/4, 1/2} as both, one or none of the points has an active neuron of
     * its target's sign. Width 1: the neuron helps one point with probability 1/2. Width 2: Bas = 0 needs opposite
     * signs (1/2) each on its point's side (1/4): 1/8; Bas = 1/2 needs both neurons to miss (1/2 each): 1/4.
     */
    @Test
    void handComputedLawOfTwoOrthogonalPoints() {
        OrthogonalExact e = OrthogonalExact.of(Matrix.identity(2), Y, 0.25);
        assertThat(e.best()).isEqualTo(0);
        assertThat(e.probability(1, 0.1, false)).isEqualTo(0);
        assertThat(e.probability(1, 0.3, false)).isCloseTo(0.5, within(1e-15));
        assertThat(e.probability(1, 0.6, false)).isCloseTo(1, within(1e-15));
        assertThat(e.probability(2, 1e-9, false)).isCloseTo(0.125, within(1e-15));
        assertThat(e.probability(2, 0.3, false)).isCloseTo(0.75, within(1e-15));
        // single neuron model, v = +1: only the first point can be helped, by either of 2 neurons: 3/4
        assertThat(e.probability(2, 0.3, true)).isCloseTo(0.75, within(1e-15));
        assertThat(e.probability(2, 0.1, true)).isEqualTo(0);
    }

    /** Two points on one side of a line: γ ≥ 0 fits (1, 3) at x = (1, 2) to residual 10 − 49/5 = 1/5. */
    @Test
    void pointsSharingALineAndRotationsGiveTheSameLaw() {
        Matrix x = Matrix.of(new double[][] {{1, 0}, {2, 0}, {0, -1}});
        Matrix y = Matrix.of(new double[][] {{1}, {3}, {2}});
        OrthogonalExact e = OrthogonalExact.of(x, y, 1);
        assertThat(e.best()).isCloseTo(0.2, within(1e-14));
        double c = Math.sqrt(0.5);
        Matrix rotated = Matrix.of(new double[][] {{c, c}, {2 * c, 2 * c}, {c, -c}});
        OrthogonalExact r = OrthogonalExact.of(rotated, y, 1);
        for (double alpha : new double[] {0.2 + 1e-9, 4.2, 10.3, 14.5}) {
            for (int n = 1; n <= 5; n++) {
                assertThat(r.probability(n, alpha, false)).isCloseTo(e.probability(n, alpha, false),
                        within(1e-14));
            }
        }
        // atoms 0.2 (both helped), 4.2 (the pair), 10 (the point (0,−1), target 2), 14.2 (neither). Width 1: the
        // neuron helps the pair iff v > 0 and w₁ > 0 (1/4), the point iff v > 0 and w₂ < 0 (1/4)
        assertThat(e.probability(1, 4.2 + 1e-9, false)).isCloseTo(0.25, within(1e-15));
        assertThat(e.probability(1, 0.2 + 1e-9, false)).isCloseTo(0.125, within(1e-15));
        assertThat(e.probability(1, 10 + 1e-9, false)).isCloseTo(0.375, within(1e-15));
        assertThat(OrthogonalExact.applies(Matrix.of(new double[][] {{1, 0}, {1, 1}}))).isFalse();
    }

    @Test
    void agreesWithTheorem2sClosedFormAtAlphaStar() {
        Dataset d4 = Datasets.parse("singleton:d=4,eps=0.1");
        OrthogonalExact e = OrthogonalExact.of(d4.inputs(), d4.targets(), 0.5 / 8);
        assertThat(e.probability(8, e.best() + 1e-9, false)).isCloseTo(0.5347715, within(5e-8));
        Dataset ortho = Datasets.parse("orthonormal:m=5,seed=1");
        assertThat(OrthogonalExact.of(ortho.inputs(), ortho.targets(), 0.1).probability(10, 1e-9, false))
                .isCloseTo(0.7852942, within(5e-8));
    }

    /** The exact law at several α against 3000 seeded starts, each Wilson 99.9% band, for three start laws. */
    @Test
    void exactLawLiesInTheMonteCarloBandAtEveryAlpha() throws Exception {
        Dataset data = Datasets.parse("orthonormal:m=4,y=gaussian,seed=3");
        double s = BasinSolver.scale(SquaredError.Normalization.HALF_MEAN, 4);
        OrthogonalExact e = OrthogonalExact.of(data.inputs(), data.targets(), s);
        Initialization[] inits = {Initialization.DEFAULT, new Initialization(2, false, false),
            new Initialization(1, true, true)};
        for (Initialization init : inits) {
            BasinStudyConfig config = new BasinStudyConfig(new int[] {1, 3}, 3000, 0, 5, "none", 0, 0, 2, 1e-9,
                    SquaredError.Normalization.HALF_MEAN, init);
            for (WidthResult r : BasinMonteCarlo.run(data, config)) {
                for (double q : new double[] {0.1, 0.3, 0.5, 0.7, 0.9}) {
                    double alpha = quantile(r.basinValue(), q) + 1e-9;
                    double exact = e.probability(r.width(), alpha, init.fixedOutput());
                    Wilson band = Wilson.of(WidthResult.count(r.basinValue(), alpha), r.inits(), 3.2905267314919255);
                    assertThat(exact).as("%s width %d alpha %s: exact %s band %s", init, r.width(),
                            alpha, exact, band)
                            .isBetween(band.lower() - 1e-12, band.upper() + 1e-12);
                }
            }
        }
    }

    private static double quantile(double[] v, double q) {
        double[] s = v.clone();
        java.util.Arrays.sort(s);
        return s[(int) (q * (s.length - 1))];
    }
}
