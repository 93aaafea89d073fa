package org.flowscape.io;

import java.nio.ByteBuffer;

/** The element types {@link Npy} reads, each widened to double. */
enum NpyDtype {
    F8(8), F4(4), I8(8), I4(4), I2(2), I1(1), U4(4), U2(2), U1(1), BOOL(1);

    /** The accepted descr strings, for messages. */
    static final String ACCEPTED = "<f8 >f8 <f4 >f4 <i8 >i8 <i4 >i4 <i2 >i2 <u4 >u4 <u2 >u2 |i1 |u1 |b1";

    final int size;

    NpyDtype(int size) {
        this.size = size;
    }

    /** Reads one element at the buffer's position (in the buffer's byte order) as a double. */
    double read(ByteBuffer b) {
        return switch (this) {
            case F8 -> b.getDouble();
            case F4 -> b.getFloat();
            case I8 -> b.getLong();
            case I4 -> b.getInt();
            case I2 -> b.getShort();
            case I1 -> b.get();
            case U4 -> b.getInt() & 0xFFFFFFFFL;
            case U2 -> b.getShort() & 0xFFFF;
            case U1 -> b.get() & 0xFF;
            case BOOL -> b.get() != 0 ? 1 : 0;
        };
    }

    /** The type a descr such as {@code <f8} or {@code |u1} names; {@code where} names the file in messages. */
    static NpyDtype of(String descr, String where) {
        if (descr.length() >= 2) {
            char bo = descr.charAt(0);
            String t = descr.substring(1);
            NpyDtype d = switch (t) {
                case "f8" -> F8;
                case "f4" -> F4;
                case "i8" -> I8;
                case "i4" -> I4;
                case "i2" -> I2;
                case "i1" -> I1;
                case "u4" -> U4;
                case "u2" -> U2;
                case "u1" -> U1;
                case "b1" -> BOOL;
                default -> null;
            };
            boolean orderOk = d != null && (d.size == 1 ? bo == '|' || bo == '<' || bo == '>' || bo == '='
                    : bo == '<' || bo == '>' || bo == '=');
            if (orderOk) {
                return d;
            }
        }
        throw new IllegalArgumentException(where + ": unsupported npy dtype '" + descr + "'; save the array as one of "
                + ACCEPTED + " (e.g. arr.astype('<f8'))");
    }
}
