package org.flowscape.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpzTest {
    @TempDir
    Path dir;

    private Path file(byte[] bytes) throws IOException {
        Path p = dir.resolve("d.npz");
        Files.write(p, bytes);
        return p;
    }

    private void assertRejected(byte[] bytes, String part) throws IOException {
        Path p = file(bytes);
        FormatException e = assertThrows(FormatException.class, () -> Npz.read(p));
        assertTrue(e.getMessage().contains(part), e.getMessage());
        assertTrue(e.getMessage().startsWith(p.toString()), e.getMessage());
    }

    @Test
    void writerRoundTripsInOrder() throws IOException {
        Map<String, NpyArray> a = new LinkedHashMap<>();
        a.put("x", new NpyArray(new int[] {3, 2}, new double[] {1, 2, 3, 4, 5, 6}));
        a.put("y", new NpyArray(new int[] {3}, new double[] {-1, 0.5, 1e-310}));
        Path p = dir.resolve("w.npz");
        Npz.write(p, a);
        Map<String, NpyArray> back = Npz.read(p);
        assertEquals(List.of("x", "y"), List.copyOf(back.keySet()));
        assertEquals(a, back);
    }

    @Test
    void storedAndDeflatedEntriesOfMixedByteOrderAndLayout() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("f.npy", NpyBytes.file(1, NpyBytes.dict(">f4", true, "(2, 3)"),
                NpyBytes.encode("f4", ByteOrder.BIG_ENDIAN, 1, 4, 2, 5, 3, 6)));
        entries.put("i.npy", NpyBytes.file(1, NpyBytes.dict("<i8", false, "(2,)"),
                NpyBytes.encode("i8", ByteOrder.LITTLE_ENDIAN, -3, 9)));
        for (boolean deflate : new boolean[] {false, true}) {
            Map<String, NpyArray> a = Npz.read(file(InteropFiles.zip(entries, deflate)));
            assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, a.get("f").data());
            assertArrayEquals(new int[] {2, 3}, a.get("f").shape());
            assertArrayEquals(new double[] {-3, 9}, a.get("i").data());
        }
    }

    @Test
    void zipBombsAreRefusedBeforeInflating() throws IOException {
        // 8 MB of zeros deflates to about 8 KB; the central directory then claims 2 GB
        byte[] zeros = NpyBytes.file(1, NpyBytes.dict("<f8", false, "(1000000,)"), new byte[8_000_000]);
        byte[] bomb = InteropFiles.zip(Map.of("x.npy", zeros), true);
        assertRejected(InteropFiles.withCentralSizes(bomb, Integer.MAX_VALUE), "more than DEFLATE can expand");
        // an honest but large archive is refused by the budget before its array is allocated
        Path p = file(bomb);
        FormatException e = assertThrows(FormatException.class, () -> Npz.read(p, new ReadBudget("t", 100_000)));
        assertTrue(e.getMessage().contains("this reader may allocate"), e.getMessage());
        assertEquals(1_000_000, Npz.read(p).get("x").data().length);
    }

    @Test
    void brokenArchivesAndForeignEntries() throws IOException {
        byte[] good = InteropFiles.zip(Map.of("x.npy", NpyBytes.file(1, NpyBytes.dict("<f8", false, "(1,)"),
                new byte[8])), false);
        assertRejected(java.util.Arrays.copyOf(good, good.length - 10), "not a valid npz");
        assertRejected("x,y\n1,2\n".getBytes(), "not a valid npz");
        assertRejected(InteropFiles.zip(Map.of("readme.txt", new byte[3]), true), "is not an npy array");
        assertRejected(InteropFiles.zip(Map.of("x.npy", new byte[20]), false), "is not an npy file");
        byte[] lying = InteropFiles.withCentralSizes(good, 200);
        assertRejected(lying, "d.npz[x.npy]");
    }
}
