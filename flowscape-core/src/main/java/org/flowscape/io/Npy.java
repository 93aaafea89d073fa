package org.flowscape.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads and writes NumPy {@code .npy} files (format versions 1.0, 2.0 and 3.0). Written here: no maintained Java
 * library reads {@code .npy} without a large dependency.
 * <p>
 * Reading accepts the dtypes of {@link NpyDtype#ACCEPTED} in either byte order, C or Fortran order (Fortran data is
 * rearranged into row-major order while streaming) and any number of dimensions; the result is always row-major
 * doubles with the shape kept. Hostile files fail with one {@link FormatException} naming the file: the header
 * length, shape and dtype are checked against the file size (and the {@link ReadBudget}) <em>before</em> any array
 * is allocated, so a header claiming terabytes costs nothing. The data is streamed through a 64 KiB buffer straight
 * into the result.
 * <p>
 * Writing produces version 1.0, little-endian {@code <f8}, C order, header padded to a multiple of 64 bytes.
 */
public final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    /** Largest header accepted; NumPy's own default limit is 10 000 bytes. */
    private static final int MAX_HEADER = 1 << 20;

    private Npy() {
    }

    /**
     * Reads a {@code .npy} file.
     *
     * @throws FormatException for a malformed, truncated or over-long file or an unsupported dtype (one line naming
     *                         the file)
     * @throws IOException     when the file cannot be opened or read
     */
    public static NpyArray read(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            return read(in, Files.size(path), path.toString(), new ReadBudget(path.toString()));
        }
    }

    /**
     * Reads one {@code .npy} image of exactly {@code size} bytes from {@code in} (a file, or an entry of a zip).
     * Cost: O(size) time, the result's doubles plus 64 KiB of memory.
     */
    static NpyArray read(InputStream in, long size, String where, ReadBudget budget) throws IOException {
        byte[] pre = in.readNBytes((int) Math.min(8, size));
        if (pre.length < MAGIC.length || !Arrays.equals(Arrays.copyOf(pre, MAGIC.length), MAGIC)) {
            throw new FormatException(where + " is not an npy file (no \\x93NUMPY magic); save it with numpy.save");
        }
        if (pre.length < 8) {
            throw new FormatException(where + ": npy file ends inside its preamble (truncated)");
        }
        int major = pre[6] & 0xFF;
        int minor = pre[7] & 0xFF;
        if (major < 1 || major > 3 || minor != 0) {
            throw new FormatException(where + ": npy format version " + major + "." + minor
                    + " is not supported; versions 1.0, 2.0 and 3.0 are");
        }
        int lenBytes = major == 1 ? 2 : 4;
        if (size < 8 + lenBytes) {
            throw new FormatException(where + ": npy file ends inside its preamble (truncated)");
        }
        ByteBuffer len = Streams.readLittleEndian(in, lenBytes, where, "npy preamble");
        long headerLen = major == 1 ? len.getShort(0) & 0xFFFF : len.getInt(0) & 0xFFFFFFFFL;
        long dataOffset = 8 + lenBytes + headerLen;
        if (dataOffset > size) {
            throw new FormatException(where + ": npy header claims " + headerLen + " bytes but the file has only "
                    + (size - 8 - lenBytes) + " after the preamble (truncated or corrupt)");
        }
        if (headerLen > MAX_HEADER) {
            throw new FormatException(where + ": npy header of " + headerLen + " bytes exceeds the " + MAX_HEADER
                    + "-byte limit; the file is corrupt");
        }
        byte[] hb = Streams.readExactly(in, (int) headerLen, where, "npy header");
        String text = new String(hb, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        NpyHeader h = NpyHeader.parse(text, where);
        long count = ReadBudget.count(Arrays.stream(h.shape()).asLongStream().toArray(), where, "npy array");
        long expected = count * h.dtype().size;
        budget.charge(count, "npy array " + Arrays.toString(h.shape())); // before the size: memory first
        if (expected != size - dataOffset) {
            throw new FormatException(where + ": npy shape " + Arrays.toString(h.shape()) + " of "
                    + h.dtype().size + "-byte elements needs " + expected + " data bytes but the file has "
                    + (size - dataOffset) + " (truncated or corrupt)");
        }
        double[] data = new double[(int) count];
        NpyDtype t = h.dtype();
        FortranIndex f = h.fortran() && h.shape().length > 1 ? new FortranIndex(h.shape()) : null;
        Streams.elements(in, count, t.size, h.order(), t::read,
                (i, v) -> data[f == null ? (int) i : f.next()] = v, where);
        return new NpyArray(h.shape().clone(), data);
    }

    /** Visits the row-major offsets of an array in Fortran (first index fastest) order. */
    private static final class FortranIndex {
        private final int[] shape;
        private final long[] stride;
        private final int[] idx;
        private long offset;

        FortranIndex(int[] shape) {
            this.shape = shape;
            this.stride = new long[shape.length];
            this.idx = new int[shape.length];
            long s = 1;
            for (int k = shape.length - 1; k >= 0; k--) {
                stride[k] = s;
                s *= shape[k];
            }
        }

        /** The current row-major offset, then advances. */
        int next() {
            int here = (int) offset;
            for (int k = 0; k < shape.length; k++) {
                idx[k]++;
                offset += stride[k];
                if (idx[k] < shape[k]) {
                    break;
                }
                offset -= (long) idx[k] * stride[k];
                idx[k] = 0;
            }
            return here;
        }
    }

    /** Writes {@code array} as a version 1.0 little-endian float64 C-order {@code .npy} file (replacing it). */
    public static void write(Path path, NpyArray array) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(path))) {
            write(out, array);
        }
    }

    /** Writes the {@code .npy} image of {@code array} to {@code out} (not closed). */
    static void write(OutputStream out, NpyArray array) throws IOException {
        out.write(header(array.shape()));
        Streams.writeValues(out, array.data(), false);
    }

    /** The number of bytes {@link #write(OutputStream, NpyArray)} produces. */
    static long imageSize(NpyArray array) {
        return header(array.shape()).length + 8L * array.data().length;
    }

    /** Magic, version 1.0, length and the dict, padded with spaces and a newline to a multiple of 64 bytes. */
    static byte[] header(int[] shape) {
        StringBuilder dims = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            dims.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        dims.append(shape.length == 1 ? ",)" : ")");
        String dict = "{'descr': '<f8', 'fortran_order': False, 'shape': " + dims + ", }";
        int total = 10 + dict.length() + 1;
        int padded = (total + 63) / 64 * 64;
        String text = dict + " ".repeat(padded - total) + "\n";
        ByteBuffer b = ByteBuffer.allocate(padded).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) text.length());
        b.put(text.getBytes(StandardCharsets.ISO_8859_1));
        return b.array();
    }
}
