package org.flowscape.data;

import java.util.List;
import java.util.Locale;
import org.flowscape.model.Activation;
import org.flowscape.model.Activations;

/**
 * Builds datasets from specs {@code kind:key=value,...} ({@code docs/CLI.md}, {@code --data}). Keys are
 * case-insensitive; commas inside brackets do not split ({@code identity:2,target=[[2,1],[0,1]]}). Every malformed
 * spec gives an {@link IllegalArgumentException} of one line naming the problem and the accepted keys.
 */
public final class Datasets {
    /** The accepted spellings, one per kind, for messages and documentation. */
    public static final List<String> KINDS = List.of(
            "gaussian:n=N,d=D[,k=K],seed=S",
            "teacher:n=N,d=D,width=H[,act=ACT][,noise=E][,k=K],seed=S");

    private Datasets() {
    }

    /**
     * Parses a data spec and builds the dataset (reading files for {@code csv:} and {@code npy:}).
     *
     * @throws IllegalArgumentException naming the problem and the fix when the spec or a file is malformed
     */
    public static Dataset parse(String spec) {
        String s = spec.trim();
        int colon = s.indexOf(':');
        String kind = (colon < 0 ? s : s.substring(0, colon)).trim().toLowerCase(Locale.ROOT);
        String rest = colon < 0 ? "" : s.substring(colon + 1);
        return switch (kind) {
            case "gaussian" -> gaussian(spec, rest);
            case "teacher" -> teacher(spec, rest);
            default -> throw new IllegalArgumentException("unknown data kind '" + kind + "' in '" + spec
                    + "'; use one of " + String.join(" | ", KINDS));
        };
    }

    private static SpecArgs args(String spec, String kind, String rest, boolean positional, String... keys) {
        String form = KINDS.stream().filter(f -> f.startsWith(kind + ":")).findFirst().orElse(kind);
        return SpecArgs.parse(spec, kind, rest, form, List.of(keys), positional);
    }

    private static Dataset gaussian(String spec, String rest) {
        SpecArgs a = args(spec, "gaussian", rest, false, "n", "d", "k", "seed");
        return GaussianData.generate(spec, a.positiveInt("n"), a.positiveInt("d"), a.positiveInt("k", 1), a.seed());
    }

    private static Dataset teacher(String spec, String rest) {
        SpecArgs a = args(spec, "teacher", rest, false, "n", "d", "width", "act", "noise", "k", "seed");
        return TeacherData.generate(spec, a.positiveInt("n"), a.positiveInt("d"), a.positiveInt("width"),
                a.positiveInt("k", 1), activation(a, "tanh"), a.nonNegative("noise", 0, false), a.seed());
    }

    private static Activation activation(SpecArgs a, String fallback) {
        String name = a.string("act", fallback);
        try {
            return Activations.parse(name);
        } catch (IllegalArgumentException e) {
            throw a.fail("act '" + name + "' is not an activation (" + Activations.NAMES + ")");
        }
    }
}
