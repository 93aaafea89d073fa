package org.flowscape.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.flowscape.data.Dataset;
import org.flowscape.data.Datasets;
import org.flowscape.geometry.basins.ReluNet;

/**
 * W3 (docs/BENCHMARKS.md): two-layer bias-free ReLU Σ_j v_j[w_j·x]_+, n = 50, d = 5, targets from a bias-free
 * ReLU teacher of width 2 ({@code teacher:n=50,d=5,width=2,act=relu}: its biases are zero), widths 1, 2, 4, 8, 16,
 * 32 × 200 starts (w ~ N(0, I/d), v ~ N(0, 1/k), {@link ReluNet#initialization} of root seed {@link #SEED}), 5000
 * full-batch GD steps at η = 0.05 on L = 1/(2n)Σ(f(x) − y)², relu'(0) = 0.
 *
 * <p>Files (raw little-endian float64, {@link Float64Files}): {@code X.bin} (n × d), {@code Y.bin} (n),
 * {@code W_k.bin} (inits × k × d) and {@code v_k.bin} (inits × k) per width, and {@code w3.json}.
 */
public final class W3Workload {
    static final long SEED = 20261123L;
    static final int[] WIDTHS = {1, 2, 4, 8, 16, 32};
    static final int INITS = 200;
    static final int STEPS = 5000;
    static final double ETA = 0.05;
    static final String DATA = "teacher:n=50,d=5,width=2,act=relu,seed=" + SEED;

    private W3Workload() {
    }

    static Dataset data() {
        return Datasets.parse(DATA);
    }

    static ReluNet start(int k, int init) {
        return ReluNet.initialization(5, k, SEED, init);
    }

    /** Writes the workload to {@code dir} (created). */
    static void export(Path dir, int inits, int steps) throws IOException {
        Files.createDirectories(dir);
        Dataset data = data();
        Float64Files.write(dir.resolve("X.bin"), data.inputs().data());
        Float64Files.write(dir.resolve("Y.bin"), data.targets().data());
        for (int k : WIDTHS) {
            double[] w = new double[inits * k * 5];
            double[] v = new double[inits * k];
            for (int i = 0; i < inits; i++) {
                ReluNet net = start(k, i);
                System.arraycopy(net.w(), 0, w, i * k * 5, k * 5);
                System.arraycopy(net.v(), 0, v, i * k, k);
            }
            Float64Files.write(dir.resolve("W_" + k + ".bin"), w);
            Float64Files.write(dir.resolve("v_" + k + ".bin"), v);
        }
        StringBuilder widths = new StringBuilder();
        for (int k : WIDTHS) {
            widths.append(widths.length() == 0 ? "" : ", ").append(k);
        }
        Files.writeString(dir.resolve("w3.json"), String.format(Locale.ROOT,
                "{\"workload\": \"W3\", \"data\": \"%s\", \"n\": %d, \"d\": 5, \"widths\": [%s], \"inits\": %d,"
                        + " \"steps\": %d, \"eta\": %s, \"loss\": \"1/(2n) sum (f - y)^2\", \"seed\": %d}%n",
                DATA, data.size(), widths, inits, steps, ETA, SEED), StandardCharsets.UTF_8);
    }
}
