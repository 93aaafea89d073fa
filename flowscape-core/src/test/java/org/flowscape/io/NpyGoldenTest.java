package org.flowscape.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reads {@code .npy} files written byte by byte in the test, for every dtype, byte order and layout read. */
class NpyGoldenTest {
    @TempDir
    Path dir;

    private NpyArray read(byte[] bytes) throws IOException {
        Path p = dir.resolve("g.npy");
        Files.write(p, bytes);
        return Npy.read(p);
    }

    @ParameterizedTest
    @CsvSource({"<f8", ">f8", "<f4", ">f4", "<i4", ">i4", "<i8", ">i8"})
    void everyDtypeInBothByteOrders(String descr) throws IOException {
        ByteOrder order = descr.charAt(0) == '<' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
        double[] values = {1, -2, 3, 40, -500, 6};
        byte[] data = NpyBytes.encode(descr.substring(1), order, values);
        NpyArray a = read(NpyBytes.file(1, NpyBytes.dict(descr, false, "(2, 3)"), data));
        assertArrayEquals(new int[] {2, 3}, a.shape());
        assertArrayEquals(values, a.data(), 0);
    }

    @Test
    void floatsAreWidenedExactly() throws IOException {
        byte[] data = NpyBytes.encode("f4", ByteOrder.LITTLE_ENDIAN, 0.1, 1e30);
        NpyArray a = read(NpyBytes.file(1, NpyBytes.dict("<f4", false, "(2,)"), data));
        assertArrayEquals(new double[] {(float) 0.1, (float) 1e30}, a.data(), 0);
    }

    @Test
    void fortranOrderIsConvertedToRowMajor() throws IOException {
        // the 2 × 3 matrix [[1,2,3],[4,5,6]] in column-major order
        byte[] data = NpyBytes.encode("f8", ByteOrder.LITTLE_ENDIAN, 1, 4, 2, 5, 3, 6);
        NpyArray a = read(NpyBytes.file(1, NpyBytes.dict("<f8", true, "(2, 3)"), data));
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, a.data(), 0);
        // a 2 × 3 × 2 array with entry (i, j, k) = 100i + 10j + k, stored first index fastest
        double[] f = new double[12];
        double[] c = new double[12];
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 2; k++) {
                    f[i + 2 * j + 6 * k] = 100 * i + 10 * j + k;
                    c[6 * i + 2 * j + k] = 100 * i + 10 * j + k;
                }
            }
        }
        NpyArray b = read(NpyBytes.file(1, NpyBytes.dict(">i4", true, "(2, 3, 2)"),
                NpyBytes.encode("i4", ByteOrder.BIG_ENDIAN, f)));
        assertArrayEquals(new int[] {2, 3, 2}, b.shape());
        assertArrayEquals(c, b.data(), 0);
    }

    @Test
    void versionsTwoAndThreeAndKeyOrder() throws IOException {
        byte[] data = NpyBytes.encode("f8", ByteOrder.LITTLE_ENDIAN, 7, 8);
        assertArrayEquals(new double[] {7, 8}, read(NpyBytes.file(2, NpyBytes.dict("<f8", false, "(2,)"), data))
                .data(), 0);
        String shuffled = "{\"shape\": (1, 2), \"fortran_order\": False, \"descr\": \"<f8\"}";
        NpyArray a = read(NpyBytes.file(3, shuffled, data));
        assertArrayEquals(new int[] {1, 2}, a.shape());
        assertArrayEquals(new double[] {7, 8}, a.data(), 0);
    }

    @Test
    void scalarsEmptyArraysAndSmallTypes() throws IOException {
        NpyArray s = read(NpyBytes.file(1, NpyBytes.dict("<f8", false, "()"),
                NpyBytes.encode("f8", ByteOrder.LITTLE_ENDIAN, 2.5)));
        assertEquals(0, s.ndim());
        assertArrayEquals(new double[] {2.5}, s.data(), 0);
        NpyArray e = read(NpyBytes.file(1, NpyBytes.dict("<f8", false, "(0, 3)"), new byte[0]));
        assertArrayEquals(new int[] {0, 3}, e.shape());
        assertEquals(0, e.data().length);
        byte[] bytes = {(byte) 255, 1, 0};
        assertArrayEquals(new double[] {255, 1, 0}, read(NpyBytes.file(1, NpyBytes.dict("|u1", false, "(3,)"),
                bytes)).data(), 0);
        assertArrayEquals(new double[] {-1, 1, 0}, read(NpyBytes.file(1, NpyBytes.dict("|i1", false, "(3,)"),
                bytes)).data(), 0);
        assertArrayEquals(new double[] {1, 1, 0}, read(NpyBytes.file(1, NpyBytes.dict("|b1", false, "(3,)"),
                bytes)).data(), 0);
    }

    @Test
    void writerOutputReadsBackByteForByteAsBuilt() throws IOException {
        Path p = dir.resolve("w.npy");
        Npy.write(p, new NpyArray(new int[] {3}, new double[] {1, 2, 3}));
        byte[] expected = NpyBytes.file(1, NpyBytes.dict("<f8", false, "(3,)"),
                NpyBytes.encode("f8", ByteOrder.LITTLE_ENDIAN, 1, 2, 3));
        assertArrayEquals(expected, Files.readAllBytes(p));
    }
}
