package org.flowscape.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.flowscape.io.Npy;
import org.flowscape.io.NpyArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyDataTest {
    @TempDir
    Path dir;

    private Path write(String name, int[] shape, double... data) {
        Path p = dir.resolve(name);
        try {
            Npy.write(p, new NpyArray(shape, data));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return p;
    }

    @Test
    void matrixInputsAndVectorTargets() {
        Path x = write("x.npy", new int[] {3, 2}, 1, 2, 3, 4, 5, 6);
        Path y = write("y.npy", new int[] {3}, 7, 8, 9);
        Dataset ds = Datasets.parse("npy:X=" + x + ",Y=" + y);
        assertEquals(3, ds.size());
        assertEquals(2, ds.inputDim());
        assertEquals(1, ds.targetDim());
        assertArrayEquals(new double[] {7, 8, 9}, ds.targets().data(), 0);
        Path y2 = write("y2.npy", new int[] {3, 2}, 1, 2, 3, 4, 5, 6);
        assertEquals(2, Datasets.parse("npy:x=" + x + ",y=" + y2).targetDim());
    }

    @Test
    void shapeMismatchAndBadDimensionsAreNamed() {
        Path x = write("x.npy", new int[] {3, 2}, 1, 2, 3, 4, 5, 6);
        Path y = write("y.npy", new int[] {4}, 1, 2, 3, 4);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Datasets.parse("npy:X=" + x + ",Y=" + y));
        assertTrue(e.getMessage().contains("[3, 2]") && e.getMessage().contains("[4]")
                && e.getMessage().contains("same first dimension"), e.getMessage());
        Path cube = write("c.npy", new int[] {1, 1, 1}, 1);
        e = assertThrows(IllegalArgumentException.class, () -> Datasets.parse("npy:X=" + cube + ",Y=" + y));
        assertTrue(e.getMessage().contains("1-d or 2-d"), e.getMessage());
        Path nan = write("n.npy", new int[] {3}, 1, Double.NaN, 3);
        e = assertThrows(IllegalArgumentException.class, () -> Datasets.parse("npy:X=" + x + ",Y=" + nan));
        assertTrue(e.getMessage().contains("NaN"), e.getMessage());
    }
}
