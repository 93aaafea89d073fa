package org.flowscape.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.flowscape.linalg.Matrix;
import org.flowscape.model.Activations;
import org.flowscape.model.Network;
import org.junit.jupiter.api.Test;

class TeacherDataTest {
    @Test
    void noiselessTargetsAreTheTeachersPredictions() {
        Dataset ds = Datasets.parse("teacher:n=30,d=4,width=3,seed=11");
        Network t = TeacherData.network(4, 3, 1, Activations.tanh());
        Matrix f = t.predict(TeacherData.parameters(t, 11), ds.inputs());
        assertArrayEquals(f.data(), ds.targets().data());
        assertEquals("mlp:4-3-1:tanh", t.spec());
    }

    @Test
    void noiseHasTheRequestedScale() {
        Dataset clean = Datasets.parse("teacher:n=1000,d=10,width=5,seed=4");
        Dataset noisy = Datasets.parse("teacher:n=1000,d=10,width=5,noise=0.01,seed=4");
        assertArrayEquals(clean.inputs().data(), noisy.inputs().data());
        double ss = 0;
        for (int i = 0; i < 1000; i++) {
            double e = noisy.targets().data()[i] - clean.targets().data()[i];
            ss += e * e;
        }
        double sd = Math.sqrt(ss / 1000);
        assertTrue(Math.abs(sd - 0.01) < 0.001, "noise sd " + sd);
    }

    @Test
    void deterministicAndSeedSensitive() {
        String s = "teacher:n=10,d=3,width=4,act=relu,noise=0.1,k=2,seed=";
        Dataset a = Datasets.parse(s + 5);
        assertEquals(2, a.targetDim());
        assertArrayEquals(a.targets().data(), Datasets.parse(s + 5).targets().data());
        assertFalse(Arrays.equals(a.targets().data(), Datasets.parse(s + 6).targets().data()));
    }
}
