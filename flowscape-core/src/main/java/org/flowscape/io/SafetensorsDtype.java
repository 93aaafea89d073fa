package org.flowscape.io;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The safetensors element types read (each widened exactly to double; all little-endian). */
public enum SafetensorsDtype {
    F64(8), F32(4), F16(2), BF16(2), I64(8), I32(4), I16(2), I8(1), U8(1), BOOL(1);

    /** The accepted names, for messages. */
    static final String ACCEPTED = Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));

    /** Bytes per element. */
    final int size;

    SafetensorsDtype(int size) {
        this.size = size;
    }

    /** Reads one element at the buffer's position as a double (exact for every type but I64 beyond 2⁵³). */
    double read(ByteBuffer b) {
        return switch (this) {
            case F64 -> b.getDouble();
            case F32 -> b.getFloat();
            case F16 -> Half.float16ToDouble(b.getShort());
            case BF16 -> Half.bfloat16ToDouble(b.getShort());
            case I64 -> b.getLong();
            case I32 -> b.getInt();
            case I16 -> b.getShort();
            case I8 -> b.get();
            case U8 -> b.get() & 0xFF;
            case BOOL -> b.get() != 0 ? 1 : 0;
        };
    }

    /** The type named {@code name}, or a {@link FormatException} naming {@code where} and the accepted types. */
    static SafetensorsDtype of(Object name, String where, String tensor) throws FormatException {
        if (name instanceof String s) {
            for (SafetensorsDtype d : values()) {
                if (d.name().equals(s)) {
                    return d;
                }
            }
        }
        String shown = String.valueOf(name).replaceAll("\\p{Cntrl}", "?");
        throw new FormatException(where + ": tensor '" + tensor + "' has unsupported dtype '"
                + (shown.length() > 20 ? shown.substring(0, 20) + "..." : shown) + "'; save it as one of " + ACCEPTED
                + " (e.g. tensor.double())");
    }
}
