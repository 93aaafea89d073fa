package org.flowscape.spec;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.flowscape.internal.MemoryBudget;
import org.flowscape.io.Npy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads a flat parameter vector θ ({@code --params FILE}, order as in {@code docs/CLI.md}): a JSON array of numbers,
 * a JSON object with that array under {@code "theta"}, or a {@code .npy} file (float64, or float32 widened) of any
 * shape, flattened in C order.
 */
public final class ParamsFile {
    /** How parameter files are described in messages. */
    static final String ORDER = "layer by layer from the input, each weight matrix (out x in, row-major) then its bias";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** Bytes a JSON file may take per expected number (generous: "-1.2345678901234567e-308, " is 26). */
    private static final long BYTES_PER_NUMBER = 64;
    /** How many numbers a params file read without a known P may hold (bounds the text read). */
    private static final int UNSIZED_BOUND = 1 << 22;

    private ParamsFile() {
    }

    /**
     * Reads θ and checks its length and finiteness.
     *
     * @param expected the number of parameters P of the model
     * @throws IllegalArgumentException for a malformed file, a wrong length or non-finite entries
     * @throws IOException              when the file cannot be read
     */
    public static double[] read(Path file, int expected) throws IOException {
        double[] theta = parse(file, expected);
        if (theta.length != expected) {
            throw new IllegalArgumentException("params file " + file + " has " + theta.length
                    + " entries but the model has P = " + expected + " parameters; write " + expected
                    + " numbers, " + ORDER);
        }
        return theta;
    }

    /**
     * Reads θ of whatever length the file holds and checks finiteness (for callers that infer the model from it).
     *
     * @throws IllegalArgumentException for a malformed file or non-finite entries
     * @throws IOException              when the file cannot be read
     */
    public static double[] read(Path file) throws IOException {
        return parse(file, UNSIZED_BOUND);
    }

    /** θ from a .npy or JSON file, its entries checked finite; {@code expected} bounds how much text is read. */
    private static double[] parse(Path file, int expected) throws IOException {
        double[] theta = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".npy")
                ? Npy.read(file).data() : readJson(file, expected);
        for (int i = 0; i < theta.length; i++) {
            if (!Double.isFinite(theta[i])) {
                throw new IllegalArgumentException("params file " + file + " holds " + theta[i] + " at entry " + i
                        + "; every parameter must be a finite number");
            }
        }
        return theta;
    }

    /**
     * The file's bytes, read with a bound (a stream such as {@code /dev/zero} has no size): at most 64 bytes per
     * expected number plus 64 KB, and never more than {@link MemoryBudget#limit()} / 8.
     */
    static byte[] bounded(Path file, int expected) throws IOException {
        return TextFiles.read(file, "params file (" + expected + " numbers)", BYTES_PER_NUMBER * expected + (1 << 16),
                true);
    }

    /** Where and what the JSON problem is, in words (no parser internals). */
    private static String jsonProblem(JsonProcessingException e) {
        String m = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        String at = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr();
        if (m.contains("'NaN'") || m.contains("Infinity")) {
            return "(it holds NaN or Infinity" + at + ", which JSON cannot hold and a parameter may not be)";
        }
        if (m.contains("Trailing token")) {
            return "(text follows the array" + at + ")";
        }
        if (m.contains("end-of-input")) {
            return "(it ends too early" + at + ")";
        }
        int cut = m.indexOf(':');
        String head = cut > 0 && m.startsWith("Unexpected character") ? m.substring(0, m.indexOf(')') + 1) : "";
        return "(" + (head.isEmpty() ? "unexpected text" : head.replace("Unexpected character", "unexpected character"))
                + at + ")";
    }

    private static double[] readJson(Path file, int expected) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(bounded(file, expected));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("params file " + file + " is not valid JSON " + jsonProblem(e)
                    + "; write a JSON array of numbers, an object {\"theta\": [...]} or use a .npy file");
        }
        JsonNode array = root != null && root.isObject() ? root.get("theta") : root;
        if (array == null || !array.isArray()) {
            throw new IllegalArgumentException("params file " + file + " must hold a JSON array of numbers or an "
                    + "object with the array under \"theta\"");
        }
        double[] theta = new double[array.size()];
        for (int i = 0; i < theta.length; i++) {
            JsonNode v = array.get(i);
            if (!v.isNumber()) {
                throw new IllegalArgumentException("params file " + file + ": entry " + i + " is " + v
                        + ", not a number; write plain numbers");
            }
            theta[i] = v.asDouble();
        }
        return theta;
    }
}
