package org.flowscape.model.layers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.flowscape.testing.NumericAssert.assertClose;

import org.flowscape.data.Dataset;
import org.flowscape.loss.Losses;
import org.flowscape.model.Models;
import org.flowscape.model.Network;
import org.flowscape.objective.EmpiricalRisk;
import org.flowscape.objective.LayerRisk;
import org.flowscape.testing.DerivativeChecks;
import org.flowscape.testing.Problems;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A {@code layers:} spelling of an {@code mlp:} or {@code linear:} network has the same parameter layout and
 * initialization, and gives the same loss, gradient and Hessian-vector products: the loss and gradient bit for bit
 * (the same BLAS calls in the same order), Hessian-vector products to 1e-14 relative (the R-pass is organised
 * differently).
 */
class MlpEquivalenceTest {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = ';', value = {
        "mlp:3-8-2:tanh; layers:3/dense=8/tanh/dense=2; mse",
        "mlp:3-6-5-2:relu; layers:3/dense=6/relu/dense=5/relu/dense=2; mse-mean",
        "mlp:4-5-3:sigmoid:nobias; layers:4/dense=5:nobias/sigmoid/dense=3:nobias; xent",
        "linear:3x4x2; layers:3/dense=4:nobias/dense=2:nobias; frobenius"})
    void sameLossGradientAndHessianVectorProducts(String mlp, String layers, String loss) {
        Network net = Models.parse(mlp);
        LayerModel model = LayerSpecs.parse(layers);
        Dataset data = loss.equals("xent") ? Problems.classes(9, net.inputDim(), 3, 41)
                : Problems.gaussian(9, net.inputDim(), net.outputDim(), 41);
        EmpiricalRisk a = new EmpiricalRisk(net, Losses.parse(loss), data);
        LayerRisk b = new LayerRisk(model, Losses.parse(loss), data);
        assertThat(model.initialize(7)).containsExactly(net.initialize(7));
        for (int i = 0; i < net.layout().blocks().size(); i++) {
            assertThat(model.layout().blocks().get(i).offset()).isEqualTo(net.layout().blocks().get(i).offset());
            assertThat(model.layout().blocks().get(i).shape()).isEqualTo(net.layout().blocks().get(i).shape());
        }
        double[] theta = DerivativeChecks.point(net);
        int p = net.parameterCount();
        double[] ga = new double[p];
        double[] gb = new double[p];
        assertThat(b.valueAndGradient(theta, gb)).isEqualTo(a.valueAndGradient(theta, ga));
        assertThat(gb).containsExactly(ga);
        double[] v = Problems.unit(p, 42, 0);
        double[] ha = new double[p];
        double[] hb = new double[p];
        a.hessianVectorProduct(theta, v, ha);
        b.hessianVectorProduct(theta, v, hb);
        assertClose("H v", ha, hb, 1e-14, 1e-14);
        assertThat(model.symmetries()).isEqualTo(net.symmetries());
    }
}
