package org.flowscape.experiment;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML document as a tree that remembers where each node was written (line and key path), so that every
 * validation message can name both. Built from Jackson's streaming YAML parser (its token locations); a
 * {@code JsonNode} tree would lose them. Scalars keep their text as written.
 *
 * @param kind map, list, scalar or null
 * @param text a scalar's text ({@code ""} otherwise)
 * @param map a map's entries in file order (empty otherwise)
 * @param list a list's items (empty otherwise)
 * @param line the 1-based line where the node starts
 * @param path the key path from the root, e.g. {@code analyses[1].method} ({@code ""} for the root)
 */
record YamlNode(Kind kind, String text, Map<String, YamlNode> map, List<YamlNode> list, int line, String path) {
    /** The node kinds. */
    enum Kind {
        MAP, LIST, SCALAR, NULL
    }

    private static final YAMLFactory FACTORY = new YAMLFactory();

    /** An error at this node: {@code FILE line N (PATH): message}. */
    IllegalArgumentException error(String source, String message) {
        return new IllegalArgumentException(source + " line " + line + (path.isEmpty() ? "" : " (" + path + ")")
                + ": " + message);
    }

    /**
     * Parses one YAML document.
     *
     * @param source names the document in messages
     * @throws IllegalArgumentException for malformed YAML (with the parser's line) or a duplicate key
     */
    static YamlNode parse(String source, String yaml) {
        try (JsonParser p = FACTORY.createParser(yaml)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                return new YamlNode(Kind.NULL, "", Map.of(), List.of(), 1, "");
            }
            return read(source, p, "");
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new IllegalArgumentException(source + (at == null ? "" : " line " + at.getLineNr())
                    + ": not valid YAML (" + e.getOriginalMessage().strip().replaceAll("\\s*\\R\\s*", " ")
                    + "); fix the file");
        } catch (IOException e) {
            throw new IllegalArgumentException(source + ": cannot parse (" + e.getMessage() + ")", e);
        }
    }

    private static YamlNode read(String source, JsonParser p, String path) throws IOException {
        int line = p.currentTokenLocation().getLineNr();
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT) {
            Map<String, YamlNode> m = new LinkedHashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                int keyLine = p.currentTokenLocation().getLineNr();
                String child = path.isEmpty() ? key : path + "." + key;
                p.nextToken();
                YamlNode value = read(source, p, child);
                if (m.containsKey(key)) {
                    throw new IllegalArgumentException(source + " line " + keyLine + " (" + child + "): duplicate key '"
                            + key + "'; give each key once");
                }
                m.put(key, value);
            }
            return new YamlNode(Kind.MAP, "", Collections.unmodifiableMap(m), List.of(), line, path);
        }
        if (t == JsonToken.START_ARRAY) {
            List<YamlNode> items = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                items.add(read(source, p, path + "[" + items.size() + "]"));
            }
            return new YamlNode(Kind.LIST, "", Map.of(), List.copyOf(items), line, path);
        }
        if (t == JsonToken.VALUE_NULL) {
            return new YamlNode(Kind.NULL, "", Map.of(), List.of(), line, path);
        }
        return new YamlNode(Kind.SCALAR, p.getText(), Map.of(), List.of(), line, path);
    }

    /** True for a scalar. */
    boolean isScalar() {
        return kind == Kind.SCALAR;
    }
}
