package org.flowscape.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.flowscape.linalg.Matrix;
import org.flowscape.model.Models;
import org.flowscape.model.Network;
import org.junit.jupiter.api.Test;

class IdentityDataTest {
    @Test
    void targetsAreTheTransposeSoALinearNetworkAtWEqualsAFitsExactly() {
        Dataset ds = Datasets.parse("identity:2,target=[[2,1],[0,1]]");
        assertArrayEquals(Matrix.identity(2).data(), ds.inputs().data(), 0);
        assertArrayEquals(new double[] {2, 0, 1, 1}, ds.targets().data(), 0); // Y = Aᵀ
        Network net = Models.parse("linear:2x2");
        double[] theta = {2, 1, 0, 1}; // W = A, row-major
        assertArrayEquals(ds.targets().data(), net.predict(theta, ds.inputs()).data(), 0);
    }

    @Test
    void rectangularTargetsAndDeepNetworks() {
        Dataset ds = Datasets.parse("identity:3, target=[[1,2,3],[4,5,6]]");
        assertEquals(3, ds.size());
        assertEquals(2, ds.targetDim());
        Network net = Models.parse("linear:3x2");
        assertArrayEquals(ds.targets().data(), net.predict(new double[] {1, 2, 3, 4, 5, 6}, ds.inputs()).data(), 0);
    }

    @Test
    void randomTargetIsSeededAndSquareByDefault() {
        Dataset ds = Datasets.parse("identity:4,target=random,seed=3");
        assertEquals(4, ds.targetDim());
        assertArrayEquals(IdentityData.randomTarget(4, 4, 3).transpose().data(), ds.targets().data(), 0);
        assertArrayEquals(ds.targets().data(), Datasets.parse("identity:4,seed=3").targets().data(), 0);
    }

    @Test
    void badTargetsAreNamed() {
        assertMessage("identity:2,target=[[1,2],[3]]", "same length");
        assertMessage("identity:3,target=[[1,2],[3,4]]", "2 columns but D=3");
        assertMessage("identity:2,target=[[1,x],[3,4]]", "'x'");
        assertMessage("identity:2,target=[1,2]", "list of rows");
        assertMessage("identity:2,target=[[1,2],[3,4]],seed=1", "only to target=random");
        assertMessage("identity:2", "missing required key 'seed'");
        assertMessage("identity:target=random,seed=1", "missing the size D");
        assertMessage("identity:0,seed=1", "D must be a positive integer");
        assertMessage("identity:2,target=[[1,2],[3,4]", "unclosed bracket");
    }

    private static void assertMessage(String spec, String part) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Datasets.parse(spec));
        assertTrue(e.getMessage().contains(part), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
    }
}
