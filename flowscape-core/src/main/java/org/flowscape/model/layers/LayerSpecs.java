package org.flowscape.model.layers;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.flowscape.model.Activation;
import org.flowscape.model.Activations;

/**
 * The parser of {@code layers:IN/L1/L2/…} specs ({@code docs/layers.md}): IN is {@code D}, {@code CxL} or
 * {@code CxHxW}; each L is {@code dense=OUT[:nobias]}, {@code conv=OUT,K[,STRIDE[,PAD]][:nobias]} (1-D or 2-D by the
 * input's rank; stride 1 and padding 0 by default), {@code avgpool=K}, {@code flatten}, an activation as in
 * {@code mlp:} specs, or {@code res(L/L/…)}. Every error is one line naming the spec, the layer and the fix.
 */
public final class LayerSpecs {
    /** The layer forms, for messages. */
    public static final String LAYERS = "dense=OUT[:nobias], conv=OUT,K[,STRIDE[,PAD]][:nobias], avgpool=K, flatten, "
            + "res(L/L/...), or an activation (" + Activations.NAMES + ")";

    private LayerSpecs() {
    }

    /**
     * Parses a full spec starting with {@code layers:}.
     *
     * @throws IllegalArgumentException naming the spec and the problem when it is malformed or shapes do not fit
     */
    public static LayerModel parse(String spec) {
        String s = spec.trim();
        if (!s.toLowerCase(Locale.ROOT).startsWith("layers:")) {
            throw new IllegalArgumentException("model spec '" + spec + "' is not a layers: spec");
        }
        List<String> parts = split(spec, s.substring("layers:".length()));
        if (parts.size() < 2) {
            throw new IllegalArgumentException("model spec '" + spec + "' needs an input shape and at least one "
                    + "layer, e.g. layers:1x8x8/conv=4,3,1,1/relu/avgpool=2/flatten/dense=10");
        }
        Shape in = shape(spec, parts.get(0));
        return new LayerModel(spec, sequence(spec, in, parts.subList(1, parts.size())));
    }

    private static LayerSequence sequence(String spec, Shape in, List<String> parts) {
        List<Layer> layers = new ArrayList<>();
        Shape shape = in;
        for (String part : parts) {
            Layer layer;
            try {
                layer = layer(spec, shape, part.trim());
            } catch (IllegalArgumentException e) {
                if (e.getMessage() != null && e.getMessage().startsWith("model spec '")) {
                    throw e;
                }
                throw new IllegalArgumentException("model spec '" + spec + "', layer '" + part.trim() + "': "
                        + e.getMessage(), e);
            }
            layers.add(layer);
            shape = layer.output();
        }
        return new LayerSequence(layers);
    }

    private static Layer layer(String spec, Shape in, String part) {
        String lower = part.toLowerCase(Locale.ROOT);
        if (lower.startsWith("res(")) {
            if (!lower.endsWith(")")) {
                throw new IllegalArgumentException("res( is not closed; write res(L/L/...)");
            }
            List<String> inner = split(spec, part.substring(4, part.length() - 1));
            return new Residual(sequence(spec, in, inner));
        }
        if (lower.equals("flatten")) {
            return new Flatten(in);
        }
        if (lower.startsWith("dense=")) {
            Options o = options(lower.substring(6));
            if (in.rank() != 1) {
                throw new IllegalArgumentException("dense takes a vector but its input has shape " + in
                        + "; put flatten before it");
            }
            return new Dense(in.size(), positive(o.body(), "OUT"), o.bias());
        }
        if (lower.startsWith("conv=")) {
            Options o = options(lower.substring(5));
            String[] f = o.body().split(",", -1);
            if (f.length < 2 || f.length > 4) {
                throw new IllegalArgumentException("write conv=OUT,K[,STRIDE[,PAD]][:nobias], e.g. conv=4,3,1,1");
            }
            int stride = f.length > 2 ? positive(f[2], "STRIDE") : 1;
            int pad = f.length > 3 ? nonNegative(f[3], "PAD") : 0;
            return new Convolution(in, positive(f[0], "OUT"), positive(f[1], "K"), stride, pad, o.bias());
        }
        if (lower.startsWith("avgpool=")) {
            return new AveragePool(in, positive(lower.substring(8), "K"));
        }
        Activation act;
        try {
            act = Activations.parse(part);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown layer; use " + LAYERS, e);
        }
        return new Pointwise(in, act);
    }

    private record Options(String body, boolean bias) {
    }

    private static Options options(String s) {
        int colon = s.indexOf(':');
        if (colon < 0) {
            return new Options(s.trim(), true);
        }
        String opt = s.substring(colon + 1).trim();
        if (!opt.equals("nobias")) {
            throw new IllegalArgumentException("unknown option ':" + opt + "'; the only option is :nobias");
        }
        return new Options(s.substring(0, colon).trim(), false);
    }

    private static Shape shape(String spec, String s) {
        String[] f = s.trim().toLowerCase(Locale.ROOT).split("x", -1);
        try {
            return switch (f.length) {
                case 1 -> Shape.vector(positive(f[0], "D"));
                case 2 -> Shape.signal(positive(f[0], "C"), positive(f[1], "L"));
                case 3 -> Shape.image(positive(f[0], "C"), positive(f[1], "H"), positive(f[2], "W"));
                default -> throw new IllegalArgumentException("too many dimensions");
            };
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("model spec '" + spec + "': input shape '" + s.trim() + "' should be D, "
                    + "CxL or CxHxW with positive integers (" + e.getMessage() + ")", e);
        }
    }

    private static int positive(String s, String what) {
        int v = integer(s, what);
        if (v <= 0) {
            throw new IllegalArgumentException(what + " '" + s.trim() + "' must be a positive integer");
        }
        return v;
    }

    private static int nonNegative(String s, String what) {
        int v = integer(s, what);
        if (v < 0) {
            throw new IllegalArgumentException(what + " '" + s.trim() + "' must be >= 0");
        }
        return v;
    }

    private static int integer(String s, String what) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " '" + s.trim() + "' must be an integer", e);
        }
    }

    /** Splits at the slashes outside parentheses. */
    private static List<String> split(String spec, String s) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '(') {
                depth++;
            } else if (ch == ')') {
                depth--;
                if (depth < 0) {
                    throw new IllegalArgumentException("model spec '" + spec + "' has an unmatched ')'");
                }
            } else if (ch == '/' && depth == 0) {
                out.add(s.substring(start, i));
                start = i + 1;
            }
        }
        if (depth != 0) {
            throw new IllegalArgumentException("model spec '" + spec + "' has an unclosed '('");
        }
        out.add(s.substring(start));
        for (String part : out) {
            if (part.isBlank()) {
                throw new IllegalArgumentException("model spec '" + spec + "' has an empty layer (two '/' in a row, "
                        + "or one at an end)");
            }
        }
        return out;
    }
}
