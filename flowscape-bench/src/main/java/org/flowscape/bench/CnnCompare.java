package org.flowscape.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import org.flowscape.linalg.LinearAlgebra;
import org.flowscape.objective.ModelObjective;

/**
 * The CNN side by side ({@link CnnProblem}) with {@code peers/cnn_peer.py} (PyTorch float64, the same θ, X, Y and v):
 * checks that our loss, gradient, H·v and dense Hessian agree with torch's to {@link #AGREEMENT} relative (of the
 * largest |peer| entry), then times loss+gradient (alternating two θ so that no cached pass is reused), one H·v (the
 * primal passes at θ cached, as the peer's retained graph) and the dense Hessian, and prints the ratios.
 *
 * <p>Usage from the repository root: {@code CnnCompare export DIR}, then the peer, then {@code CnnCompare run DIR
 * [THREADS [REPS_SCALE]]}; {@code run-cnn.sh} runs all three. Exits with status 1 when a check fails.
 */
public final class CnnCompare {
    /** Relative tolerance of the agreement checks. */
    static final double AGREEMENT = 1e-10;
    /** Seconds each timing phase may take before it is cut short. */
    static final double BUDGET_SECONDS = 20;

    private CnnCompare() {
    }

    /** See the class comment. */
    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: CnnCompare export DIR | CnnCompare run DIR [THREADS [REPS_SCALE]]");
            System.exit(2);
        }
        Path dir = Path.of(args[1]);
        CnnProblem w = CnnProblem.create();
        if (args[0].equals("export")) {
            export(w, dir);
            return;
        }
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        double scale = args.length > 3 ? Double.parseDouble(args[3]) : 1.0;
        LinearAlgebra.setThreads(threads);
        System.exit(run(w, dir, threads, scale) ? 0 : 1);
    }

    static boolean run(CnnProblem w, Path dir, int threads, double scale) throws IOException {
        ModelObjective f = w.objective();
        int p = f.dim();
        double[] grad = new double[p];
        double loss = f.valueAndGradient(w.theta(), grad);
        double[] hv = new double[p];
        f.hessianVectorProduct(w.theta(), w.direction(), hv);
        double[] hessian = f.hessian(w.theta(), new double[p * p]);
        Path peer = dir.resolve("peer");
        boolean ok = true;
        ok &= report(Agreement.of("loss", new double[] {loss}, Float64Files.read(peer.resolve("loss.bin")),
                Math.abs(loss), AGREEMENT));
        ok &= report(agree("gradient", grad, Float64Files.read(peer.resolve("grad.bin"))));
        ok &= report(agree("H v", hv, Float64Files.read(peer.resolve("hvp.bin"))));
        ok &= report(agree("Hessian", hessian, Float64Files.read(peer.resolve("hessian.bin"))));

        double[] other = w.theta().clone();
        other[0] += 1e-3;
        double[][] thetas = {w.theta(), other};
        int[] flip = {0};
        Stopwatch.Timing lg = Stopwatch.time(() -> f.valueAndGradient(thetas[flip[0]++ & 1], grad), 3,
                reps(20, scale), BUDGET_SECONDS);
        f.valueAndGradient(w.theta(), grad);
        Stopwatch.Timing hvp = Stopwatch.time(() -> f.hessianVectorProduct(w.theta(), w.direction(), hv), 3,
                reps(20, scale), BUDGET_SECONDS);
        double[] h = new double[p * p];
        Stopwatch.Timing dense = Stopwatch.time(() -> f.hessian(w.theta(), h), 1, reps(3, scale), BUDGET_SECONDS);
        Properties t = new Properties();
        try (var in = Files.newBufferedReader(peer.resolve("timings.properties"), StandardCharsets.UTF_8)) {
            t.load(in);
        }
        System.out.printf(Locale.ROOT, "CNN flowscape: %s, P = %d, n = %d; java %s, blas %s, %d thread(s)%n",
                CnnProblem.MODEL, p, CnnProblem.SAMPLES, System.getProperty("java.version"),
                LinearAlgebra.blas().name(), threads);
        System.out.println("| operation | flowscape ms (median, reps) | PyTorch ms (median, reps) | PyTorch / flowscape |");
        System.out.println("| --- | --- | --- | --- |");
        row("loss + gradient", lg, t, "loss_grad");
        row("one H v", hvp, t, "hvp");
        row("dense Hessian", dense, t, "hessian");
        return ok;
    }

    private static int reps(int base, double scale) {
        return Math.max(1, (int) Math.round(base * scale));
    }

    private static Agreement agree(String what, double[] ours, double[] peer) {
        return Agreement.of(what, ours, peer, Math.max(Agreement.maxAbs(peer), Double.MIN_NORMAL), AGREEMENT);
    }

    private static boolean report(Agreement a) {
        System.out.println(a.describe("index " + a.index()));
        return a.passes();
    }

    private static void row(String what, Stopwatch.Timing ours, Properties peer, String key) {
        double theirs = Double.parseDouble(peer.getProperty(key + "_ms"));
        System.out.printf(Locale.ROOT, "| %s | %.2f (%d) | %.2f (%s) | %.2f |%n", what, ours.medianMs(), ours.reps(),
                theirs, peer.getProperty(key + "_reps"), theirs / ours.medianMs());
    }

    /** Writes X.bin, Y.bin, theta.bin, v.bin (raw little-endian float64, row-major) and cnn.json to {@code dir}. */
    static void export(CnnProblem w, Path dir) throws IOException {
        Files.createDirectories(dir);
        Float64Files.write(dir.resolve("X.bin"), w.data().inputs().data());
        Float64Files.write(dir.resolve("Y.bin"), w.data().targets().data());
        Float64Files.write(dir.resolve("theta.bin"), w.theta());
        Float64Files.write(dir.resolve("v.bin"), w.direction());
        Files.writeString(dir.resolve("cnn.json"), String.format(Locale.ROOT,
                "{\"model\": \"%s\", \"loss\": \"mse\", \"seed\": %d, \"n\": %d, \"P\": %d, \"dtype\": \"<f8\", "
                + "\"layout\": \"conv weight 8x1x3x3, conv bias 8, dense weight 1x512, dense bias 1\"}%n",
                CnnProblem.MODEL, CnnProblem.ROOT_SEED, CnnProblem.SAMPLES, w.model().parameterCount()),
                StandardCharsets.UTF_8);
    }
}
