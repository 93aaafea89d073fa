package org.flowscape.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafetensorsTest {
    @TempDir
    Path dir;

    private Path file(byte[] bytes) throws IOException {
        Path p = dir.resolve("m.safetensors");
        Files.write(p, bytes);
        return p;
    }

    private void assertRejected(byte[] bytes, String part) throws IOException {
        Path p = file(bytes);
        FormatException e = assertThrows(FormatException.class, () -> Safetensors.read(p));
        assertTrue(e.getMessage().contains(part), e.getMessage());
        assertTrue(e.getMessage().startsWith(p.toString()), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void roundTripsF64ExactlyAndF32RoundedWithMetadataAndOrder() throws IOException {
        Map<String, NpyArray> t = new LinkedHashMap<>();
        t.put("z.weight", new NpyArray(new int[] {2, 3}, new double[] {Math.PI, -1e-300, 0.1, 7, -0.0, 1e300}));
        t.put("a.bias", new NpyArray(new int[] {2}, new double[] {1.0 / 3, -2}));
        t.put("scalar", new NpyArray(new int[] {}, new double[] {5}));
        t.put("empty", new NpyArray(new int[] {0, 4}, new double[0]));
        Path p = dir.resolve("r.safetensors");
        Safetensors.write(p, t, Map.of("format", "pt"), SafetensorsDtype.F64);
        SafetensorsFile back = Safetensors.read(p);
        assertEquals(List.copyOf(t.keySet()), List.copyOf(back.tensors().keySet()));
        assertEquals(t, back.tensors());
        assertEquals(Map.of("format", "pt"), back.metadata());
        assertEquals(SafetensorsDtype.F64, back.dtypes().get("a.bias"));
        assertEquals(0, (Files.size(p) - 8 - (8 * 9)) % 8, "header padded to 8 bytes");
        Safetensors.write(p, t, Map.of(), SafetensorsDtype.F32);
        double[] w = Safetensors.read(p).tensors().get("z.weight").data();
        assertEquals((double) (float) Math.PI, w[0]);
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(w[1])); // underflows in float32
        assertEquals(Double.POSITIVE_INFINITY, w[5]);
    }

    @Test
    void readsEveryDtypeWidenedExactly() throws IOException {
        ByteBuffer ints = ByteBuffer.allocate(8 + 4 + 2 + 1 + 1 + 1).order(ByteOrder.LITTLE_ENDIAN);
        ints.putLong(-(1L << 53)).putInt(-7).putShort((short) -300).put((byte) -5).put((byte) 200).put((byte) 3);
        byte[] f16 = InteropFiles.shorts(0x3C00, 0x0001, 0xFC00);
        byte[] bf16 = InteropFiles.shorts(0x3F80, 0xC040);
        ByteBuffer data = ByteBuffer.allocate(17 + 6 + 4).put(ints.array()).put(f16).put(bf16);
        String header = "{" + String.join(",", InteropFiles.entry("i64", "I64", "[1]", 0, 8),
                InteropFiles.entry("i32", "I32", "[]", 8, 12), InteropFiles.entry("i16", "I16", "[1]", 12, 14),
                InteropFiles.entry("i8", "I8", "[1]", 14, 15), InteropFiles.entry("u8", "U8", "[1]", 15, 16),
                InteropFiles.entry("b", "BOOL", "[1]", 16, 17), InteropFiles.entry("h", "F16", "[3]", 17, 23),
                InteropFiles.entry("bf", "BF16", "[1,2]", 23, 27)) + "}";
        SafetensorsFile f = Safetensors.read(file(InteropFiles.safetensors(header, data.array())));
        assertEquals(-(double) (1L << 53), f.tensors().get("i64").data()[0]);
        assertEquals(-7, f.tensors().get("i32").data()[0]);
        assertEquals(-300, f.tensors().get("i16").data()[0]);
        assertEquals(-5, f.tensors().get("i8").data()[0]);
        assertEquals(200, f.tensors().get("u8").data()[0]);
        assertEquals(1, f.tensors().get("b").data()[0]);
        assertArrayEquals(new double[] {1, 0x1p-24, Double.NEGATIVE_INFINITY}, f.tensors().get("h").data());
        assertArrayEquals(new double[] {1, -3}, f.tensors().get("bf").data());
        assertArrayEquals(new int[] {1, 2}, f.tensors().get("bf").shape());
        assertEquals(SafetensorsDtype.BF16, f.dtypes().get("bf"));
    }

    @Test
    void hostileHeadersAreRejectedBeforeAllocating() throws IOException {
        byte[] eight = new byte[8];
        assertRejected(new byte[5], "shorter than the 8-byte header length");
        byte[] huge = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(-1).array();
        assertRejected(huge, "claims 18446744073709551615 bytes");
        assertRejected(ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(9).array(), "claims 9");
        assertRejected(InteropFiles.safetensors("[1,2]", new byte[0]), "not a JSON object");
        assertRejected(InteropFiles.safetensors("{\"a\":", new byte[0]), "cannot parse the JSON header");
        assertRejected(InteropFiles.safetensors("[".repeat(100), new byte[0]), "nesting deeper");
        // a terabyte tensor whose offsets agree: refused by the memory budget, not by an OutOfMemoryError
        long big = Integer.MAX_VALUE - 8; // 16 GB of float64, offsets consistent; the file holds 8 bytes
        assertRejected(InteropFiles.safetensors("{" + InteropFiles.entry("w", "F64", "[" + big + "]", 0, 8 * big)
                + "}", eight), "this reader may allocate");
        long tb = 1L << 37;
        assertRejected(InteropFiles.safetensors("{" + InteropFiles.entry("w", "F64", "[" + tb + "]", 0, 8 * tb)
                + "}", eight), "more elements than one array holds");
        assertRejected(InteropFiles.safetensors("{" + InteropFiles.entry("w", "F64", "[4294967296,4294967296]",
                0, 8) + "}", eight), "more elements than one array holds");
        assertRejected(InteropFiles.safetensors("{" + InteropFiles.entry("w", "F64", "[-1]", 0, 8) + "}", eight),
                "negative entry -1 in 'shape'");
        assertRejected(InteropFiles.safetensors("{" + InteropFiles.entry("w", "F64", "[99999999999999999999]", 0,
                8) + "}", eight), "out of range");
        assertRejected(InteropFiles.safetensors("{" + InteropFiles.entry("w", "C64", "[1]", 0, 8) + "}", eight),
                "unsupported dtype 'C64'");
        assertRejected(InteropFiles.safetensors("{\"w\":{\"dtype\":\"F64\",\"shape\":[1]}}", eight),
                "'data_offsets' as an array of 2 integers");
        assertRejected(InteropFiles.safetensors("{\"__metadata__\":{\"a\":1}}", new byte[0]), "not a string");
        byte[] badUtf8 = InteropFiles.safetensors("{\"\u00e9\":1}", new byte[0]);
        badUtf8[10] = (byte) 0xFF;
        assertRejected(badUtf8, "not valid UTF-8");
    }

    @Test
    void offsetsMustTileTheDataExactly() throws IOException {
        String a = InteropFiles.entry("a", "F32", "[2]", 0, 8);
        assertRejected(InteropFiles.safetensors("{" + InteropFiles.entry("a", "F32", "[2]", 0, 12) + "}",
                new byte[12]), "needs 8 bytes but its data_offsets span 12");
        assertRejected(InteropFiles.safetensors("{" + a + "," + InteropFiles.entry("b", "F32", "[1]", 4, 8) + "}",
                new byte[8]), "overlap or gap");
        assertRejected(InteropFiles.safetensors("{" + a + "," + InteropFiles.entry("b", "F32", "[1]", 12, 16)
                + "}", new byte[16]), "overlap or gap");
        assertRejected(InteropFiles.safetensors("{" + a + "}", new byte[7]), "cover 8 data bytes but the file has 7");
        assertRejected(InteropFiles.safetensors("{" + a + "}", new byte[9]), "cover 8 data bytes but the file has 9");
        assertRejected(InteropFiles.safetensors("{" + InteropFiles.entry("a", "F32", "[2]", 8, 0) + "}",
                new byte[8]), "not 0 <= begin <= end");
    }

    @Test
    void missingFileIsAFileSystemError() {
        assertThrows(java.nio.file.NoSuchFileException.class, () -> Safetensors.read(dir.resolve("none")));
    }
}
