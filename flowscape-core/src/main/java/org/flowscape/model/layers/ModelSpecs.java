package org.flowscape.model.layers;

import java.util.Locale;
import java.util.Optional;
import org.flowscape.model.Model;
import org.flowscape.model.Models;

/**
 * The one parser for every model spec: {@code layers:…} ({@link LayerSpecs}) and the dense forms of {@link Models}
 * ({@code mlp:}, {@code linear:}, {@code product:}), which are sugar for layer sequences. The entry point for
 * {@code --model}, {@code --arch} and YAML {@code model:}. Every spec becomes a layer sequence and then one model:
 * a whole dense stack is the fused {@link org.flowscape.model.Network} ({@link DenseStacks#fuse}), so
 * {@code mlp:10-100-1:tanh} and {@code layers:10/dense=100/tanh/dense=1} give networks with equal layers, the same θ
 * order, initialization and bits; any other sequence is a {@link LayerModel}.
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
        LayerSequence layers = spec.trim().toLowerCase(Locale.ROOT).startsWith("layers:")
                ? LayerSpecs.parse(spec).layers()
                : DenseStacks.asLayers(Models.parse(spec));
        return build(spec, layers);
    }

    /** The fused {@link org.flowscape.model.Network} when {@code layers} is a whole dense stack, else a layer model. */
    public static Model build(String spec, LayerSequence layers) {
        Optional<org.flowscape.model.Network> dense = DenseStacks.fuse(spec, layers);
        return dense.isPresent() ? dense.get() : new LayerModel(spec, layers);
    }
}
