package org.flowscape.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes W1's inputs to a directory so that the Python peer computes on identical bits: {@code X.bin} (n × d),
 * {@code Y.bin} (n × 1), {@code theta.bin} (P), all raw little-endian float64 row-major ({@link Float64Files}), and
 * {@code w1.json} with the shapes, the model, the loss and the seed.
 *
 * <p>Usage: {@code java -cp flowscape-bench.jar org.flowscape.bench.W1Export DIR}
 */
public final class W1Export {
    private W1Export() {
    }

    /** Exports W1 to the directory {@code args[0]} (created if missing). */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: W1Export DIR  (writes X.bin, Y.bin, theta.bin, w1.json)");
            System.exit(2);
        }
        export(W1Problem.create(), Path.of(args[0]));
    }

    /** Writes {@code problem} to {@code dir} (created if missing; existing files replaced). */
    public static void export(W1Problem problem, Path dir) throws IOException {
        Files.createDirectories(dir);
        Float64Files.write(dir.resolve("X.bin"), problem.data().inputs().data());
        Float64Files.write(dir.resolve("Y.bin"), problem.data().targets().data());
        Float64Files.write(dir.resolve("theta.bin"), problem.theta());
        Files.writeString(dir.resolve("w1.json"), json(problem), StandardCharsets.UTF_8);
    }

    static String json(W1Problem problem) {
        int n = problem.size();
        return String.format(Locale.ROOT, "{%n"
                + "  \"workload\": \"W1\",%n"
                + "  \"model\": \"%s\",%n"
                + "  \"loss\": \"%s\",%n"
                + "  \"teacher\": \"%s\",%n"
                + "  \"noise\": %s,%n"
                + "  \"seed\": %d,%n"
                + "  \"n\": %d, \"d\": %d, \"k\": %d, \"hidden\": %d, \"P\": %d,%n"
                + "  \"layout\": \"theta = [W1 (hidden x d, row-major), b1 (hidden), W2 (k x hidden), b2 (k)]\",%n"
                + "  \"files\": {\"X\": [\"X.bin\", [%d, %d]], \"Y\": [\"Y.bin\", [%d, %d]], "
                + "\"theta\": [\"theta.bin\", [%d]]},%n"
                + "  \"dtype\": \"<f8\"%n"
                + "}%n",
                W1Problem.MODEL, W1Problem.LOSS, W1Problem.TEACHER, W1Problem.NOISE, W1Problem.ROOT_SEED,
                n, problem.data().inputDim(), problem.network().outputDim(),
                problem.network().layers().get(0).outputs(), problem.dim(),
                n, problem.data().inputDim(), n, problem.data().targetDim(), problem.dim());
    }
}
