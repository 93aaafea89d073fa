package org.flowscape.io;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Malformed {@code .npy} files fail with one clean {@link FormatException} naming the problem. The shapes
 * claimed here would need terabytes if allocated before the size check, so passing also shows the check comes first.
 */
class NpyHostileTest {
    @TempDir
    Path dir;

    private void assertRejected(byte[] bytes, String part) throws IOException {
        Path p = dir.resolve("h.npy");
        Files.write(p, bytes);
        FormatException e = assertThrows(FormatException.class, () -> Npy.read(p));
        assertTrue(e.getMessage().contains(part), e.getMessage());
        assertTrue(e.getMessage().contains(p.toString()), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
    }

    private static byte[] good() {
        return NpyBytes.file(1, NpyBytes.dict("<f8", false, "(2,)"),
                NpyBytes.encode("f8", ByteOrder.LITTLE_ENDIAN, 1, 2));
    }

    @Test
    void badMagicAndTinyFiles() throws IOException {
        byte[] b = good();
        b[1] = 'X';
        assertRejected(b, "not an npy file");
        assertRejected(new byte[0], "not an npy file");
        assertRejected(Arrays.copyOf(good(), 7), "ends inside its preamble");
        assertRejected(Arrays.copyOf(good(), 5), "not an npy file");
        assertRejected("x1,x2\n1,2\n".getBytes(), "not an npy file");
    }

    @Test
    void unsupportedVersion() throws IOException {
        byte[] b = good();
        b[6] = 4;
        assertRejected(b, "version 4.0");
    }

    @Test
    void truncatedHeaderAndLengthBeyondTheFile() throws IOException {
        assertRejected(Arrays.copyOf(good(), 40), "header claims");
        byte[] b = good();
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putShort(8, (short) 0xFFFF);
        assertRejected(b, "header claims 65535 bytes");
        byte[] v2 = NpyBytes.file(2, NpyBytes.dict("<f8", false, "(2,)"), new byte[16]);
        ByteBuffer.wrap(v2).order(ByteOrder.LITTLE_ENDIAN).putInt(8, -1); // 4 GiB - 1 as unsigned
        assertRejected(v2, "header claims 4294967295 bytes");
        assertRejected(Arrays.copyOf(good(), 9), "truncated");
    }

    @Test
    void unparseableDicts() throws IOException {
        String[] dicts = {
            "not a dict",
            "{'descr': '<f8', 'fortran_order': False, 'shape': (2,), ",
            "{'descr': '<f8', 'fortran_order': Maybe, 'shape': (2,), }",
            "{'descr': '<f8', 'fortran_order': False, 'shape': (2.5,), }",
            "{'descr': '<f8, 'fortran_order': False, 'shape': (2,), }",
            "{'descr': '<f8', 'fortran_order': False, 'shape': ('a',), }",
            "{'descr': '<f8', 'descr': '<f8', 'fortran_order': False, 'shape': (2,), }",
            "{'descr': '<f8', 'fortran_order': False, 'shape': (2,), } trailing"};
        for (String dict : dicts) {
            assertRejected(NpyBytes.file(1, dict, new byte[16]), "cannot parse the npy header");
        }
        assertRejected(NpyBytes.file(1, "{'descr': '<f8', 'shape': (2,), }", new byte[16]), "fortran_order");
        assertRejected(NpyBytes.file(1, "{'descr': '<f8', 'fortran_order': False, 'shape': 2, }", new byte[16]),
                "'shape' as a tuple");
        assertRejected(NpyBytes.file(1, "{'descr': [('a', '<f8')], 'fortran_order': False, 'shape': (2,), }",
                new byte[16]), "cannot parse");
        assertRejected(NpyBytes.file(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (2,), 'x': 1}",
                new byte[16]), "unexpected key 'x'");
    }

    @Test
    void negativeOverflowingAndHugeShapes() throws IOException {
        assertRejected(NpyBytes.file(1, NpyBytes.dict("<f8", false, "(-2,)"), new byte[16]), "negative");
        assertRejected(NpyBytes.file(1, NpyBytes.dict("<f8", false, "(99999999999999999999999,)"), new byte[16]),
                "not a valid dimension");
        assertRejected(NpyBytes.file(1, NpyBytes.dict("<f8", false, "(4294967296,)"), new byte[16]), "too large");
        assertRejected(NpyBytes.file(1, NpyBytes.dict("<f8", false, "(2147483647, 2147483647, 2147483647)"),
                new byte[16]), "more elements than one array holds");
        // claims 10^9 doubles (8 GB) but carries 16 bytes: refused by the memory budget before allocating (the
        // budget is checked before the size, so the message states the memory it would need)
        assertRejected(NpyBytes.file(1, NpyBytes.dict("<f8", false, "(1000000000,)"), new byte[16]),
                "needs about 8.0 GB as doubles");
        // a shape that fits the budget but not the file: refused by the size check
        assertRejected(NpyBytes.file(1, NpyBytes.dict("<f8", false, "(1000,)"), new byte[16]),
                "needs 8000 data bytes but the file has 16");
    }

    @Test
    void truncatedAndOverlongData() throws IOException {
        byte[] b = good();
        assertRejected(Arrays.copyOf(b, b.length - 1), "needs 16 data bytes but the file has 15");
        assertRejected(Arrays.copyOf(b, b.length + 8), "needs 16 data bytes but the file has 24");
    }

    @Test
    void unknownDtypes() throws IOException {
        for (String descr : new String[] {"<c16", "<U5", "|f8", "<x4", "O", "", "|i4"}) {
            assertRejected(NpyBytes.file(1, NpyBytes.dict(descr, false, "(2,)"), new byte[16]),
                    "unsupported npy dtype");
        }
    }

    @Test
    void missingFileAndDirectoryAreFileSystemErrorsNotFormatErrors() {
        IOException e = assertThrows(java.nio.file.NoSuchFileException.class,
                () -> Npy.read(dir.resolve("absent.npy")));
        assertTrue(e.getMessage().contains("absent.npy"), e.getMessage());
        e = assertThrows(IOException.class, () -> Npy.read(dir));
        assertTrue(!(e instanceof FormatException), e.toString());
    }
}
