package org.flowscape.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyRoundTripTest {
    @TempDir
    Path dir;

    @Test
    void roundTripsShapesOfZeroToThreeDimensions() throws IOException {
        int[][] shapes = {{}, {5}, {3, 4}, {2, 3, 4}, {0, 3}, {1, 1}};
        for (int[] shape : shapes) {
            int count = 1;
            for (int s : shape) {
                count *= s;
            }
            double[] data = new double[count];
            for (int i = 0; i < count; i++) {
                data[i] = Math.sin(i + 0.5) * 1e3 - i;
            }
            Path p = dir.resolve("a.npy");
            Npy.write(p, new NpyArray(shape, data));
            NpyArray back = Npy.read(p);
            assertArrayEquals(shape, back.shape());
            assertArrayEquals(data, back.data());
        }
    }

    @Test
    void headerIsPaddedToSixtyFourBytes() throws IOException {
        Path p = dir.resolve("b.npy");
        Npy.write(p, new NpyArray(new int[] {2, 3}, new double[6]));
        byte[] bytes = Files.readAllBytes(p);
        assertEquals(128 + 48, bytes.length); // as numpy.save writes it: 10 + 118 header bytes
        assertEquals(118, (bytes[8] & 0xFF) | (bytes[9] & 0xFF) << 8);
        String header = new String(bytes, 10, 118, java.nio.charset.StandardCharsets.ISO_8859_1);
        assertEquals("{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }", header.strip());
        assertEquals('\n', header.charAt(117));
    }

    @Test
    void largeArrayStreamsThroughSeveralChunks() throws IOException {
        double[] data = new double[50_000];
        for (int i = 0; i < data.length; i++) {
            data[i] = i * 0.25;
        }
        Path p = dir.resolve("c.npy");
        Npy.write(p, new NpyArray(new int[] {250, 200}, data));
        assertArrayEquals(data, Npy.read(p).data());
    }
}
