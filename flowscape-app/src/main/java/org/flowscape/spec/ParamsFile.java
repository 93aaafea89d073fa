package org.flowscape.spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.flowscape.io.Npy;

import com.fasterxml.jackson.core.JsonProcessingException;
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

    private static final ObjectMapper JSON = new ObjectMapper();

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
        double[] theta = read(file);
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
        double[] theta = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".npy")
                ? Npy.read(file).data() : readJson(file);
        for (int i = 0; i < theta.length; i++) {
            if (!Double.isFinite(theta[i])) {
                throw new IllegalArgumentException("params file " + file + " holds " + theta[i] + " at entry " + i
                        + "; every parameter must be a finite number");
            }
        }
        return theta;
    }

    private static double[] readJson(Path file) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readAllBytes(file));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("params file " + file + " is not valid JSON ("
                    + e.getOriginalMessage() + "); write a JSON array of numbers, an object {\"theta\": [...]} "
                    + "or use a .npy file");
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
