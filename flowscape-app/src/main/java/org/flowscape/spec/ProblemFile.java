package org.flowscape.spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * A problem written as a YAML mapping ({@code --problem FILE}) with the same names as the flags: {@code model},
 * {@code data}, {@code loss}, {@code params}, {@code seed}, {@code l2}. Subcommands may accept extra keys; any other key is an
 * error naming it and the allowed keys.
 *
 * @param spec   the problem part
 * @param extras values of the extra keys the caller allowed, as parsed JSON trees (absent keys are missing)
 */
public record ProblemFile(ProblemSpec spec, Map<String, JsonNode> extras) {
    /** The keys every problem file may hold. */
    public static final List<String> KEYS = List.of("model", "data", "loss", "seed", "params", "l2");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    public ProblemFile {
        extras = Map.copyOf(extras);
    }

    /** Reads a problem file with only the standard {@link #KEYS}. */
    public static ProblemFile read(Path file) throws IOException {
        return read(file, Set.of());
    }

    /**
     * Reads a problem file that may also hold {@code extraKeys}.
     *
     * @throws IllegalArgumentException for malformed YAML, an unknown key or a value of the wrong type
     * @throws IOException              when the file cannot be read
     */
    public static ProblemFile read(Path file, Set<String> extraKeys) throws IOException {
        JsonNode root = parse(file);
        Set<String> allowed = new LinkedHashSet<>(KEYS);
        allowed.addAll(extraKeys);
        Map<String, JsonNode> extras = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        root.fieldNames().forEachRemaining(names::add);
        for (String key : names) {
            if (!allowed.contains(key)) {
                throw new IllegalArgumentException("unknown key '" + key + "' in problem file " + file
                        + "; the allowed keys are " + String.join(", ", allowed));
            }
            if (extraKeys.contains(key)) {
                extras.put(key, root.get(key));
            }
        }
        Path params = root.has("params") ? Path.of(text(file, root, "params")) : null;
        Long seed = root.has("seed") ? integer(file, root, "seed") : null;
        Double l2 = root.has("l2") ? number(file, root, "l2") : null;
        ProblemSpec spec = new ProblemSpec(optionalText(file, root, "model"), optionalText(file, root, "data"),
                optionalText(file, root, "loss"), params, seed, l2);
        return new ProblemFile(spec, extras);
    }

    private static JsonNode parse(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        JsonNode root;
        try {
            root = YAML.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("problem file " + file + " is not valid YAML ("
                    + e.getOriginalMessage() + locationOf(e) + "); fix the file");
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw new IllegalArgumentException("problem file " + file + " is empty; write 'model: ...' and "
                    + "'data: ...' lines");
        }
        if (!root.isObject()) {
            throw new IllegalArgumentException("problem file " + file + " must be a YAML mapping of keys "
                    + String.join(", ", KEYS) + " to values");
        }
        return root;
    }

    private static String locationOf(JsonProcessingException e) {
        return e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
    }

    private static String optionalText(Path file, JsonNode root, String key) {
        return root.has(key) ? text(file, root, key) : null;
    }

    private static String text(Path file, JsonNode root, String key) {
        JsonNode v = root.get(key);
        if (v == null || v.isNull() || !v.isValueNode() || v.asText().isBlank()) {
            throw new IllegalArgumentException("key '" + key + "' in problem file " + file
                    + " needs a value written as one string, e.g. " + key + ": " + example(key));
        }
        return v.asText();
    }

    private static long integer(Path file, JsonNode root, String key) {
        JsonNode v = root.get(key);
        if (v == null || !v.canConvertToLong() || !v.isIntegralNumber()) {
            throw new IllegalArgumentException("key '" + key + "' in problem file " + file
                    + " must be an integer, e.g. " + key + ": 1");
        }
        return v.asLong();
    }

    private static double number(Path file, JsonNode root, String key) {
        JsonNode v = root.get(key);
        if (v == null || !v.isNumber() || !(v.asDouble() >= 0) || Double.isInfinite(v.asDouble())) {
            throw new IllegalArgumentException("key '" + key + "' in problem file " + file
                    + " must be a finite number >= 0, e.g. " + key + ": 0.01");
        }
        return v.asDouble();
    }

    private static String example(String key) {
        return switch (key) {
            case "model" -> "mlp:10-100-1:tanh";
            case "data" -> "gaussian:n=100,d=10,seed=1";
            case "loss" -> "mse";
            case "params" -> "theta.json";
            default -> "VALUE";
        };
    }
}
