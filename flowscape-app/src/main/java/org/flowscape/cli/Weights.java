package org.flowscape.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.flowscape.io.LayerStateDict;
import org.flowscape.io.MlpStateDict;
import org.flowscape.io.NpyArray;
import org.flowscape.io.Npz;
import org.flowscape.io.Safetensors;
import org.flowscape.io.SafetensorsDtype;
import org.flowscape.model.Model;
import org.flowscape.model.Network;
import org.flowscape.model.layers.LayerModel;
import org.flowscape.spec.ParamsFile;

/**
 * Weights for {@code flowscape analyze}: a PyTorch state dict in {@code .safetensors} or {@code .npz} (mapped by
 * {@link MlpStateDict} for dense networks, {@link LayerStateDict} for {@code layers:} models), or a flat θ in
 * {@code .npy} / JSON ({@link ParamsFile}).
 *
 * @param theta  θ, length P, every entry finite
 * @param keys   the state-dict keys θ's blocks came from (weight, bias per layer), or null for a flat θ
 * @param format "safetensors", "npz" or "flat"
 */
record Weights(double[] theta, List<String> keys, String format) {

    /**
     * Reads and maps the weights of {@code net}.
     *
     * @throws IllegalArgumentException for a state dict that does not match the architecture or non-finite weights
     * @throws IOException              for unreadable or malformed files (a {@link org.flowscape.io.FormatException})
     */
    static Weights read(Path file, Model net) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        Weights w;
        if (name.endsWith(".safetensors")) {
            w = map(net, Safetensors.read(file).tensors(), "safetensors");
        } else if (name.endsWith(".npz")) {
            w = map(net, Npz.read(file), "npz");
        } else {
            return new Weights(ParamsFile.read(file, net.parameterCount()), null, "flat");
        }
        for (int i = 0; i < w.theta().length; i++) {
            if (!Double.isFinite(w.theta()[i])) {
                throw new IllegalArgumentException("weights file " + file + " holds " + w.theta()[i] + " at "
                        + net.layout().describe(i) + "; every weight must be finite");
            }
        }
        return w;
    }

    private static Weights map(Model net, Map<String, NpyArray> tensors, String format) {
        if (net instanceof LayerModel layers) {
            LayerStateDict m = LayerStateDict.toTheta(layers, tensors);
            return new Weights(m.theta(), m.keys(), format);
        }
        MlpStateDict m = MlpStateDict.toTheta((Network) net, tensors);
        return new Weights(m.theta(), m.keys(), format);
    }

    /**
     * Writes θ of {@code net} as an F64 safetensors state dict under {@link #keys} (Sequential names if null),
     * creating the file's directory if needed.
     */
    void write(Path file, Model net, double[] values) throws IOException {
        java.util.Map<String, String> meta = new java.util.LinkedHashMap<>();
        meta.put("format", "pt");
        meta.put("flowscape", "polished by flowscape analyze");
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            java.nio.file.Files.createDirectories(parent); // --out results/w.safetensors creates results/
        }
        Map<String, NpyArray> tensors = net instanceof LayerModel layers
                ? LayerStateDict.fromTheta(layers, values, keys)
                : MlpStateDict.fromTheta((Network) net, values, keys);
        Safetensors.write(file, tensors, meta, SafetensorsDtype.F64);
    }
}
