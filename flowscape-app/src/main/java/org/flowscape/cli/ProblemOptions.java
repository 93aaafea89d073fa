package org.flowscape.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

import org.flowscape.spec.Problem;
import org.flowscape.spec.ProblemFile;
import org.flowscape.spec.ProblemSpec;

import picocli.CommandLine.Option;

/**
 * The problem options shared by every subcommand that works on one objective: add
 * {@code @Mixin ProblemOptions problem;} to a command and call {@link #load()}. Flags override the values of a
 * {@code --problem} YAML file.
 */
public final class ProblemOptions {
    @Option(names = "--problem", paramLabel = "FILE.yaml",
            description = "YAML file with keys model, data, loss, seed, params, l2 (flags override it).")
    Path problemFile;

    @Option(names = "--model", paramLabel = "SPEC",
            description = "Model, e.g. mlp:10-100-1:tanh, linear:4x3x2, product:3, or a closed-form fn:EXPR in "
                    + "p1..pN (no --data), e.g. fn:(p1*p2-1)^2.")
    String model;

    @Option(names = "--data", paramLabel = "SPEC",
            description = "Data, e.g. teacher:n=1000,d=10,width=5,noise=0.01,seed=1.")
    String data;

    @Option(names = "--loss", paramLabel = "SPEC",
            description = "Loss: mse (default, 1/2 mean), mse-mean, frobenius, xent, cost:EXPR, cost-sum:EXPR.")
    String loss;

    @Option(names = "--l2", paramLabel = "LAMBDA",
            description = "Weight decay: minimize L + LAMBDA/2 |theta|^2 (exact derivatives; default 0).")
    Double l2;

    @Option(names = "--params", paramLabel = "FILE",
            description = "Parameters theta: JSON array, JSON object {\"theta\": [...]}, or .npy (float64/float32).")
    Path params;

    @Option(names = "--seed", paramLabel = "S",
            description = "Seed of the random initialization of theta when no --params is given (default 0).")
    Long seed;

    /** The spec as given: the problem file (if any) overridden by the flags. */
    public ProblemSpec spec() throws IOException {
        return file(Set.of()).spec().overriddenBy(flags());
    }

    /**
     * The problem file with extra keys a subcommand accepts ({@link ProblemFile#extras()}); an empty file when no
     * {@code --problem} was given.
     */
    public ProblemFile file(Set<String> extraKeys) throws IOException {
        return problemFile == null ? new ProblemFile(ProblemSpec.empty(), java.util.Map.of())
                : ProblemFile.read(problemFile, extraKeys);
    }

    /** Only the flags given on the command line. */
    public ProblemSpec flags() {
        if (params != null && seed != null) {
            throw new IllegalArgumentException("both --params and --seed were given; give one: --params FILE to read "
                    + "theta, --seed S to initialize it randomly");
        }
        return new ProblemSpec(model, data, loss, params, seed, l2);
    }

    /** Loads the problem (see {@link Problem#load}). */
    public Problem load() throws IOException {
        return Problem.load(spec());
    }
}
