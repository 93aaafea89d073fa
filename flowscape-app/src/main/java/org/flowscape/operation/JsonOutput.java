package org.flowscape.operation;

import java.io.PrintWriter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The {@code --json} documents: one pretty-printed JSON object per command run, keys in insertion order, snake_case
 * names, doubles written in shortest round-trip form (non-finite values as the strings "NaN", "Infinity"). Every
 * document starts with {@code "command"} and {@code "version"}; {@code docs/cli.md} documents each field.
 */
public final class JsonOutput {
    /** The shared mapper. */
    public static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonOutput() {
    }

    /** A new document for {@code command}, with the command name and version filled in. */
    public static ObjectNode document(String command) {
        ObjectNode doc = MAPPER.createObjectNode();
        doc.put("command", command);
        doc.put("version", version());
        return doc;
    }

    /** The version of this build (the jar manifest's), or a note when not running from the packaged jar. */
    public static String version() {
        String v = JsonOutput.class.getPackage().getImplementationVersion();
        return v == null ? "(development build, not packaged)" : v;
    }

    /** A JSON array of {@code values} (read only). */
    public static ArrayNode array(double[] values) {
        ArrayNode a = MAPPER.createArrayNode();
        for (double v : values) {
            a.add(v);
        }
        return a;
    }

    /** Prints {@code doc} and a newline to {@code out}. */
    public static void print(PrintWriter out, ObjectNode doc) {
        try {
            out.println(MAPPER.writeValueAsString(doc));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not serialize the JSON document", e);
        }
        out.flush();
    }
}
