package org.flowscape.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.flowscape.loss.Losses;
import org.flowscape.model.Models;
import org.flowscape.model.Network;
import org.flowscape.objective.EmpiricalRisk;
import org.flowscape.rng.Seeds;
import org.flowscape.testing.Problems;
import org.junit.jupiter.api.Test;

class LinearGaugeFormTest {

    /** C = A·B for row-major A (r × s) and B (s × c). */
    private static double[] mul(double[] a, double[] b, int r, int s, int c) {
        double[] out = new double[r * c];
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                double x = 0;
                for (int k = 0; k < s; k++) {
                    x += a[i * s + k] * b[k * c + j];
                }
                out[i * c + j] = x;
            }
        }
        return out;
    }

    /** A random well-conditioned 3 × 3 matrix G = I + 0.4·N(0, 1) and its inverse by Cramer's rule. */
    private static double[][] randomGl(long seed) {
        double[] g = Seeds.gaussian(Seeds.stream(seed, "gl"), 0.4, new double[9]);
        for (int i = 0; i < 3; i++) {
            g[i * 4] += 1;
        }
        double det = g[0] * (g[4] * g[8] - g[5] * g[7]) - g[1] * (g[3] * g[8] - g[5] * g[6])
                + g[2] * (g[3] * g[7] - g[4] * g[6]);
        double[] inv = {
            (g[4] * g[8] - g[5] * g[7]) / det, (g[2] * g[7] - g[1] * g[8]) / det, (g[1] * g[5] - g[2] * g[4]) / det,
            (g[5] * g[6] - g[3] * g[8]) / det, (g[0] * g[8] - g[2] * g[6]) / det, (g[2] * g[3] - g[0] * g[5]) / det,
            (g[3] * g[7] - g[4] * g[6]) / det, (g[1] * g[6] - g[0] * g[7]) / det, (g[0] * g[4] - g[1] * g[3]) / det};
        return new double[][] {g, inv};
    }

    @Test
    void gaugeEquivalentDeepLinearPointsShareOneCanonicalFormAndOneCensusOrbit() {
        // linear:4x3x3x2: θ = [W1 (3×4), W2 (3×3), W3 (2×3)]; (W1, W2, W3) ~ (G1 W1, G2 W2 G1⁻¹, W3 G2⁻¹)
        Network net = Models.parse("linear:4x3x3x2");
        double[] theta = net.initialize(4);
        double[] w1 = java.util.Arrays.copyOfRange(theta, 0, 12);
        double[] w2 = java.util.Arrays.copyOfRange(theta, 12, 21);
        double[] w3 = java.util.Arrays.copyOfRange(theta, 21, 27);
        double[][] g1 = randomGl(1);
        double[][] g2 = randomGl(2);
        double[] other = new double[27];
        System.arraycopy(mul(g1[0], w1, 3, 3, 4), 0, other, 0, 12);
        System.arraycopy(mul(mul(g2[0], w2, 3, 3, 3), g1[1], 3, 3, 3), 0, other, 12, 9);
        System.arraycopy(mul(w3, g2[1], 2, 3, 3), 0, other, 21, 6);
        EmpiricalRisk f = new EmpiricalRisk(net, Losses.parse("frobenius"), Problems.gaussian(6, 4, 2, 5));
        assertEquals(f.value(theta), f.value(other), 1e-12 * f.value(theta));
        double[] a = CanonicalForm.of(net, theta, 1e-12);
        double[] b = CanonicalForm.of(net, other, 1e-12);
        for (int i = 0; i < a.length; i++) {
            assertEquals(a[i], b[i], 1e-10, "entry " + i);
        }
        assertEquals(f.value(theta), f.value(a), 1e-12 * f.value(theta));
        double[] unrelated = theta.clone();
        unrelated[26] += 0.1;
        assertEquals(2, Census.orbits(net, List.of(theta, other, unrelated), 1e-8).size());
    }
}
