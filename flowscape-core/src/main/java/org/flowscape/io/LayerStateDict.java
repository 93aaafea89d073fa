package org.flowscape.io;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.flowscape.model.ParameterBlock;
import org.flowscape.model.layers.Layer;
import org.flowscape.model.layers.LayerModel;

/**
 * Maps a PyTorch state dict of an {@code nn.Sequential} (built from {@code Linear}, {@code Conv1d}, {@code Conv2d},
 * {@code AvgPool1d/2d}, {@code Flatten}, activations and residual wrappers with an {@code nn.Sequential} attribute
 * {@code body}) to a {@link LayerModel}'s θ and back. The keys expected are the layout's block names: the index of the
 * layer in the {@code layers:} spec, then {@code .weight} or {@code .bias}, with {@code IDX.body.J.} inside a residual
 * block ({@code docs/interop.md}). A common wrapper prefix such as {@code model.} is stripped. When the names do not
 * match (modules named {@code conv1}, {@code fc}, …), the {@code PREFIX.weight}/{@code PREFIX.bias} pairs are taken in
 * natural order (digit runs as numbers) as the parametrised layers in order. Weights keep PyTorch's layout
 * (OUT × IN × K[× K], OUT × IN), θ's own, so each tensor is copied as is. Every mismatch is listed in one
 * {@link IllegalArgumentException}.
 *
 * @param theta θ, length P
 * @param keys  the state-dict key of each block of θ, in θ's order: the names to write θ back under
 */
public record LayerStateDict(double[] theta, List<String> keys) {

    /**
     * Reads θ of {@code model} from {@code tensors} (read only). Cost: O(P) copies.
     *
     * @throws IllegalArgumentException listing every key or shape that does not match, and what was expected
     */
    public static LayerStateDict toTheta(LayerModel model, Map<String, NpyArray> tensors) {
        List<Layer.BlockShape> shapes = model.tensorShapes();
        List<String> byName = byName(shapes, tensors);
        List<String> keys = byName != null ? byName : byOrder(shapes, tensors);
        List<String> problems = new ArrayList<>();
        if (keys == null) {
            problems.add("found keys " + new TreeMap<>(tensors).keySet() + " (" + tensors.size() + " tensors) but "
                    + "expected " + names(shapes) + ", or as many PREFIX.weight/PREFIX.bias pairs in order");
        }
        double[] theta = new double[model.parameterCount()];
        List<ParameterBlock> blocks = model.layout().blocks();
        for (int b = 0; keys != null && b < shapes.size(); b++) {
            NpyArray a = tensors.get(keys.get(b));
            int[] dims = shapes.get(b).dims();
            if (!Arrays.equals(a.shape(), dims)) {
                problems.add("'" + keys.get(b) + "' has shape " + Arrays.toString(a.shape()) + " but "
                        + Arrays.toString(dims) + " is needed for " + blocks.get(b).name());
                continue;
            }
            System.arraycopy(a.data(), 0, theta, blocks.get(b).offset(), a.data().length);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("the state dict does not match " + model.spec() + ": "
                    + String.join("; ", problems) + "; expected " + expected(shapes));
        }
        return new LayerStateDict(theta, List.copyOf(keys));
    }

    /** The keys by the layout's names, after stripping one common wrapper prefix; null when they do not match. */
    private static List<String> byName(List<Layer.BlockShape> shapes, Map<String, NpyArray> tensors) {
        if (tensors.size() != shapes.size() || shapes.isEmpty()) {
            return null;
        }
        String any = tensors.keySet().iterator().next();
        for (Layer.BlockShape s : shapes) {
            if (!any.endsWith(s.name())) {
                continue;
            }
            String prefix = any.substring(0, any.length() - s.name().length());
            if (!prefix.isEmpty() && !prefix.endsWith(".")) {
                continue;
            }
            List<String> keys = new ArrayList<>();
            for (Layer.BlockShape t : shapes) {
                if (tensors.containsKey(prefix + t.name())) {
                    keys.add(prefix + t.name());
                }
            }
            if (keys.size() == shapes.size()) {
                return keys;
            }
        }
        return null;
    }

    /** The keys as weight/bias pairs in natural order of their prefixes; null when the pattern does not fit. */
    private static List<String> byOrder(List<Layer.BlockShape> shapes, Map<String, NpyArray> tensors) {
        Map<String, String[]> layers = new TreeMap<>(MlpStateDict::natural);
        for (String key : tensors.keySet()) {
            int dot = key.lastIndexOf('.');
            String suffix = dot < 0 ? "" : key.substring(dot + 1);
            if (!suffix.equals("weight") && !suffix.equals("bias")) {
                return null;
            }
            layers.computeIfAbsent(key.substring(0, dot), k -> new String[2])[suffix.equals("weight") ? 0 : 1] = key;
        }
        List<String> keys = new ArrayList<>();
        int b = 0;
        for (String[] pair : layers.values()) {
            if (pair[0] == null || b >= shapes.size() || shapes.get(b).bias()) {
                return null;
            }
            keys.add(pair[0]);
            b++;
            boolean wantsBias = b < shapes.size() && shapes.get(b).bias();
            if (wantsBias != (pair[1] != null)) {
                return null;
            }
            if (wantsBias) {
                keys.add(pair[1]);
                b++;
            }
        }
        return b == shapes.size() ? keys : null;
    }

    private static List<String> names(List<Layer.BlockShape> shapes) {
        List<String> out = new ArrayList<>();
        for (Layer.BlockShape s : shapes) {
            out.add(s.name());
        }
        return out;
    }

    private static String expected(List<Layer.BlockShape> shapes) {
        StringBuilder b = new StringBuilder();
        for (Layer.BlockShape s : shapes) {
            b.append(b.length() == 0 ? "" : ", ").append(s.name()).append(' ').append(Arrays.toString(s.dims()));
        }
        return b.toString();
    }

    /**
     * θ of {@code model} as a state dict under {@code keys} (one per block, as {@link #keys}), or under the layout's
     * names when {@code keys} is null. Each tensor copies its block of θ (read only), in PyTorch's shape.
     */
    public static Map<String, NpyArray> fromTheta(LayerModel model, double[] theta, List<String> keys) {
        if (theta.length != model.parameterCount()) {
            throw new IllegalArgumentException("theta has " + theta.length + " entries but " + model.spec() + " has "
                    + model.parameterCount());
        }
        List<Layer.BlockShape> shapes = model.tensorShapes();
        List<ParameterBlock> blocks = model.layout().blocks();
        Map<String, NpyArray> out = new LinkedHashMap<>();
        for (int b = 0; b < shapes.size(); b++) {
            ParameterBlock block = blocks.get(b);
            out.put(keys == null ? block.name() : keys.get(b), new NpyArray(shapes.get(b).dims(),
                    Arrays.copyOfRange(theta, block.offset(), block.offset() + block.size())));
        }
        return out;
    }
}
