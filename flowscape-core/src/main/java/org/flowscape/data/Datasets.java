package org.flowscape.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.flowscape.linalg.Matrix;
import org.flowscape.model.Activation;
import org.flowscape.model.Activations;

/**
 * Builds datasets from specs {@code kind:key=value,...} ({@code docs/CLI.md}, {@code --data}); the kinds and their
 * keys are listed in {@link #KINDS}, and each generator's class states its distribution exactly. Keys are
 * case-insensitive; commas inside brackets do not split ({@code identity:2,target=[[2,1],[0,1]]}). Every malformed
 * spec gives an {@link IllegalArgumentException} of one line naming the problem and the accepted keys.
 */
public final class Datasets {
    /** The accepted spellings, one per kind, for messages and documentation. */
    public static final List<String> KINDS = List.of(
            "gaussian:n=N,d=D[,k=K],seed=S",
            "sphere:n=N,d=D[,k=K],seed=S",
            "teacher:n=N,d=D,width=H[,act=ACT][,noise=E][,k=K],seed=S",
            "smooth:n=N,d=D[,lengthscale=L][,k=K],seed=S",
            "clustered:n=N,d=D,clusters=C[,radius=R][,noise=E],seed=S",
            "lowdim:n=N,d=D,rank=R[,width=H][,act=ACT],seed=S",
            "singleton:d=D[,eps=E]",
            "orthonormal:m=M[,y=positive|gaussian],seed=S",
            "identity:D[,target=[[..],..]|random][,k=K][,seed=S]",
            "csv:PATH[,targets=K]",
            "npy:X=PATH,Y=PATH",
            "npz:PATH");

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
            case "sphere" -> sphere(spec, rest);
            case "teacher" -> teacher(spec, rest);
            case "smooth" -> smooth(spec, rest);
            case "clustered" -> clustered(spec, rest);
            case "lowdim" -> lowdim(spec, rest);
            case "singleton" -> singleton(spec, rest);
            case "orthonormal" -> orthonormal(spec, rest);
            case "identity" -> identity(spec, rest);
            case "csv" -> csv(spec, rest);
            case "npy" -> npy(spec, rest);
            case "npz" -> npz(spec, rest);
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

    private static Dataset sphere(String spec, String rest) {
        SpecArgs a = args(spec, "sphere", rest, false, "n", "d", "k", "seed");
        return SphereData.generate(spec, a.positiveInt("n"), a.positiveInt("d"), a.positiveInt("k", 1), a.seed());
    }

    private static Dataset teacher(String spec, String rest) {
        SpecArgs a = args(spec, "teacher", rest, false, "n", "d", "width", "act", "noise", "k", "seed");
        return TeacherData.generate(spec, a.positiveInt("n"), a.positiveInt("d"), a.positiveInt("width"),
                a.positiveInt("k", 1), activation(a, "tanh"), a.nonNegative("noise", 0, false), a.seed());
    }

    private static Dataset smooth(String spec, String rest) {
        SpecArgs a = args(spec, "smooth", rest, false, "n", "d", "lengthscale", "k", "seed");
        int d = a.positiveInt("d");
        return SmoothData.generate(spec, a.positiveInt("n"), d, a.nonNegative("lengthscale", Math.sqrt(d), true),
                a.positiveInt("k", 1), a.seed());
    }

    private static Dataset clustered(String spec, String rest) {
        SpecArgs a = args(spec, "clustered", rest, false, "n", "d", "clusters", "radius", "noise", "seed");
        int n = a.positiveInt("n");
        int d = a.positiveInt("d");
        int c = a.positiveInt("clusters");
        if (c > n) {
            throw a.fail("clusters=" + c + " exceeds n=" + n + ", leaving empty clusters; use clusters <= n");
        }
        return ClusteredData.generate(spec, n, d, c, a.nonNegative("radius", ClusteredData.theoremRadius(d), false),
                a.nonNegative("noise", 0, false), a.seed());
    }

    private static Dataset lowdim(String spec, String rest) {
        SpecArgs a = args(spec, "lowdim", rest, false, "n", "d", "rank", "width", "act", "seed");
        int n = a.positiveInt("n");
        int d = a.positiveInt("d");
        int r = a.positiveInt("rank");
        if (r > d || r > n) {
            throw a.fail("rank=" + r + " exceeds " + (r > d ? "d=" + d : "n=" + n) + "; use rank <= min(n, d)");
        }
        return LowRankData.generate(spec, n, d, r, a.positiveInt("width", 2), activation(a, "relu"), a.seed());
    }

    private static Dataset singleton(String spec, String rest) {
        SpecArgs a = args(spec, "singleton", rest, false, "d", "eps");
        return SingletonData.generate(spec, a.positiveInt("d"), a.nonNegative("eps", 0.1, false));
    }

    private static Dataset orthonormal(String spec, String rest) {
        SpecArgs a = args(spec, "orthonormal", rest, false, "m", "y", "seed");
        String y = a.string("y", "positive").toLowerCase(Locale.ROOT);
        OrthonormalData.Targets kind = switch (y) {
            case "positive" -> OrthonormalData.Targets.POSITIVE;
            case "gaussian" -> OrthonormalData.Targets.GAUSSIAN;
            default -> throw a.fail("y must be positive or gaussian, got '" + y + "'");
        };
        return OrthonormalData.generate(spec, a.positiveInt("m"), kind, a.seed());
    }

    private static Dataset identity(String spec, String rest) {
        SpecArgs a = args(spec, "identity", rest, true, "target", "k", "seed");
        if (a.positional() == null) {
            throw a.fail("missing the size D right after 'identity:'");
        }
        int d = a.positiveInt("D", a.positional());
        String target = a.string("target", "random");
        if (target.equalsIgnoreCase("random")) {
            return IdentityData.of(spec, IdentityData.randomTarget(a.positiveInt("k", d), d, a.seed()));
        }
        if (a.has("k") || a.has("seed")) {
            throw a.fail("k and seed apply only to target=random; drop them for an inline target");
        }
        Matrix m;
        try {
            m = IdentityData.parseMatrix(target);
        } catch (IllegalArgumentException e) {
            throw a.fail("target: " + e.getMessage());
        }
        if (m.cols() != d) {
            throw a.fail("target has " + m.cols() + " columns but D=" + d + "; the target matrix is K x D (Y = A^T)");
        }
        return IdentityData.of(spec, m);
    }

    private static Dataset csv(String spec, String rest) {
        SpecArgs a = args(spec, "csv", rest, true, "targets");
        if (a.positional() == null) {
            throw a.fail("missing the file path right after 'csv:'");
        }
        return CsvData.read(spec, Path.of(a.positional()), a.positiveInt("targets", 1));
    }

    private static Dataset npy(String spec, String rest) {
        SpecArgs a = args(spec, "npy", rest, false, "x", "y");
        return NpyData.read(spec, Path.of(a.string("x")), Path.of(a.string("y")));
    }

    private static Dataset npz(String spec, String rest) {
        SpecArgs a = args(spec, "npz", rest, true);
        if (a.positional() == null) {
            throw a.fail("missing the file path right after 'npz:'");
        }
        return NpyData.readNpz(spec, Path.of(a.positional()));
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
