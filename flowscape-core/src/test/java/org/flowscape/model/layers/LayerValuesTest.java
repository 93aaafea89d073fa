package org.flowscape.model.layers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.flowscape.linalg.Matrix;
import org.flowscape.model.ParameterBlock;
import org.junit.jupiter.api.Test;

/** Outputs of convolutions and pooling on tiny inputs, computed by hand; shapes, layouts and spec errors. */
class LayerValuesTest {
    private static final double[] IMAGE = {1, 2, 3, 4, 5, 6, 7, 8, 9};

    @Test
    void conv2dValidOnA3x3ImageIsTheWindowSums() {
        // kernel [[1,2],[3,4]], bias 0.5: y00 = 1+4+12+20, y01 = 2+6+15+24, y10 = 4+10+21+32, y11 = 5+12+24+36
        LayerModel m = LayerSpecs.parse("layers:1x3x3/conv=1,2/flatten");
        double[] theta = {1, 2, 3, 4, 0.5};
        assertThat(m.predict(theta, new Matrix(1, 9, IMAGE)).data()).containsExactly(37.5, 47.5, 67.5, 77.5);
    }

    @Test
    void conv2dWithStride2AndPadding1ReadsZerosOutside() {
        // padded input rows/cols -1..3; windows at (-1,-1), (-1,1), (1,-1), (1,1):
        // y00 = x00·w11 = 4; y01 = x01·w10 + x02·w11 = 6 + 12; y10 = x10·w01 + x20·w11 = 8 + 28;
        // y11 = x11·w00 + x12·w01 + x21·w10 + x22·w11 = 5 + 12 + 24 + 36
        LayerModel m = LayerSpecs.parse("layers:1x3x3/conv=1,2,2,1:nobias/flatten");
        assertThat(m.predict(new double[] {1, 2, 3, 4}, new Matrix(1, 9, IMAGE)).data())
                .containsExactly(4, 18, 36, 77);
    }

    @Test
    void conv2dSumsOverInputChannelsPerOutputChannel() {
        // two input channels (the image and its negative), two output channels; weight OUT x IN x K x K
        LayerModel m = LayerSpecs.parse("layers:2x3x3/conv=2,3:nobias/flatten");
        double[] x = new double[18];
        for (int i = 0; i < 9; i++) {
            x[i] = IMAGE[i];
            x[9 + i] = -IMAGE[i];
        }
        double[] theta = new double[36];
        theta[4] = 1; // out 0, in 0, centre
        theta[9 + 4] = 2; // out 0, in 1, centre: 5 - 10
        theta[18] = 1; // out 1, in 0, corner (0,0)
        theta[27 + 8] = 1; // out 1, in 1, corner (2,2): 1 - 9
        assertThat(m.predict(theta, new Matrix(1, 18, x)).data()).containsExactly(-5, -8);
    }

    @Test
    void conv1dWithStride2AndPadding1() {
        // x = 1..5, w = [1, 0, -1]; positions -1..1, 1..3, 3..5: (0 - 2), (2 - 4), (4 - 0)
        LayerModel m = LayerSpecs.parse("layers:1x5/conv=1,3,2,1:nobias/flatten");
        assertThat(m.predict(new double[] {1, 0, -1}, new Matrix(1, 5, new double[] {1, 2, 3, 4, 5})).data())
                .containsExactly(-2, -2, 4);
    }

    @Test
    void averagePoolingMeansEachWindowAndDropsTheRemainder() {
        LayerModel m = LayerSpecs.parse("layers:1x3x3/avgpool=2/flatten/dense=1:nobias");
        // the one 2x2 window (1+2+4+5)/4 = 3, times the weight 2
        assertThat(m.predict(new double[] {2}, new Matrix(1, 9, IMAGE)).data()).containsExactly(6);
        LayerModel s = LayerSpecs.parse("layers:2x4/avgpool=2/flatten");
        assertThat(s.predict(new double[0], new Matrix(1, 8, new double[] {1, 3, 5, 7, 0, 2, 4, 8})).data())
                .containsExactly(2, 6, 1, 6);
    }

    @Test
    void residualAddsTheInput() {
        // y = x + relu(W x) with W = [[1, 0], [0, -1]]: x = (2, 3) gives (2 + 2, 3 + 0)
        LayerModel m = LayerSpecs.parse("layers:2/res(dense=2:nobias/relu)");
        assertThat(m.predict(new double[] {1, 0, 0, -1}, new Matrix(1, 2, new double[] {2, 3})).data())
                .containsExactly(4, 3);
    }

    @Test
    void layoutFollowsPytorchStateDictNames() {
        LayerModel m = LayerSpecs.parse("layers:1x8x8/conv=4,3,1,1/relu/res(conv=4,3,1,1/tanh)/avgpool=2/flatten"
                + "/dense=10");
        List<ParameterBlock> b = m.layout().blocks();
        assertThat(b).extracting(ParameterBlock::name).containsExactly("0.weight", "0.bias", "2.body.0.weight",
                "2.body.0.bias", "5.weight", "5.bias");
        assertThat(b).extracting(ParameterBlock::size).containsExactly(36, 4, 144, 4, 640, 10);
        assertThat(m.tensorShapes().get(2).dims()).containsExactly(4, 4, 3, 3);
        assertThat(m.parameterCount()).isEqualTo(838);
        assertThat(m.inputDim()).isEqualTo(64);
        assertThat(m.outputDim()).isEqualTo(10);
        assertThat(m.layers().layers().get(4).input()).isEqualTo(Shape.image(4, 4, 4));
    }

    @Test
    void initializationDrawsLecunWeightsAndZeroBiases() {
        LayerModel m = LayerSpecs.parse("layers:2x6x6/conv=3,3/flatten/dense=2");
        double[] t = m.initialize(3);
        assertThat(t).hasSize(3 * 18 + 3 + 2 * 48 + 2);
        assertThat(t[54]).isZero();
        assertThat(t[56]).isZero();
        double ss = 0;
        for (int i = 0; i < 54; i++) {
            ss += t[i] * t[i];
        }
        // 54 draws of variance 1/18: the sum of squares is 3 in expectation
        assertThat(ss).isBetween(1.5, 5.0);
    }

    @Test
    void badSpecsFailWithOneLineNamingTheShapes() {
        assertThatThrownBy(() -> LayerSpecs.parse("layers:1x8x8/conv=4,3/dense=10"))
                .hasMessageContaining("dense takes a vector but its input has shape 4x6x6; put flatten before it");
        assertThatThrownBy(() -> LayerSpecs.parse("layers:10/conv=2,3"))
                .hasMessageContaining("conv needs a signal CxL or an image CxHxW, but its input has shape 10");
        assertThatThrownBy(() -> LayerSpecs.parse("layers:1x4x4/res(conv=2,3,1,1)"))
                .hasMessageContaining("maps shape 1x4x4 to 2x4x4");
        assertThatThrownBy(() -> LayerSpecs.parse("layers:1x2x2/conv=1,5"))
                .hasMessageContaining("larger than its padded input 1x2x2");
        assertThatThrownBy(() -> LayerSpecs.parse("layers:1x3x3/avgpool=4"))
                .hasMessageContaining("input has shape 1x3x3");
        assertThatThrownBy(() -> LayerSpecs.parse("layers:4/dense=x"))
                .hasMessageContaining("OUT 'x' must be an integer");
        assertThatThrownBy(() -> LayerSpecs.parse("layers:4/maxpool=2"))
                .hasMessageContaining("unknown layer; use dense=OUT");
        assertThatThrownBy(() -> LayerSpecs.parse("layers:4/res(dense=4"))
                .hasMessageContaining("unclosed '('");
        assertThatThrownBy(() -> LayerSpecs.parse("layers:0x3/flatten"))
                .hasMessageContaining("input shape '0x3' should be D, CxL or CxHxW");
        assertThatThrownBy(() -> LayerSpecs.parse("layers:4//dense=1")).hasMessageContaining("empty layer");
        assertThatThrownBy(() -> LayerSpecs.parse("layers:4/dense=2:bias")).hasMessageContaining(":nobias");
        assertThatThrownBy(() -> LayerSpecs.parse("layers:4")).hasMessageContaining("at least one layer");
        assertThat(ModelSpecs.parse("mlp:2-3-1:tanh").parameterCount()).isEqualTo(13);
        assertThat(ModelSpecs.parse("layers:2/dense=3/tanh/dense=1").parameterCount()).isEqualTo(13);
    }
}
