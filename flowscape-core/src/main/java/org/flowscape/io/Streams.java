package org.flowscape.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Bounded reading helpers shared by the readers: nothing is allocated beyond what the caller has checked. */
final class Streams {
    /** The chunk elements are streamed through. */
    static final int CHUNK = 1 << 16;

    private Streams() {
    }

    /**
     * Reads exactly {@code n} bytes (n ≤ a size the caller has checked against the file).
     *
     * @throws FormatException when the stream ends first, naming {@code where} and {@code what}
     */
    static byte[] readExactly(InputStream in, int n, String where, String what) throws IOException {
        byte[] b = in.readNBytes(n);
        if (b.length < n) {
            throw new FormatException(where + ": file ends inside the " + what + " (truncated)");
        }
        return b;
    }

    /** A little-endian buffer over {@code n} bytes read exactly. */
    static ByteBuffer readLittleEndian(InputStream in, int n, String where, String what) throws IOException {
        return ByteBuffer.wrap(readExactly(in, n, where, what)).order(ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * Streams {@code count} elements of {@code size} bytes through a 64 KiB buffer, decoding each with
     * {@code decode} into {@code sink} in file order.
     */
    static void elements(InputStream in, long count, int size, ByteOrder order, Decoder decode, Sink sink,
            String where) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate((int) Math.min(CHUNK / size * size, count * size)).order(order);
        long done = 0;
        while (done < count) {
            int bytes = (int) Math.min(buf.capacity(), (count - done) * size);
            int got = in.readNBytes(buf.array(), 0, bytes);
            if (got < bytes) {
                throw new FormatException(where + ": data ends after " + (done * size + got) + " of "
                        + count * size + " bytes (truncated)");
            }
            buf.position(0).limit(bytes);
            while (buf.hasRemaining()) {
                sink.accept(done++, decode.read(buf));
            }
        }
    }

    /** Reads one element at the buffer's position. */
    @FunctionalInterface
    interface Decoder {
        double read(ByteBuffer b);
    }

    /** Receives element {@code i} (in file order). */
    @FunctionalInterface
    interface Sink {
        void accept(long i, double v);
    }

    /** Writes doubles (little-endian float64 or float32) through a 64 KiB buffer. */
    static void writeValues(OutputStream out, double[] values, boolean float32) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : values) {
            if (buf.remaining() < 8) {
                out.write(buf.array(), 0, buf.position());
                buf.clear();
            }
            if (float32) {
                buf.putFloat((float) v);
            } else {
                buf.putDouble(v);
            }
        }
        out.write(buf.array(), 0, buf.position());
    }
}
