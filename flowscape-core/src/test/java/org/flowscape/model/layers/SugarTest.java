package org.flowscape.model.layers;

import static org.assertj.core.api.Assertions.assertThat;

import org.flowscape.data.Dataset;
import org.flowscape.linalg.Matrix;
import org.flowscape.loss.Losses;
import org.flowscape.model.Model;
import org.flowscape.model.Network;
import org.flowscape.objective.EmpiricalRisk;
import org.flowscape.objective.ModelObjective;
import org.flowscape.objective.Objectives;
import org.flowscape.testing.DerivativeChecks;
import org.flowscape.testing.Problems;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code mlp:}, {@code linear:} and {@code product:} are sugar for layer sequences: {@link ModelSpecs} turns both
 * spellings of a dense stack into the same fused {@link Network} (equal layers, layout, initialization), so the value,
 * gradient, H·v and dense Hessian agree bit for bit; other sequences stay layer models.
 */
class SugarTest {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = ';', value = {
        "mlp:10-100-1:tanh; layers:10/dense=100/tanh/dense=1; mse",
        "mlp:3-6-5-2:relu; layers:3/dense=6/relu/dense=5/relu/dense=2; mse-mean",
        "mlp:4-5-3:sigmoid:nobias; layers:4/dense=5:nobias/sigmoid/dense=3:nobias; xent",
        "mlp:4-3-1:softplus; layers:1x2x2/flatten/dense=3/softplus/dense=1; mse",
        "linear:3x4x2; layers:3/dense=4:nobias/dense=2:nobias; frobenius",
        "product:3; layers:1/dense=1:nobias/dense=1:nobias/dense=1:nobias; mse"})
    void bothSpellingsAreOneNetworkWithTheSameBits(String sugar, String layers, String loss) {
        Model a = ModelSpecs.parse(sugar);
        Model b = ModelSpecs.parse(layers);
        assertThat(a).isInstanceOf(Network.class);
        assertThat(b).isInstanceOf(Network.class);
        Network na = (Network) a;
        Network nb = (Network) b;
        assertThat(nb.layers()).isEqualTo(na.layers());
        assertThat(nb.spec()).isEqualTo(layers);
        assertThat(nb.layout().blocks()).isEqualTo(na.layout().blocks());
        assertThat(nb.initialize(7)).containsExactly(na.initialize(7));
        assertThat(nb.symmetries()).isEqualTo(na.symmetries());
        Dataset data = loss.equals("xent") ? Problems.classes(9, a.inputDim(), 3, 41)
                : Problems.gaussian(9, a.inputDim(), a.outputDim(), 41);
        ModelObjective fa = Objectives.of(a, Losses.parse(loss), data);
        ModelObjective fb = Objectives.of(b, Losses.parse(loss), data);
        assertThat(fb).isInstanceOf(EmpiricalRisk.class);
        int p = a.parameterCount();
        double[] theta = DerivativeChecks.point(na);
        double[] ga = new double[p];
        double[] gb = new double[p];
        assertThat(fb.valueAndGradient(theta, gb)).isEqualTo(fa.valueAndGradient(theta, ga));
        assertThat(gb).containsExactly(ga);
        double[] v = Problems.unit(p, 42, 0);
        double[] ha = new double[p];
        double[] hb = new double[p];
        fa.hessianVectorProduct(theta, v, ha);
        fb.hessianVectorProduct(theta, v, hb);
        assertThat(hb).containsExactly(ha);
        if (p <= 200) {
            assertThat(fb.hessian(theta, new double[p * p])).containsExactly(fa.hessian(theta, new double[p * p]));
        }
    }

    @Test
    void theFusedProductComputesTheProductOfItsWeights() {
        Model m = ModelSpecs.parse("layers:1/dense=1:nobias/dense=1:nobias/dense=1:nobias");
        Matrix out = ((Network) m).predict(new double[] {2, -3, 0.5}, new Matrix(2, 1, new double[] {1, 4}));
        assertThat(out.data()).containsExactly(-3.0, -12.0);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "layers:1x4x4/conv=2,3/flatten/dense=1",
        "layers:4/tanh/dense=2",
        "layers:4/dense=3/tanh/relu/dense=1",
        "layers:4/dense=3/res(dense=3/tanh)/dense=1",
        "layers:4/dense=3/flatten/dense=1"})
    void otherSequencesStayLayerModels(String spec) {
        assertThat(ModelSpecs.parse(spec)).isInstanceOf(LayerModel.class);
    }
}
