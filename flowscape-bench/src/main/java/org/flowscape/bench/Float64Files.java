package org.flowscape.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Raw little-endian float64 files (no header; NumPy's {@code fromfile(path, '<f8')}), the exchange format with the
 * Python peers. Shapes travel in a separate JSON file.
 */
public final class Float64Files {
    private Float64Files() {
    }

    /** Writes {@code values} (read only) to {@code file}, replacing it: 8 bytes per value, little-endian. */
    public static void write(Path file, double[] values) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        buf.asDoubleBuffer().put(values);
        Files.write(file, buf.array());
    }

    /**
     * Reads a file written by {@link #write} (or NumPy's {@code tofile} of a {@code '<f8'} array).
     *
     * @throws IOException when the file cannot be read or its length is not a multiple of 8
     */
    public static double[] read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length % 8 != 0) {
            throw new IOException(file + " has " + bytes.length + " bytes, not a whole number of float64 values");
        }
        double[] out = new double[bytes.length / 8];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(out);
        return out;
    }
}
