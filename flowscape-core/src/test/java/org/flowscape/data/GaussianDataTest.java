package org.flowscape.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class GaussianDataTest {
    @Test
    void shapeAndSpec() {
        Dataset ds = Datasets.parse("gaussian:n=50,d=3,k=2,seed=7");
        assertEquals(50, ds.size());
        assertEquals(3, ds.inputDim());
        assertEquals(2, ds.targetDim());
        assertEquals("gaussian:n=50,d=3,k=2,seed=7", ds.spec());
        assertEquals(1, Datasets.parse("gaussian:n=5,d=3,seed=7").targetDim());
    }

    @Test
    void sameSeedSameBitsDifferentSeedDifferent() {
        Dataset a = Datasets.parse("gaussian:n=20,d=4,seed=1");
        Dataset b = Datasets.parse("GAUSSIAN: N=20, D=4, SEED=1");
        Dataset c = Datasets.parse("gaussian:n=20,d=4,seed=2");
        assertArrayEquals(a.inputs().data(), b.inputs().data());
        assertArrayEquals(a.targets().data(), b.targets().data());
        assertFalse(Arrays.equals(a.inputs().data(), c.inputs().data()));
        assertFalse(Arrays.equals(a.inputs().data(), a.targets().data()));
    }

    @Test
    void momentsAreStandardNormal() {
        double[] x = Datasets.parse("gaussian:n=4000,d=5,seed=3").inputs().data();
        double mean = Arrays.stream(x).average().orElseThrow();
        double var = Arrays.stream(x).map(v -> v * v).average().orElseThrow() - mean * mean;
        // 20000 draws: standard error of the mean 0.007, of the variance 0.01
        assertTrue(Math.abs(mean) < 0.05, "mean " + mean);
        assertTrue(Math.abs(var - 1) < 0.06, "variance " + var);
    }
}
