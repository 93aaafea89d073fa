package org.flowscape.io;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.flowscape.rng.Seeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Feeds each reader thousands of seeded mutations of valid files (bit flips, truncations, insertions, deletions,
 * duplicated ranges, and extreme integers written over length and size fields) and requires that every one either
 * reads or fails with a {@link FormatException} with a one-line message: never another exception, an
 * {@link OutOfMemoryError} or a hang. The seed is fixed, so a failure names a
 * reproducible case. 3 × 1200 files take a few seconds on a quiet machine; the 120 s limit per reader catches hangs
 * (15 s, the earlier limit, was reached on a 2-core machine at load average 35, and aborted PIT's coverage run).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ReaderFuzzTest {
    private static final long SEED = 20261123;
    private static final int CASES = 1200;

    @TempDir
    Path dir;

    /** A reader under test. */
    @FunctionalInterface
    interface Reader {
        Object read(Path p) throws IOException;
    }

    @Test
    void npy() throws IOException {
        byte[] f4 = NpyBytes.file(1, NpyBytes.dict(">f4", true, "(3, 4)"),
                NpyBytes.encode("f4", ByteOrder.BIG_ENDIAN, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12));
        byte[] i8 = NpyBytes.file(2, NpyBytes.dict("<i8", false, "(2, 1)"),
                NpyBytes.encode("i8", ByteOrder.LITTLE_ENDIAN, -1, 2));
        fuzz("npy", new byte[][] {f4, i8}, Npy::read);
    }

    @Test
    void npz() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("x.npy", NpyBytes.file(1, NpyBytes.dict("<f8", false, "(4, 2)"),
                NpyBytes.encode("f8", ByteOrder.LITTLE_ENDIAN, 1, 2, 3, 4, 5, 6, 7, 8)));
        entries.put("y.npy", NpyBytes.file(1, NpyBytes.dict("<f4", true, "(4,)"),
                NpyBytes.encode("f4", ByteOrder.LITTLE_ENDIAN, 1, 0, 1, 0)));
        fuzz("npz", new byte[][] {InteropFiles.zip(entries, false), InteropFiles.zip(entries, true)}, Npz::read);
    }

    @Test
    void safetensors() throws IOException {
        ByteBuffer data = ByteBuffer.allocate(6 * 2 + 2 * 2 + 2 * 4 + 2 * 8).order(ByteOrder.LITTLE_ENDIAN);
        data.put(InteropFiles.shorts(0x3C00, 0x0001, 0x7BFF, 0xFC00, 0x3555, 0x8000));
        data.put(InteropFiles.shorts(0x3F80, 0xC040)).putFloat(1.5f).putFloat(-2f).putDouble(Math.PI).putLong(-5);
        String header = "{\"__metadata__\":{\"format\":\"pt\"}," + String.join(",",
                InteropFiles.entry("0.weight", "F16", "[2,3]", 0, 12), InteropFiles.entry("0.bias", "BF16", "[2]",
                        12, 16), InteropFiles.entry("2.weight", "F32", "[1,2]", 16, 24),
                InteropFiles.entry("2.bias", "F64", "[1]", 24, 32), InteropFiles.entry("n", "I64", "[]", 32, 40))
                + "}";
        fuzz("safetensors", new byte[][] {InteropFiles.safetensors(header, data.array())}, Safetensors::read);
    }

    private void fuzz(String purpose, byte[][] bases, Reader reader) throws IOException {
        Path p = dir.resolve("f." + purpose);
        for (byte[] base : bases) {
            Files.write(p, base);
            reader.read(p); // the unmutated file reads
        }
        int rejected = 0;
        for (int i = 0; i < CASES; i++) {
            SplittableRandom r = Seeds.stream(SEED, "fuzz-" + purpose, i);
            byte[] bytes = bases[r.nextInt(bases.length)];
            int rounds = 1 + r.nextInt(3);
            for (int k = 0; k < rounds; k++) {
                bytes = mutate(bytes, r);
            }
            Files.write(p, bytes);
            try {
                reader.read(p);
            } catch (FormatException e) {
                rejected++;
                assertTrue(e.getMessage() != null && !e.getMessage().contains("\n"), e.getMessage());
            } catch (Throwable t) { // the point of the test: nothing else may escape, errors included
                fail(purpose + " case " + i + " threw " + t + " instead of a FormatException", t);
            }
        }
        assertTrue(rejected > CASES / 4, purpose + ": only " + rejected + " of " + CASES + " mutations rejected");
    }

    /** One random mutation of {@code b} (a new array). */
    static byte[] mutate(byte[] b, SplittableRandom r) {
        int n = b.length;
        int at = n == 0 ? 0 : r.nextInt(n);
        return switch (r.nextInt(6)) {
            case 0 -> {
                byte[] c = b.clone();
                for (int k = 1 + r.nextInt(8); k > 0 && n > 0; k--) {
                    c[r.nextInt(n)] ^= (byte) (1 << r.nextInt(8));
                }
                yield c;
            }
            case 1 -> Arrays.copyOf(b, r.nextInt(n + 1));
            case 2 -> {
                byte[] c = b.clone();
                long[] extremes = {-1L, Long.MAX_VALUE, Long.MIN_VALUE, Integer.MAX_VALUE, 0x7FFFFFFFL << 8, 0,
                    1L << 40, n * 1000L};
                ByteBuffer w = ByteBuffer.wrap(c).order(r.nextBoolean() ? ByteOrder.LITTLE_ENDIAN
                        : ByteOrder.BIG_ENDIAN);
                long v = extremes[r.nextInt(extremes.length)];
                int width = new int[] {2, 4, 8}[r.nextInt(3)];
                if (at + width <= n) {
                    switch (width) {
                        case 2 -> w.putShort(at, (short) v);
                        case 4 -> w.putInt(at, (int) v);
                        default -> w.putLong(at, v);
                    }
                }
                yield c;
            }
            case 3 -> {
                byte[] extra = new byte[1 + r.nextInt(16)];
                for (int k = 0; k < extra.length; k++) {
                    extra[k] = (byte) "0123456789-,()[]{}\":' eE".charAt(r.nextInt(24));
                }
                yield splice(b, at, at, extra);
            }
            case 4 -> splice(b, at, Math.min(n, at + 1 + r.nextInt(16)), new byte[0]);
            default -> {
                int from = r.nextInt(n + 1);
                yield splice(b, at, at, Arrays.copyOfRange(b, from, Math.min(n, from + 1 + r.nextInt(32))));
            }
        };
    }

    private static byte[] splice(byte[] b, int from, int to, byte[] insert) {
        byte[] c = new byte[b.length - (to - from) + insert.length];
        System.arraycopy(b, 0, c, 0, from);
        System.arraycopy(insert, 0, c, from, insert.length);
        System.arraycopy(b, to, c, from + insert.length, b.length - to);
        return c;
    }
}
