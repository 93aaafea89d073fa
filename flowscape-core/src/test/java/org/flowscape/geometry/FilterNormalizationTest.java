package org.flowscape.geometry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.flowscape.testing.NumericAssert.assertClose;

import org.flowscape.model.Network;
import org.flowscape.model.ParameterBlock;
import org.flowscape.model.ParameterLayout;
import org.flowscape.objective.EmpiricalRisk;
import org.junit.jupiter.api.Test;

class FilterNormalizationTest {

    @Test
    void blocksPartitionThetaAndNormalizedBlockNormsEqualTheta() {
        EmpiricalRisk f = GeometryFixtures.reluRisk("mlp:3-5-4-2:relu", 10, 1);
        ParameterLayout layout = f.layout();
        double[] theta = GeometryFixtures.gaussianTheta(f.dim(), 1, 0);
        int[][] blocks = FilterNormalization.neuronBlocks(layout);
        assertThat(blocks.length).isEqualTo(5 + 4 + 2);
        int[] seen = new int[f.dim()];
        for (int[] b : blocks) {
            for (int i : b) {
                seen[i]++;
            }
        }
        for (var block : layout.blocks()) {
            for (int i = block.offset(); i < block.offset() + block.size(); i++) {
                int expected = block.kind() == ParameterBlock.Kind.WEIGHT ? 1 : 0;
                assertThat(seen[i]).as(layout.describe(i)).isEqualTo(expected);
            }
        }
        double[] d = FilterNormalization.randomDirection(theta, layout, 7, 0);
        for (var block : layout.blocks()) {
            if (block.kind() == ParameterBlock.Kind.BIAS) {
                for (int i = block.offset(); i < block.offset() + block.size(); i++) {
                    assertThat(d[i]).as("bias entries of the direction are zero").isZero();
                }
            }
        }
        for (int[] b : blocks) {
            assertClose("block norm", FilterNormalization.blockNorm(theta, b), FilterNormalization.blockNorm(d, b),
                    0, 1e-13);
        }
        double[] again = FilterNormalization.randomDirection(theta, layout, 7, 0);
        assertThat(again).containsExactly(d);
        assertThat(FilterNormalization.randomDirection(theta, layout, 7, 1)).isNotEqualTo(d);
    }

    @Test
    void zeroThetaBlockGivesZeroDirectionBlock() {
        EmpiricalRisk f = GeometryFixtures.reluRisk("mlp:2-3-1:relu", 5, 2);
        double[] theta = GeometryFixtures.gaussianTheta(f.dim(), 2, 0);
        int[] first = FilterNormalization.neuronBlocks(f.layout())[0];
        for (int i : first) {
            theta[i] = 0;
        }
        double[] d = FilterNormalization.randomDirection(theta, f.layout(), 3, 0);
        assertThat(FilterNormalization.blockNorm(d, first)).isZero();
    }

    /**
     * Scaling every unit of a ReLU layer by λ_l &gt; 0 (weights and bias) and the next layer's incoming weights by
     * 1/λ_l leaves the function unchanged and scales each filter (weight row) by one factor λ_l/λ_{l−1}, so the
     * filter-normalized 2-D slice is the same grid of numbers, biases included.
     */
    @Test
    void sliceIsInvariantUnderLayerwisePositiveRescaling() {
        EmpiricalRisk f = GeometryFixtures.reluRisk("mlp:3-5-4-1:relu", 12, 3);
        Network net = f.network();
        double[] theta = GeometryFixtures.gaussianTheta(f.dim(), 3, 0);
        double[] scaled = theta.clone();
        rescaleUnits(net, 0, new double[] {2.5, 2.5, 2.5, 2.5, 2.5}, scaled);
        rescaleUnits(net, 1, new double[] {0.3, 0.3, 0.3, 0.3}, scaled);
        assertClose("function unchanged", f.value(theta), f.value(scaled), 0, 1e-13);
        double[] axis = Slices.axis(-1, 1, 7);
        Slice a = Slices.evaluate(f, SliceDirections.random(f, theta, 2, 11), axis, axis, false, 0);
        Slice b = Slices.evaluate(f, SliceDirections.random(f, scaled, 2, 11), axis, axis, false, 0);
        for (int i = 0; i < axis.length; i++) {
            assertClose("slice row " + i, a.loss()[i], b.loss()[i], 0, 1e-12);
        }
    }

    /**
     * With a different λ_i for each unit, each unit's incoming block of θ and of the normalized direction scales by
     * λ_i (exact equivariance of the filters that are rescaled); the next layer's filters mix the λ_i.
     */
    @Test
    void incomingFiltersAreEquivariantUnderPerNeuronRescaling() {
        EmpiricalRisk f = GeometryFixtures.reluRisk("mlp:3-4-2:relu", 8, 4);
        Network net = f.network();
        double[] theta = GeometryFixtures.gaussianTheta(f.dim(), 4, 0);
        double[] lambda = {0.5, 3.0, 1.7, 0.01};
        double[] scaled = theta.clone();
        rescaleUnits(net, 0, lambda, scaled);
        assertClose("function unchanged", f.value(theta), f.value(scaled), 0, 1e-13);
        double[] d = FilterNormalization.randomDirection(theta, f.layout(), 5, 0);
        double[] ds = FilterNormalization.randomDirection(scaled, f.layout(), 5, 0);
        int[][] blocks = FilterNormalization.neuronBlocks(f.layout());
        for (int u = 0; u < lambda.length; u++) {
            for (int i : blocks[u]) {
                assertClose("entry " + i, lambda[u] * d[i], ds[i], 1e-15, 1e-13);
            }
        }
    }

    /** Unit i of hidden layer l (0-based): incoming row and bias times λ_i, outgoing column times 1/λ_i. */
    static void rescaleUnits(Network net, int l, double[] lambda, double[] theta) {
        int in = net.layers().get(l).inputs();
        int n = net.layers().get(l).outputs();
        int off = net.offset(l);
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < in; c++) {
                theta[off + i * in + c] *= lambda[i];
            }
            if (net.layers().get(l).bias()) {
                theta[off + n * in + i] *= lambda[i];
            }
        }
        int offNext = net.offset(l + 1);
        for (int r = 0; r < net.layers().get(l + 1).outputs(); r++) {
            for (int i = 0; i < n; i++) {
                theta[offNext + r * n + i] /= lambda[i];
            }
        }
    }
}
