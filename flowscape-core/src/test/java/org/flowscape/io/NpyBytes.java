package org.flowscape.io;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Builds {@code .npy} files byte by byte for tests: magic, version, header length, the given dict, then data. */
final class NpyBytes {
    private NpyBytes() {
    }

    /** A file of format {@code major}.0 whose header is {@code dict} padded to 64 bytes, followed by {@code data}. */
    static byte[] file(int major, String dict, byte[] data) {
        int lenBytes = major == 1 ? 2 : 4;
        int total = 8 + lenBytes + dict.length() + 1;
        int padded = (total + 63) / 64 * 64;
        String text = dict + " ".repeat(padded - total) + "\n";
        ByteBuffer pre = ByteBuffer.allocate(8 + lenBytes).order(ByteOrder.LITTLE_ENDIAN);
        pre.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) major, 0});
        if (major == 1) {
            pre.putShort((short) text.length());
        } else {
            pre.putInt(text.length());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(pre.array());
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(data);
        return out.toByteArray();
    }

    /** The standard dict for {@code descr}, order and shape text such as {@code (2, 3)}. */
    static String dict(String descr, boolean fortran, String shape) {
        return "{'descr': '" + descr + "', 'fortran_order': " + (fortran ? "True" : "False") + ", 'shape': " + shape
                + ", }";
    }

    /** Values encoded as {@code type} (f8, f4, i8, i4) in the given byte order. */
    static byte[] encode(String type, ByteOrder order, double... values) {
        int size = type.endsWith("8") ? 8 : 4;
        ByteBuffer b = ByteBuffer.allocate(values.length * size).order(order);
        for (double v : values) {
            switch (type) {
                case "f8" -> b.putDouble(v);
                case "f4" -> b.putFloat((float) v);
                case "i8" -> b.putLong((long) v);
                case "i4" -> b.putInt((int) v);
                default -> throw new AssertionError(type);
            }
        }
        return b.array();
    }
}
