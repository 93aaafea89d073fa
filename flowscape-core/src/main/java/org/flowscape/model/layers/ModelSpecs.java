package org.flowscape.model.layers;

import java.util.Locale;
import org.flowscape.model.Model;
import org.flowscape.model.Models;

/**
 * The one parser for every model spec: {@code layers:…} ({@link LayerSpecs}) and the dense forms of {@link Models}
 * ({@code mlp:}, {@code linear:}, {@code product:}). The entry point for {@code --model}, {@code --arch} and YAML
 * {@code model:}.
 */
public final class ModelSpecs {
    /** Every accepted form, for messages. */
    public static final String FORMS = Models.FORMS + ", layers:IN/L1/L2/...";

    private ModelSpecs() {
    }

    /**
     * Parses a model spec.
     *
     * @throws IllegalArgumentException with a one-line reason when the spec is malformed
     */
    public static Model parse(String spec) {
        if (spec.trim().toLowerCase(Locale.ROOT).startsWith("layers:")) {
            return LayerSpecs.parse(spec);
        }
        return Models.parse(spec);
    }
}
