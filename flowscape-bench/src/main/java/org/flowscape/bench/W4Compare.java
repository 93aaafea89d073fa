package org.flowscape.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.flowscape.analysis.Lanczos;
import org.flowscape.analysis.LanczosConfig;
import org.flowscape.analysis.LanczosResult;
import org.flowscape.linalg.LinearAlgebra;
import org.flowscape.objective.EmpiricalRisk;
import org.flowscape.rng.Seeds;

/**
 * W4 side by side: one Hessian-vector product (median; the primal passes at θ are cached and reused, as in any Lanczos
 * run) and the top-10 eigenvalues by our {@link Lanczos} (full reorthogonalization, stopped when the residual
 * estimates reach 1e-8 of the spectral radius, plus 10 batched products for the true residuals), against
 * {@code peers/w4_peer.py}: torch double-backward HVPs, SciPy {@code eigsh} on a LinearOperator of them, and a plain
 * 100-step Lanczos. Eigenvalues must agree with eigsh's to 1e-8 relative, else exit status 1.
 *
 * <p>Run from the repository root: {@code java -cp flowscape-bench/target/flowscape-bench.jar
 * org.flowscape.bench.W4Compare DIR [threads] [--python PATH]}; {@code run-w4.sh} wraps it (the peer runs first, from
 * the script, so both are timed in one run).
 */
public final class W4Compare {
    /** The agreement required of the eigenvalues, relative. */
    static final double AGREE = 1e-8;
    /** Our Lanczos stops when the top-10 residual estimates reach 1e-8 of the spectral radius, or at this many steps. */
    static final int MAX_STEPS = 400;

    private W4Compare() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: W4Compare export DIR | W4Compare run DIR [threads]");
            System.exit(2);
        }
        Path dir = Path.of(args[1]);
        W4Problem w = W4Problem.create();
        if (args[0].equals("export")) {
            export(w, dir);
            return;
        }
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        LinearAlgebra.setThreads(threads);
        EmpiricalRisk f = w.objective();
        int p = f.dim();
        double[] v = Seeds.gaussian(Seeds.stream(W4Problem.ROOT_SEED, "w4/direction"), 1.0, new double[p]);
        double[] hv = new double[p];
        Stopwatch.Timing hvp = Stopwatch.time(() -> f.hessianVectorProduct(w.theta(), v, hv), 2, 10, 30);
        LanczosConfig config = new LanczosConfig(W4Problem.TOP, 0, MAX_STEPS, LanczosConfig.DEFAULT_RESIDUAL, 1);
        long t0 = System.nanoTime();
        LanczosResult r = Lanczos.extremal(f, w.theta(), config);
        double seconds = (System.nanoTime() - t0) / 1e9;
        double[] ours = r.values().clone();
        Arrays.sort(ours);
        System.out.printf(Locale.ROOT, "W4 flowscape: java %s, blas %s, %d thread(s); P = %d%n",
                System.getProperty("java.version"), LinearAlgebra.blas().name(), threads, p);
        System.out.printf(Locale.ROOT, "  one HVP: %.1f ms (median of %d)%n", hvp.medianMs(), hvp.reps());
        System.out.printf(Locale.ROOT, "  Lanczos top-%d: %.2f s, %d steps + %d residual HVPs, status %s, max residual"
                + " %.2e%n", W4Problem.TOP, seconds, r.iterations(), W4Problem.TOP, r.status(), max(r.residuals()));
        double[] peer = Float64Files.read(dir.resolve("peer/eigsh.bin"));
        Arrays.sort(peer);
        double worst = 0;
        for (int i = 0; i < W4Problem.TOP; i++) {
            double ref = peer[peer.length - W4Problem.TOP + i];
            worst = Math.max(worst, Math.abs(ours[i] - ref) / Math.abs(ref));
        }
        System.out.printf(Locale.ROOT, "  top eigenvalues (ours): %s%n", Arrays.toString(ours));
        System.out.printf(Locale.ROOT, "  agreement with eigsh: max relative difference %.2e (needed <= %.0e)%n",
                worst, AGREE);
        Files.writeString(dir.resolve("ours.txt"), String.format(Locale.ROOT,
                "hvp_ms %.3f%nlanczos_s %.3f%nsteps %d%n", hvp.medianMs(), seconds, r.iterations()),
                StandardCharsets.UTF_8);
        System.exit(worst <= AGREE ? 0 : 1);
    }

    private static double max(double[] x) {
        double m = 0;
        for (double d : x) {
            m = Math.max(m, d);
        }
        return m;
    }

    /** Writes X.bin, Y.bin, theta.bin (raw little-endian float64, row-major) and w4.json to {@code dir}. */
    static void export(W4Problem w, Path dir) throws IOException {
        Files.createDirectories(dir);
        Float64Files.write(dir.resolve("X.bin"), w.data().inputs().data());
        Float64Files.write(dir.resolve("Y.bin"), w.data().targets().data());
        Float64Files.write(dir.resolve("theta.bin"), w.theta());
        Files.writeString(dir.resolve("w4.json"), String.format(Locale.ROOT,
                "{\"workload\": \"W4\", \"model\": \"%s\", \"loss\": \"mse\", \"seed\": %d, \"n\": %d, "
                + "\"widths\": [100, 512, 512, 10], \"P\": %d, \"top\": %d, \"dtype\": \"<f8\", "
                + "\"layout\": \"per layer W (out x in, row-major) then b\"}%n", W4Problem.MODEL,
                W4Problem.ROOT_SEED, W4Problem.SAMPLES, w.network().parameterCount(), W4Problem.TOP),
                StandardCharsets.UTF_8);
    }
}
