package org.flowscape.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flowscape.model.Models;
import org.flowscape.model.Network;
import org.junit.jupiter.api.Test;

class MlpStateDictTest {
    private static NpyArray seq(int... shape) {
        int n = 1;
        for (int s : shape) {
            n *= s;
        }
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = i + 1;
        }
        return new NpyArray(shape, d);
    }

    @Test
    void sequentialIndicesMapInOrderWithWeightsOutByIn() {
        Network net = Models.parse("mlp:3-2-1:tanh");
        Map<String, NpyArray> sd = new LinkedHashMap<>();
        sd.put("2.bias", new NpyArray(new int[] {1}, new double[] {-9}));
        sd.put("0.weight", seq(2, 3));
        sd.put("2.weight", new NpyArray(new int[] {1, 2}, new double[] {7, 8}));
        sd.put("0.bias", new NpyArray(new int[] {2}, new double[] {-1, -2}));
        MlpStateDict m = MlpStateDict.toTheta(net, sd);
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6, -1, -2, 7, 8, -9}, m.theta());
        assertEquals(List.of("0.weight", "0.bias", "2.weight", "2.bias"), m.keys());
        Map<String, NpyArray> back = MlpStateDict.fromTheta(net, m.theta(), m.keys());
        for (String k : sd.keySet()) {
            assertEquals(sd.get(k), back.get(k), k);
        }
        assertEquals(List.of("0.weight", "0.bias", "2.weight", "2.bias"),
                List.copyOf(MlpStateDict.fromTheta(net, m.theta(), null).keySet()));
    }

    @Test
    void namedLayersSortNaturallyPastNine() {
        int[] widths = new int[12];
        java.util.Arrays.fill(widths, 1);
        Network net = Models.linear("linear:1x1x1x1x1x1x1x1x1x1x1x1", widths);
        Map<String, NpyArray> sd = new LinkedHashMap<>();
        for (int l = 11; l >= 1; l--) {
            sd.put("model.fc" + l + ".weight", new NpyArray(new int[] {1, 1}, new double[] {l}));
        }
        double[] theta = MlpStateDict.toTheta(net, sd).theta();
        for (int l = 0; l < 11; l++) {
            assertEquals(l + 1, theta[l]);
        }
    }

    @Test
    void everyMismatchIsListedInOneMessage() {
        Network net = Models.parse("mlp:3-2-1:relu");
        Map<String, NpyArray> sd = new LinkedHashMap<>();
        sd.put("0.weight", seq(3, 2)); // transposed
        sd.put("0.bias", seq(2));
        sd.put("2.weight", seq(1, 2));
        sd.put("bn.running_mean", seq(2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MlpStateDict.toTheta(net, sd));
        String m = e.getMessage();
        assertTrue(m.contains("'0.weight' has shape [3, 2] but [2, 3] is needed"), m);
        assertTrue(m.contains("unexpected key 'bn.running_mean'"), m);
        assertTrue(m.contains("layer 2 needs a bias of shape [1]"), m);
        assertTrue(m.contains("weight [2, 3] + bias [2], weight [1, 2] + bias [1]"), m);
        sd.remove("bn.running_mean");
        sd.put("4.weight", seq(1, 1));
        e = assertThrows(IllegalArgumentException.class, () -> MlpStateDict.toTheta(net, sd));
        assertTrue(e.getMessage().contains("found 3 layer(s) [0, 2, 4] but mlp:3-2-1:relu has 2"), e.getMessage());
    }

    @Test
    void noBiasArchitectures() {
        Network net = Models.parse("mlp:2-2-1:tanh:nobias");
        Map<String, NpyArray> sd = new LinkedHashMap<>();
        sd.put("a.weight", seq(2, 2));
        sd.put("b.weight", seq(1, 2));
        assertArrayEquals(new double[] {1, 2, 3, 4, 1, 2}, MlpStateDict.toTheta(net, sd).theta());
        sd.put("b.bias", seq(1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MlpStateDict.toTheta(net, sd));
        assertTrue(e.getMessage().contains("has bias 'b.bias' but the architecture has :nobias"), e.getMessage());
    }

    @Test
    void naturalOrderComparesDigitRunsAsNumbersOfAnyLength() {
        assertTrue(MlpStateDict.natural("fc2", "fc10") < 0);
        assertTrue(MlpStateDict.natural("layers.010", "layers.9") > 0);
        assertTrue(MlpStateDict.natural("a007", "a7") != 0 && MlpStateDict.natural("a007", "a8") < 0);
        String huge = "9".repeat(1_000_000);
        assertTrue(MlpStateDict.natural("x" + huge, "x1" + huge) < 0);
    }
}
