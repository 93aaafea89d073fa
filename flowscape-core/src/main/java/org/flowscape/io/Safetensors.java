package org.flowscape.io;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes the safetensors format of Hugging Face ({@code safetensors.torch.save_file}): an unsigned 64-bit
 * little-endian header length N, N bytes of UTF-8 JSON mapping each tensor name to {@code {"dtype", "shape",
 * "data_offsets": [begin, end]}} (plus an optional {@code "__metadata__"} map of strings), then the tensors' bytes,
 * little-endian, row-major. Written here: no maintained Java library reads it without a native dependency.
 * <p>
 * Reading widens every {@link SafetensorsDtype} to double exactly (f16 and bf16 through {@link Half}). Everything
 * the header declares is checked before any tensor is allocated: header length within the file and at most 16 MiB,
 * known dtypes, non-negative shapes whose byte counts match their offsets, offsets that tile the data region exactly
 * (no gaps, overlaps or trailing bytes), and the {@link ReadBudget}. Any violation is a {@link FormatException}.
 * The data is then streamed once, in offset order, through a 64 KiB buffer. Cost: O(file) time.
 * <p>
 * Writing produces F64 (or F32) tensors in the given order, the header padded with spaces to a multiple of 8 bytes
 * as the reference implementation does.
 */
public final class Safetensors {
    /** Largest header accepted (the reference implementation allows 100 MB; real models need far less). */
    static final int MAX_HEADER = 16 << 20;
    private static final String META = "__metadata__";

    private Safetensors() {
    }

    /** One tensor's header entry. */
    private record Entry(String name, SafetensorsDtype dtype, long[] shape, long count, long begin, long end) {
    }

    /**
     * Reads a safetensors file.
     *
     * @throws FormatException for a malformed, truncated or hostile file (one line naming the file)
     * @throws IOException     when the file cannot be opened or read
     */
    public static SafetensorsFile read(Path path) throws IOException {
        String where = path.toString();
        long size = Files.size(path);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(path),
                (int) Math.max(16, Math.min(size, Streams.CHUNK)))) {
            if (size < 8) {
                throw new FormatException(where + " is not a safetensors file (" + size + " bytes, shorter than "
                        + "the 8-byte header length); save it with safetensors.torch.save_file");
            }
            long n = Streams.readLittleEndian(in, 8, where, "header length").getLong(0);
            if (n < 0 || n > size - 8) {
                throw new FormatException(where + ": safetensors header claims " + Long.toUnsignedString(n)
                        + " bytes but the file has only " + (size - 8) + " after the length (truncated or not a "
                        + "safetensors file)");
            }
            if (n > MAX_HEADER) {
                throw new FormatException(where + ": safetensors header of " + n + " bytes exceeds the "
                        + MAX_HEADER + "-byte limit; the file is corrupt");
            }
            Map<String, String> metadata = new LinkedHashMap<>();
            List<Entry> entries = header(utf8(Streams.readExactly(in, (int) n, where, "header"), where), where,
                    metadata);
            List<Entry> byOffset = checkLayout(entries, size - 8 - n, where);
            Map<String, double[]> data = new LinkedHashMap<>();
            for (Entry e : byOffset) {
                double[] values = new double[(int) e.count()];
                Streams.elements(in, e.count(), e.dtype().size, ByteOrder.LITTLE_ENDIAN, e.dtype()::read,
                        (i, v) -> values[(int) i] = v, where + " tensor '" + e.name() + "'");
                data.put(e.name(), values);
            }
            Map<String, NpyArray> tensors = new LinkedHashMap<>();
            Map<String, SafetensorsDtype> dtypes = new LinkedHashMap<>();
            for (Entry e : entries) {
                int[] shape = new int[e.shape().length];
                for (int i = 0; i < shape.length; i++) {
                    shape[i] = (int) e.shape()[i];
                }
                tensors.put(e.name(), new NpyArray(shape, data.get(e.name())));
                dtypes.put(e.name(), e.dtype());
            }
            return new SafetensorsFile(tensors, dtypes, metadata);
        }
    }

    private static String utf8(byte[] bytes, String where) throws FormatException {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new FormatException(where + ": safetensors header is not valid UTF-8; the file is corrupt or not a "
                    + "safetensors file");
        }
    }

    /** Parses and checks the header's entries (in header order); fills {@code metadata}. */
    private static List<Entry> header(String text, String where, Map<String, String> metadata)
            throws FormatException {
        if (!(MiniJson.parse(text, where) instanceof Map<?, ?> root)) {
            throw new FormatException(where + ": safetensors header is not a JSON object; the file is corrupt");
        }
        ReadBudget budget = new ReadBudget(where);
        List<Entry> out = new ArrayList<>();
        for (Map.Entry<?, ?> kv : root.entrySet()) {
            String name = (String) kv.getKey();
            if (name.equals(META)) {
                metadata(kv.getValue(), where, metadata);
                continue;
            }
            String shown = name.replaceAll("\\p{Cntrl}", "?");
            if (!(kv.getValue() instanceof Map<?, ?> t)) {
                throw new FormatException(where + ": tensor '" + shown + "' is not described by a JSON object");
            }
            SafetensorsDtype dtype = SafetensorsDtype.of(t.get("dtype"), where, shown);
            long[] shape = longs(t.get("shape"), where, shown, "shape", -1);
            long[] offsets = longs(t.get("data_offsets"), where, shown, "data_offsets", 2);
            long count = ReadBudget.count(shape, where, "tensor '" + shown + "'");
            if (offsets[0] < 0 || offsets[1] < offsets[0]) {
                throw new FormatException(where + ": tensor '" + shown + "' has data_offsets [" + offsets[0] + ", "
                        + offsets[1] + "], not 0 <= begin <= end; the file is corrupt");
            }
            if (offsets[1] - offsets[0] != count * dtype.size) {
                throw new FormatException(where + ": tensor '" + shown + "' of shape " + java.util.Arrays.toString(
                        shape) + " " + dtype + " needs " + count * dtype.size + " bytes but its data_offsets span "
                        + (offsets[1] - offsets[0]) + "; the file is corrupt");
            }
            budget.charge(count, "tensor '" + shown + "'");
            out.add(new Entry(name, dtype, shape, count, offsets[0], offsets[1]));
        }
        return out;
    }

    private static void metadata(Object value, String where, Map<String, String> metadata) throws FormatException {
        if (!(value instanceof Map<?, ?> m)) {
            throw new FormatException(where + ": safetensors __metadata__ is not a JSON object of strings");
        }
        for (Map.Entry<?, ?> kv : m.entrySet()) {
            if (!(kv.getValue() instanceof String s)) {
                throw new FormatException(where + ": safetensors __metadata__ value of '" + kv.getKey()
                        + "' is not a string");
            }
            metadata.put((String) kv.getKey(), s);
        }
    }

    /** A JSON array of non-negative integers (of length {@code length} unless −1), as longs. */
    private static long[] longs(Object v, String where, String tensor, String field, int length)
            throws FormatException {
        if (!(v instanceof List<?> list) || (length >= 0 && list.size() != length) || list.size() > 64) {
            throw new FormatException(where + ": tensor '" + tensor + "' needs '" + field + "' as an array of "
                    + (length >= 0 ? length + " " : "") + "integers; the file is corrupt");
        }
        long[] out = new long[list.size()];
        for (int i = 0; i < out.length; i++) {
            if (!(list.get(i) instanceof Long x)) {
                throw new FormatException(where + ": tensor '" + tensor + "' has a non-integer entry in '" + field
                        + "'; the file is corrupt");
            }
            if (x < 0) {
                throw new FormatException(where + ": tensor '" + tensor + "' has a negative entry " + x + " in '"
                        + field + "'; the file is corrupt");
            }
            out[i] = x;
        }
        return out;
    }

    /** The entries by offset, checked to tile [0, dataBytes) exactly. */
    private static List<Entry> checkLayout(List<Entry> entries, long dataBytes, String where)
            throws FormatException {
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparingLong(Entry::begin).thenComparingLong(Entry::end));
        long at = 0;
        for (Entry e : sorted) {
            if (e.begin() != at) {
                throw new FormatException(where + ": tensor '" + e.name().replaceAll("\\p{Cntrl}", "?")
                        + "' starts at byte " + e.begin() + " of the data but the previous tensor ends at " + at
                        + " (overlap or gap); the file is corrupt");
            }
            at = e.end();
        }
        if (at != dataBytes) {
            throw new FormatException(where + ": the tensors cover " + at + " data bytes but the file has "
                    + dataBytes + " after the header (truncated or corrupt)");
        }
        return sorted;
    }

    /**
     * Writes {@code tensors} (in map order) as a safetensors file, replacing it.
     *
     * @param dtype {@link SafetensorsDtype#F64} (exact) or {@link SafetensorsDtype#F32} (rounded)
     * @throws IllegalArgumentException for another dtype
     */
    public static void write(Path path, Map<String, NpyArray> tensors, Map<String, String> metadata,
            SafetensorsDtype dtype) throws IOException {
        if (dtype != SafetensorsDtype.F64 && dtype != SafetensorsDtype.F32) {
            throw new IllegalArgumentException("safetensors can be written as F64 or F32, not " + dtype);
        }
        byte[] header = headerBytes(tensors, metadata, dtype);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(path), Streams.CHUNK)) {
            out.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(header.length).array());
            out.write(header);
            for (NpyArray a : tensors.values()) {
                Streams.writeValues(out, a.data(), dtype == SafetensorsDtype.F32);
            }
        }
    }

    private static byte[] headerBytes(Map<String, NpyArray> tensors, Map<String, String> metadata,
            SafetensorsDtype dtype) {
        StringBuilder b = new StringBuilder("{");
        if (!metadata.isEmpty()) {
            b.append(quote(META)).append(":{");
            String sep = "";
            for (Map.Entry<String, String> m : metadata.entrySet()) {
                b.append(sep).append(quote(m.getKey())).append(':').append(quote(m.getValue()));
                sep = ",";
            }
            b.append('}');
        }
        long offset = 0;
        for (Map.Entry<String, NpyArray> t : tensors.entrySet()) {
            if (b.length() > 1) {
                b.append(',');
            }
            long bytes = (long) t.getValue().data().length * dtype.size;
            b.append(quote(t.getKey())).append(":{\"dtype\":\"").append(dtype).append("\",\"shape\":[");
            int[] shape = t.getValue().shape();
            for (int i = 0; i < shape.length; i++) {
                b.append(i == 0 ? "" : ",").append(shape[i]);
            }
            b.append("],\"data_offsets\":[").append(offset).append(',').append(offset + bytes).append("]}");
            offset += bytes;
        }
        b.append('}');
        byte[] json = b.toString().getBytes(StandardCharsets.UTF_8);
        int padded = (json.length + 7) / 8 * 8;
        byte[] out = java.util.Arrays.copyOf(json, padded);
        java.util.Arrays.fill(out, json.length, padded, (byte) ' ');
        return out;
    }

    /** A JSON string literal. */
    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
