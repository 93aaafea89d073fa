package org.flowscape.io;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.flowscape.model.DenseLayer;
import org.flowscape.model.Network;

/**
 * Maps a PyTorch-style state dict of an MLP to a {@link Network}'s flat parameter vector θ and back. Keys are
 * {@code PREFIX.weight} and {@code PREFIX.bias}; the prefixes are ordered naturally (digit runs compared as numbers),
 * so {@code nn.Sequential}'s {@code 0, 2, 4} and named layers {@code fc1, fc2, …, fc10} both come out input first,
 * and a common wrapper such as {@code model.} or {@code module.} is harmless. PyTorch's {@code nn.Linear} stores its
 * weight as out × in row-major, exactly θ's order ({@code docs/cli.md}), so each block is copied as is.
 * <p>
 * The i-th prefix is the i-th layer; its weight must have shape [outputs, inputs] and its bias [outputs] (present
 * exactly when the layer has one). Any other key, a missing tensor or a wrong shape is listed, all at once, in one
 * {@link IllegalArgumentException}.
 *
 * @param theta θ, length P, in the order of {@code docs/cli.md}
 * @param keys  for layer l, its weight key then (if any) its bias key: the names to write θ back under
 */
public record MlpStateDict(double[] theta, List<String> keys) {

    /**
     * Reads θ of {@code net} from {@code tensors} (read only). Cost: O(P) copies.
     *
     * @throws IllegalArgumentException listing every key or shape that does not match, and what was expected
     */
    public static MlpStateDict toTheta(Network net, Map<String, NpyArray> tensors) {
        Map<String, String[]> layers = new TreeMap<>(MlpStateDict::natural);
        List<String> problems = new ArrayList<>();
        for (String key : tensors.keySet()) {
            int dot = key.lastIndexOf('.');
            String suffix = dot < 0 ? "" : key.substring(dot + 1);
            if (!suffix.equals("weight") && !suffix.equals("bias")) {
                problems.add("unexpected key '" + key + "' (only PREFIX.weight and PREFIX.bias are read)");
                continue;
            }
            layers.computeIfAbsent(key.substring(0, dot), k -> new String[2])[suffix.equals("weight") ? 0 : 1] = key;
        }
        List<String[]> found = new ArrayList<>(layers.values());
        if (found.size() != net.depth()) {
            problems.add(0, "found " + found.size() + " layer(s) " + layers.keySet() + " but " + net.spec()
                    + " has " + net.depth());
        }
        double[] theta = new double[net.parameterCount()];
        List<String> keys = new ArrayList<>();
        for (int l = 0; l < Math.min(found.size(), net.depth()); l++) {
            copyLayer(net, l, found.get(l), tensors, theta, keys, problems);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("the state dict does not match " + net.spec() + ": "
                    + String.join("; ", problems) + "; expected " + expected(net)
                    + " (nn.Linear weights are out x in)");
        }
        return new MlpStateDict(theta, keys);
    }

    private static void copyLayer(Network net, int l, String[] names, Map<String, NpyArray> tensors, double[] theta,
            List<String> keys, List<String> problems) {
        DenseLayer layer = net.layers().get(l);
        int offset = net.offset(l);
        String where = "layer " + (l + 1);
        if (names[0] == null) {
            problems.add(where + " has a bias '" + names[1] + "' but no weight");
        } else {
            keys.add(names[0]);
            copy(tensors.get(names[0]), names[0], new int[] {layer.outputs(), layer.inputs()}, theta, offset,
                    problems);
        }
        if (layer.bias() && names[1] == null) {
            problems.add(where + " needs a bias of shape [" + layer.outputs() + "] but none was found (for a model "
                    + "without biases add :nobias to the architecture)");
        } else if (!layer.bias() && names[1] != null) {
            problems.add(where + " has bias '" + names[1] + "' but the architecture has :nobias");
        } else if (names[1] != null) {
            keys.add(names[1]);
            copy(tensors.get(names[1]), names[1], new int[] {layer.outputs()}, theta,
                    offset + layer.outputs() * layer.inputs(), problems);
        }
    }

    private static void copy(NpyArray a, String key, int[] shape, double[] theta, int offset, List<String> problems) {
        if (!Arrays.equals(a.shape(), shape)) {
            problems.add("'" + key + "' has shape " + Arrays.toString(a.shape()) + " but " + Arrays.toString(shape)
                    + " is needed");
            return;
        }
        System.arraycopy(a.data(), 0, theta, offset, a.data().length);
    }

    private static String expected(Network net) {
        StringBuilder b = new StringBuilder();
        for (int l = 0; l < net.depth(); l++) {
            DenseLayer layer = net.layers().get(l);
            b.append(l == 0 ? "" : ", ").append("weight [").append(layer.outputs()).append(", ")
                    .append(layer.inputs()).append(']').append(layer.bias() ? " + bias [" + layer.outputs() + "]" : "");
        }
        return b.toString();
    }

    /**
     * θ of {@code net} as a state dict under {@code keys} (weight then bias of each layer, as {@link #keys}), or
     * under {@code nn.Sequential}'s names {@code 0.weight, 0.bias, 2.weight, …} when {@code keys} is null.
     * Each tensor copies its block of θ (read only).
     */
    public static Map<String, NpyArray> fromTheta(Network net, double[] theta, List<String> keys) {
        if (theta.length != net.parameterCount()) {
            throw new IllegalArgumentException("theta has " + theta.length + " entries but " + net.spec() + " has "
                    + net.parameterCount());
        }
        Map<String, NpyArray> out = new LinkedHashMap<>();
        int k = 0;
        for (int l = 0; l < net.depth(); l++) {
            DenseLayer layer = net.layers().get(l);
            int offset = net.offset(l);
            int w = layer.outputs() * layer.inputs();
            out.put(keys == null ? 2 * l + ".weight" : keys.get(k++), new NpyArray(new int[] {layer.outputs(),
                layer.inputs()}, Arrays.copyOfRange(theta, offset, offset + w)));
            if (layer.bias()) {
                out.put(keys == null ? 2 * l + ".bias" : keys.get(k++), new NpyArray(new int[] {layer.outputs()},
                        Arrays.copyOfRange(theta, offset + w, offset + w + layer.outputs())));
            }
        }
        return out;
    }

    /**
     * Natural order: runs of digits compare as numbers, everything else character by character; strings equal in
     * that order (differing only in leading zeros) fall back to plain string order, so distinct keys never tie.
     */
    static int natural(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (Character.isDigit(ca) && Character.isDigit(cb)) {
                int ei = i;
                int ej = j;
                while (ei < a.length() && Character.isDigit(a.charAt(ei))) {
                    ei++;
                }
                while (ej < b.length() && Character.isDigit(b.charAt(ej))) {
                    ej++;
                }
                int c = compareDigits(a.substring(i, ei), b.substring(j, ej));
                if (c != 0) {
                    return c;
                }
                i = ei;
                j = ej;
            } else {
                if (ca != cb) {
                    return Character.compare(ca, cb);
                }
                i++;
                j++;
            }
        }
        int tail = Integer.compare(a.length() - i, b.length() - j);
        return tail != 0 ? tail : a.compareTo(b); // distinct keys never tie (a007 vs a7)
    }

    /** Compares two digit strings as numbers in linear time (leading zeros ignored; any length). */
    private static int compareDigits(String x, String y) {
        String a = x.replaceFirst("^0+(?=.)", "");
        String b = y.replaceFirst("^0+(?=.)", "");
        return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
    }
}
