package org.flowscape.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GraphTransformationTest {
    private static final double EXACT = 1e-12;

    @Test
    void twoNodesGiveTheDirectRate() {
        double[][] k = {{0, 0.37}, {2.5, 0}};
        assertThat(GraphTransformation.rate(k, 0, 1)).isCloseTo(2.5, within(EXACT * 2.5));
        assertThat(GraphTransformation.rate(k, 1, 0)).isCloseTo(0.37, within(EXACT * 0.37));
    }

    @Test
    void threeStateChainMatchesTheMeanFirstPassageFormula() {
        // A = 0, I = 1, B = 2; k[i][j] is the rate j -> i
        double kIA = 3.0;
        double kAI = 0.7;
        double kBI = 0.11;
        double kIB = 5.0;
        double[][] k = {{0, kAI, 0}, {kIA, 0, kIB}, {0, kBI, 0}};
        // 1 / MFPT(A -> B) = kIA kBI / (kAI + kBI + kIA) (solve the two first-passage equations by hand)
        double exact = kIA * kBI / (kAI + kBI + kIA);
        assertThat(GraphTransformation.rate(k, 0, 2)).isCloseTo(exact, within(EXACT * exact));
        double back = kIB * kAI / (kBI + kAI + kIB);
        assertThat(GraphTransformation.rate(k, 2, 0)).isCloseTo(back, within(EXACT * back));
    }

    @Test
    void disconnectedTargetHasRateZero() {
        double[][] k = {{0, 1, 0}, {1, 0, 0}, {0, 0, 0}};
        assertThat(GraphTransformation.rate(k, 0, 2)).isEqualTo(0.0);
    }

    @Test
    void twoPathsInParallelAgreeWithTheLinearSolve() {
        // A = 0 with two intermediates 1, 2 both leading to B = 3: MFPT by hand from the first-passage equations
        double[][] k = new double[4][4];
        k[1][0] = 1.0;
        k[2][0] = 2.0;
        k[0][1] = 0.5;
        k[3][1] = 0.25;
        k[0][2] = 4.0;
        k[3][2] = 1.5;
        // t0 = 1/3 + (1/3) t1 + (2/3) t2 ; t1 = 4/3 + (2/3) t0 ; t2 = 1/5.5 + (4/5.5) t0
        // => t0 (1 - 2/9 - 16/33) = 1/3 + 4/9 + 2/(3 * 5.5)
        double t0 = (1.0 / 3 + 4.0 / 9 + 2.0 / 16.5) / (1 - 2.0 / 9 - 16.0 / 33);
        assertThat(GraphTransformation.rate(k, 0, 3)).isCloseTo(1 / t0, within(EXACT / t0));
    }
}
