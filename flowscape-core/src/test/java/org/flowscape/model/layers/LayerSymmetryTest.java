package org.flowscape.model.layers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.flowscape.testing.NumericAssert.assertClose;

import java.util.List;
import java.util.SplittableRandom;
import org.flowscape.data.Dataset;
import org.flowscape.loss.Losses;
import org.flowscape.model.Symmetry;
import org.flowscape.objective.LayerRisk;
import org.flowscape.rng.Seeds;
import org.flowscape.testing.DerivativeChecks;
import org.flowscape.testing.Problems;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The symmetries layers declare leave the loss unchanged: random elements of each declared group (permutations,
 * sign flips, positive rescalings, diagonal elements of the linear gauge) applied to θ change L(θ) only by round-off;
 * the declared lists are pinned.
 */
class LayerSymmetryTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "layers:1x6x6/conv=3,3,1,1/relu/avgpool=2/flatten/dense=4/tanh/dense=2",
        "layers:2x8/conv=4,3,2,1/tanh/conv=3,2/sin/flatten/dense=2",
        "layers:1x5x5/conv=2,3:nobias/leaky_relu(0.2)/relu_pow(2)/flatten/dense=2:nobias",
        "layers:3/dense=4/res(dense=5/tanh/dense=4)/relu/dense=2",
        "layers:2x6x6/conv=3,3/avgpool=2/flatten/dense=2"})
    void everyDeclaredSymmetryLeavesTheLossUnchanged(String spec) {
        LayerModel m = LayerSpecs.parse(spec);
        Dataset data = Problems.gaussian(5, m.inputDim(), m.outputDim(), 51);
        LayerRisk f = new LayerRisk(m, Losses.mse(), data);
        double[] theta = DerivativeChecks.point(m);
        double l0 = f.value(theta);
        List<UnitSymmetry> syms = m.unitSymmetries();
        assertThat(syms).isNotEmpty();
        for (int s = 0; s < syms.size(); s++) {
            SplittableRandom r = Seeds.stream(52, "test-symmetry", s);
            int moves = 0;
            for (int trial = 0; trial < 4; trial++) {
                double[] moved = syms.get(s).applyRandom(theta, r);
                moves += java.util.Arrays.equals(moved, theta) ? 0 : 1;
                assertClose(syms.get(s).symmetry().describe(), l0, f.value(moved), 1e-13, 1e-12);
            }
            assertThat(moves).as("group elements that moved theta").isPositive();
        }
    }

    @Test
    void declaredGroupsPerLayer() {
        LayerModel cnn = LayerSpecs.parse("layers:1x6x6/conv=3,3,1,1/relu/avgpool=2/flatten/dense=4/tanh/dense=2");
        assertThat(cnn.symmetries()).containsExactly(new Symmetry.PositiveRescaling(1, 3, 1),
                new Symmetry.Permutation(1, 3), new Symmetry.Permutation(2, 4), new Symmetry.SignFlip(2, 4));
        LayerModel res = LayerSpecs.parse("layers:3/dense=4/res(dense=5/tanh/dense=4)/relu/dense=2");
        // the units of dense=4 feed the residual block: no symmetry across it; inside the body 5 tanh units
        assertThat(res.symmetries()).containsExactly(new Symmetry.Permutation(2, 5), new Symmetry.SignFlip(2, 5));
        LayerModel gauge = LayerSpecs.parse("layers:2x6x6/conv=3,3/avgpool=2/flatten/dense=2");
        assertThat(gauge.symmetries()).containsExactly(new Symmetry.LinearGauge(1, 3));
        LayerModel sq = LayerSpecs.parse("layers:2/dense=3/relu/relu_pow(2)/dense=1");
        assertThat(sq.symmetries()).contains(new Symmetry.PositiveRescaling(1, 3, 2));
    }
}
