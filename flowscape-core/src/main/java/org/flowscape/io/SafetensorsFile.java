package org.flowscape.io;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The contents of a safetensors file.
 *
 * @param tensors  every tensor by name, in header order, widened to double (row-major, shapes kept)
 * @param dtypes   each tensor's stored element type
 * @param metadata the {@code __metadata__} string map (empty when absent)
 */
public record SafetensorsFile(Map<String, NpyArray> tensors, Map<String, SafetensorsDtype> dtypes,
        Map<String, String> metadata) {
    public SafetensorsFile {
        tensors = Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
        dtypes = Collections.unmodifiableMap(new LinkedHashMap<>(dtypes));
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }
}
