package org.flowscape.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Builds networks from compact specs ({@code docs/CLI.md}): {@code mlp:D0-D1-…-DL:ACT[:nobias]} (activation on hidden
 * layers, linear output), {@code linear:D0xD1x…xDL} (deep linear, no biases) and {@code product:N} (the scalar
 * product x1·…·xN, i.e. {@code linear:1x1x…x1} with N layers). All are instances of one {@link Network} mechanism.
 */
public final class Models {
    /** The accepted forms, for messages. */
    public static final String FORMS = "mlp:D0-D1-...-DL:ACT[:nobias], linear:D0xD1x...xDL, product:N";

    private Models() {
    }

    /**
     * Parses a model spec.
     *
     * @throws IllegalArgumentException naming the accepted forms when {@code spec} is malformed
     */
    public static Network parse(String spec) {
        String s = spec.trim();
        int colon = s.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("model spec '" + spec + "' has no kind; use one of " + FORMS);
        }
        String kind = s.substring(0, colon).toLowerCase(Locale.ROOT);
        String rest = s.substring(colon + 1);
        return switch (kind) {
            case "mlp" -> parseMlp(spec, rest);
            case "linear" -> linear(spec, widths(spec, rest, "x"));
            case "product" -> product(positiveInt(spec, rest.trim(), "N"));
            default -> throw new IllegalArgumentException("unknown model kind '" + kind + "' in '" + spec
                    + "'; use one of " + FORMS);
        };
    }

    private static Network parseMlp(String spec, String rest) {
        String[] parts = rest.split(":");
        if (parts.length < 2 || parts.length > 3) {
            throw new IllegalArgumentException("model spec '" + spec + "' should read mlp:D0-D1-...-DL:ACT[:nobias], "
                    + "e.g. mlp:10-100-1:tanh");
        }
        int[] widths = widths(spec, parts[0], "-");
        Activation act = Activations.parse(parts[1]);
        boolean bias = true;
        if (parts.length == 3) {
            if (!parts[2].trim().equalsIgnoreCase("nobias")) {
                throw new IllegalArgumentException("model spec '" + spec + "': unknown option '" + parts[2]
                        + "'; the only option is :nobias");
            }
            bias = false;
        }
        return mlp(spec, widths, act, bias);
    }

    private static int[] widths(String spec, String list, String sep) {
        String[] parts = list.split(java.util.regex.Pattern.quote(sep), -1);
        if (parts.length < 2) {
            throw new IllegalArgumentException("model spec '" + spec + "' needs at least two widths separated by '"
                    + sep + "', e.g. " + (sep.equals("x") ? "linear:4x3x2" : "mlp:10-100-1:tanh"));
        }
        int[] w = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            w[i] = positiveInt(spec, parts[i].trim(), "width");
        }
        return w;
    }

    private static int positiveInt(String spec, String s, String what) {
        try {
            int v = Integer.parseInt(s);
            if (v > 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new IllegalArgumentException("model spec '" + spec + "': " + what + " '" + s
                + "' must be a positive integer");
    }

    /** An MLP with {@code act} on every hidden layer and a linear output layer. */
    public static Network mlp(String spec, int[] widths, Activation act, boolean bias) {
        List<DenseLayer> layers = new ArrayList<>();
        for (int l = 0; l + 1 < widths.length; l++) {
            boolean output = l + 2 == widths.length;
            layers.add(new DenseLayer(widths[l], widths[l + 1], bias, output ? Activations.identity() : act));
        }
        return new Network(spec, layers);
    }

    /** The deep linear network W_L⋯W_1 without biases. */
    public static Network linear(String spec, int[] widths) {
        return mlp(spec, widths, Activations.identity(), false);
    }

    /** The scalar product x1·x2·…·xN as N one-by-one linear layers (input 1 gives the product itself). */
    public static Network product(int factors) {
        int[] widths = new int[factors + 1];
        java.util.Arrays.fill(widths, 1);
        return linear("product:" + factors, widths);
    }
}
