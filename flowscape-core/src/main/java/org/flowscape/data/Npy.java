package org.flowscape.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Reads and writes NumPy {@code .npy} files (format versions 1.0, 2.0 and 3.0). Written here: no maintained Java
 * library reads {@code .npy} without a large dependency.
 * <p>
 * Reading accepts the dtypes of {@link NpyDtype#ACCEPTED} in either byte order, C or Fortran order (Fortran data is
 * rearranged into row-major order while streaming) and any number of dimensions; the result is always row-major
 * doubles with the shape kept. Hostile files fail with one {@link IllegalArgumentException} naming the file: the
 * header length, shape and dtype are checked against the file size <em>before</em> any array is allocated, so a
 * header claiming terabytes costs nothing. The data is streamed through a 64 KiB buffer straight into the result.
 * <p>
 * Writing produces version 1.0, little-endian {@code <f8}, C order, header padded to a multiple of 64 bytes.
 */
public final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    /** Largest header accepted; NumPy's own default limit is 10 000 bytes. */
    private static final int MAX_HEADER = 1 << 20;
    private static final int MAX_ELEMENTS = Integer.MAX_VALUE - 8;
    private static final int CHUNK = 1 << 16;

    private Npy() {
    }

    /**
     * Reads a {@code .npy} file.
     *
     * @throws IllegalArgumentException if the file is missing, unreadable, malformed, truncated or of an unsupported
     *                                  dtype (any I/O failure included), with one line naming the file and the problem
     */
    public static NpyArray read(Path path) {
        String where = path.toString();
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = ch.size();
            ByteBuffer pre = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
            readFully(ch, pre, (int) Math.min(12, size));
            pre.flip();
            if (pre.remaining() < MAGIC.length || !hasMagic(pre)) {
                throw new IllegalArgumentException(where + " is not an npy file (no \\x93NUMPY magic); save it with "
                        + "numpy.save");
            }
            if (pre.remaining() < 8) {
                throw new IllegalArgumentException(where + ": npy file ends inside its preamble (truncated)");
            }
            int major = pre.get(6) & 0xFF;
            int minor = pre.get(7) & 0xFF;
            if (major < 1 || major > 3 || minor != 0) {
                throw new IllegalArgumentException(where + ": npy format version " + major + "." + minor
                        + " is not supported; versions 1.0, 2.0 and 3.0 are");
            }
            int lenBytes = major == 1 ? 2 : 4;
            if (pre.limit() < 8 + lenBytes) {
                throw new IllegalArgumentException(where + ": npy file ends inside its preamble (truncated)");
            }
            long headerLen = major == 1 ? pre.getShort(8) & 0xFFFF : pre.getInt(8) & 0xFFFFFFFFL;
            long dataOffset = 8 + lenBytes + headerLen;
            if (dataOffset > size) {
                throw new IllegalArgumentException(where + ": npy header claims " + headerLen + " bytes but the file "
                        + "has only " + (size - 8 - lenBytes) + " after the preamble (truncated or corrupt)");
            }
            if (headerLen > MAX_HEADER) {
                throw new IllegalArgumentException(where + ": npy header of " + headerLen + " bytes exceeds the "
                        + MAX_HEADER + "-byte limit; the file is corrupt");
            }
            ByteBuffer hb = ByteBuffer.allocate((int) headerLen);
            ch.position(8 + lenBytes);
            readFully(ch, hb, (int) headerLen);
            String text = new String(hb.array(), major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
            NpyHeader h = NpyHeader.parse(text, where);
            long count = elementCount(h.shape(), where);
            long expected = count * h.dtype().size;
            if (expected != size - dataOffset) {
                throw new IllegalArgumentException(where + ": npy shape " + Arrays.toString(h.shape()) + " of "
                        + h.dtype().size + "-byte elements needs " + expected + " data bytes but the file has "
                        + (size - dataOffset) + " (truncated or corrupt)");
            }
            double[] data = new double[(int) count];
            ch.position(dataOffset);
            stream(ch, h, data);
            return new NpyArray(h.shape().clone(), data);
        } catch (EOFTruncated e) {
            throw new IllegalArgumentException(where + ": npy file ended early while reading (truncated)");
        } catch (NoSuchFileException | AccessDeniedException e) {
            throw new IllegalArgumentException("cannot open npy file " + where + " (" + e.getClass().getSimpleName()
                    + "); check the path");
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read npy file " + where + " (" + oneLine(e) + "); check that "
                    + "it is a readable file");
        }
    }

    private static String oneLine(IOException e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.replace('\n', ' ');
    }

    private static boolean hasMagic(ByteBuffer pre) {
        for (int i = 0; i < MAGIC.length; i++) {
            if (pre.get(i) != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    private static long elementCount(int[] shape, String where) {
        long count = 1;
        for (int s : shape) {
            count *= s; // each s < 2^31 and count <= MAX_ELEMENTS before, so no long overflow
            if (count > MAX_ELEMENTS) {
                throw new IllegalArgumentException(where + ": npy shape " + Arrays.toString(shape)
                        + " has more elements than one array holds; the file is corrupt or too large");
            }
        }
        return count;
    }

    /** Reads exactly {@code n} bytes into {@code b} (from its position) or fails as truncated. */
    private static void readFully(FileChannel ch, ByteBuffer b, int n) throws IOException {
        b.limit(b.position() + n);
        while (b.hasRemaining()) {
            if (ch.read(b) < 0) {
                throw new EOFTruncated();
            }
        }
    }

    /** The file ended early (it shrank while being read). */
    private static final class EOFTruncated extends IOException {
        private static final long serialVersionUID = 1L;
    }

    /** Streams the elements into {@code out} in row-major order. */
    private static void stream(FileChannel ch, NpyHeader h, double[] out) throws IOException {
        NpyDtype t = h.dtype();
        int[] shape = h.shape();
        FortranIndex f = h.fortran() && shape.length > 1 ? new FortranIndex(shape) : null;
        ByteBuffer buf = ByteBuffer.allocate(CHUNK).order(h.order());
        int i = 0;
        while (i < out.length) {
            buf.clear();
            long left = (long) (out.length - i) * t.size;
            readFully(ch, buf, (int) Math.min(CHUNK / t.size * t.size, left));
            buf.flip();
            while (buf.remaining() >= t.size) {
                double v = t.read(buf);
                out[f == null ? i : f.next()] = v;
                i++;
            }
        }
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
    public static void write(Path path, NpyArray array) {
        byte[] header = header(array.shape());
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            writeFully(ch, ByteBuffer.wrap(header));
            ByteBuffer buf = ByteBuffer.allocate(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
            for (double v : array.data()) {
                if (!buf.hasRemaining()) {
                    buf.flip();
                    writeFully(ch, buf);
                    buf.clear();
                }
                buf.putDouble(v);
            }
            buf.flip();
            writeFully(ch, buf);
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + path, e);
        }
    }

    private static void writeFully(FileChannel ch, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            ch.write(b);
        }
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
