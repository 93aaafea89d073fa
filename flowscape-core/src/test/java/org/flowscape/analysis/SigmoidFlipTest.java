package org.flowscape.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.flowscape.loss.Losses;
import org.flowscape.model.DenseLayer;
import org.flowscape.model.Models;
import org.flowscape.model.Network;
import org.flowscape.model.Symmetry;
import org.flowscape.objective.EmpiricalRisk;
import org.flowscape.testing.Problems;
import org.junit.jupiter.api.Test;

class SigmoidFlipTest {

    /**
     * θ with hidden unit j of layer l flipped by hand: incoming row and bias negated, outgoing column negated, and
     * the next bias raised by the old outgoing column (σ(−z) = 1 − σ(z)).
     */
    private static double[] flip(Network net, double[] theta, int l, int j) {
        double[] t = theta.clone();
        DenseLayer in = net.layers().get(l);
        DenseLayer out = net.layers().get(l + 1);
        for (int c = 0; c < in.inputs(); c++) {
            t[net.offset(l) + j * in.inputs() + c] *= -1;
        }
        t[net.offset(l) + in.outputs() * in.inputs() + j] *= -1;
        for (int i = 0; i < out.outputs(); i++) {
            int v = net.offset(l + 1) + i * out.inputs() + j;
            t[net.offset(l + 1) + out.outputs() * out.inputs() + i] += t[v];
            t[v] *= -1;
        }
        return t;
    }

    @Test
    void theLogisticFlipIsDeclaredKeepsTheFunctionAndHasOneCanonicalForm() {
        Network net = Models.parse("mlp:3-4-5-2:sigmoid");
        assertTrue(net.symmetries().contains(new Symmetry.SignFlip(1, 4, 0.5)), net.symmetries()::toString);
        assertTrue(net.symmetries().contains(new Symmetry.SignFlip(2, 5, 0.5)), net.symmetries()::toString);
        EmpiricalRisk f = new EmpiricalRisk(net, Losses.mse(), Problems.gaussian(30, 3, 2, 4));
        double[] theta = net.initialize(9);
        for (int i = 0; i < theta.length; i++) {
            theta[i] += 0.1 * Math.sin(i + 0.5); // non-zero biases
        }
        double[] flipped = flip(net, flip(net, flip(net, theta, 0, 1), 0, 3), 1, 2);
        double[] p = f.predictions(theta, new double[60]);
        double[] q = f.predictions(flipped, new double[60]);
        for (int i = 0; i < p.length; i++) {
            assertEquals(p[i], q[i], 1e-14);
        }
        assertEquals(f.value(theta), f.value(flipped), 1e-14);
        double[] a = CanonicalForm.of(net, theta, 1e-12);
        double[] b = CanonicalForm.of(net, flipped, 1e-12);
        for (int i = 0; i < a.length; i++) {
            assertEquals(a[i], b[i], 1e-13, "entry " + i);
        }
        assertEquals(f.value(theta), f.value(a), 1e-14);
    }

    @Test
    void tanhKeepsThePlainFlipAndABiasFreeNextLayerGetsNone() {
        assertTrue(Models.parse("mlp:2-3-1:tanh").symmetries().contains(new Symmetry.SignFlip(1, 3)));
        assertTrue(Models.parse("mlp:2-3-1:sigmoid:nobias").symmetries().stream()
                .noneMatch(s -> s instanceof Symmetry.SignFlip));
    }
}
