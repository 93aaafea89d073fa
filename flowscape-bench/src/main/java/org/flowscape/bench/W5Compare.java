package org.flowscape.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flowscape.analysis.DenseSpectrum;
import org.flowscape.analysis.PolishConfig;
import org.flowscape.analysis.PolishMethod;
import org.flowscape.analysis.PolishResult;
import org.flowscape.analysis.PolishStep;
import org.flowscape.analysis.Polisher;
import org.flowscape.linalg.LinearAlgebra;
import org.flowscape.objective.EmpiricalRisk;

/**
 * W5 side by side: polishing W1's network after 2000 GD steps ({@link W5Problem}) to ‖∇L‖ ≤ 1e-12 with our
 * {@link PolishMethod#GAUSS_NEWTON} (and, with {@code --newton}, our trust-region {@link PolishMethod#NEWTON})
 * against {@code peers/w5_peer.py} (Levenberg-damped Newton with the exact Hessian, NumPy/SciPy) from the same start
 * bits. Prints iterations, ms per iteration and the total for both, the end points' losses, gradient norms and Hessian
 * inertia (eigenvalues within 1e-8 of the spectral radius count as zero; not timed), and the speed-up. Exit status 1
 * when either side fails to reach the tolerance or the end points are of different classes (an interpolating minimum,
 * L ≤ 1e-20, with no negative eigenvalue, on both sides).
 *
 * <p>Run from the repository root: {@code java -cp flowscape-bench/target/flowscape-bench.jar
 * org.flowscape.bench.W5Compare DIR [threads] [--newton] [--python PATH]}; {@code run-w5.sh} wraps it.
 */
public final class W5Compare {
    /** An end point with L at or below this is interpolating (the residuals vanish to round-off). */
    static final double INTERPOLATING = 1e-20;

    private W5Compare() {
    }

    /** The outcome of one polish: the result, its wall time, the inertia (negative, zero, positive). */
    record Run(String name, PolishResult result, double seconds, int[] inertia) {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: W5Compare DIR [threads] [--newton] [--python PATH]");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        int threads = args.length > 1 && !args[1].startsWith("--") ? Integer.parseInt(args[1]) : 1;
        boolean newton = java.util.Arrays.asList(args).contains("--newton");
        int py = java.util.Arrays.asList(args).indexOf("--python");
        String python = py >= 0 ? args[py + 1] : "/usr/bin/python3";
        LinearAlgebra.setThreads(threads);
        long t0 = System.nanoTime();
        W5Problem w = W5Problem.create();
        System.out.printf(Locale.ROOT, "W5: %s on W1's data after %d GD steps at eta = %s (%.1f s); java %s, blas %s,"
                + " %d thread(s)%n", W1Problem.MODEL, W5Problem.GD_STEPS, W5Problem.LEARNING_RATE,
                (System.nanoTime() - t0) / 1e9, System.getProperty("java.version"), LinearAlgebra.blas().name(),
                threads);
        export(w, dir);
        EmpiricalRisk f = w.objective();
        double[] g = new double[f.dim()];
        double l0 = f.valueAndGradient(w.start(), g);
        System.out.printf(Locale.ROOT, "start: L = %.4e, |grad| = %.4e, inertia %s%n", l0,
                org.flowscape.linalg.Vectors.norm2(g), inertiaText(inertia(f, w.start())));
        polish(f, w.start(), PolishMethod.GAUSS_NEWTON); // JIT warm-up, not reported
        Run ours = polish(f, w.start(), PolishMethod.GAUSS_NEWTON);
        report(ours);
        boolean ok = sameClass(ours);
        if (newton) {
            Run tr = polish(f, w.start(), PolishMethod.NEWTON);
            report(tr);
            ok &= sameClass(tr);
        }
        String peer = runPeer(python, dir, threads);
        double peerSeconds = field(peer, "seconds");
        int peerIterations = (int) field(peer, "iterations");
        System.out.printf(Locale.ROOT, "  %-28s %5d iterations (%d Hessians), %8.2f ms/iteration, %8.3f s, L = %.3e,"
                + " |grad| = %.3e, inertia %d/%d/%d%n", "peer LM-damped Newton", peerIterations,
                (int) field(peer, "hessians"), field(peer, "ms_per_iteration"), peerSeconds, field(peer, "loss"),
                field(peer, "gradient_norm"), (int) field(peer, "negative"), (int) field(peer, "zero"),
                (int) field(peer, "positive"));
        boolean peerOk = field(peer, "gradient_norm") <= W5Problem.GRADIENT_TOLERANCE
                && field(peer, "loss") <= INTERPOLATING && field(peer, "negative") == 0;
        System.out.printf(Locale.ROOT, "speed-up end to end (peer / ours, Gauss-Newton): %.1fx%n",
                peerSeconds / ours.seconds());
        System.out.printf(Locale.ROOT, "same class (both interpolating minima, |grad| <= %.0e, no negative"
                + " eigenvalue): %s%n", W5Problem.GRADIENT_TOLERANCE, ok && peerOk ? "yes" : "NO");
        System.exit(ok && peerOk ? 0 : 1);
    }

    static Run polish(EmpiricalRisk f, double[] start, PolishMethod method) {
        PolishConfig config = new PolishConfig(method, W5Problem.GRADIENT_TOLERANCE, 2000, 1.0, 1e6);
        long t0 = System.nanoTime();
        PolishResult r = Polisher.polish(f, start, config);
        double s = (System.nanoTime() - t0) / 1e9;
        return new Run(method == PolishMethod.GAUSS_NEWTON ? "ours Gauss-Newton/Newton" : "ours trust-region Newton",
                r, s, r.converged() ? inertia(f, r.theta()) : new int[] {-1, -1, -1});
    }

    static int[] inertia(EmpiricalRisk f, double[] theta) {
        DenseSpectrum d = DenseSpectrum.of(f, theta, DenseSpectrum.DEFAULT_TOLERANCE);
        return new int[] {d.inertia().negative(), d.inertia().zero(), d.inertia().positive()};
    }

    static String inertiaText(int[] i) {
        return i[0] + " negative / " + i[1] + " zero / " + i[2] + " positive";
    }

    static boolean sameClass(Run run) {
        PolishResult r = run.result();
        return r.converged() && r.value() <= INTERPOLATING && run.inertia()[0] == 0;
    }

    static void report(Run run) {
        PolishResult r = run.result();
        long accepted = r.history().stream().filter(PolishStep::accepted).count();
        System.out.printf(Locale.ROOT, "  %-28s %5d iterations (%d accepted), %8.2f ms/iteration, %8.3f s, L = %.3e,"
                + " |grad| = %.3e, inertia %d/%d/%d, %s%n", run.name(), r.iterations(), accepted,
                1e3 * run.seconds() / Math.max(1, r.iterations()), run.seconds(), r.value(), r.gradientNorm(),
                run.inertia()[0], run.inertia()[1], run.inertia()[2], r.status());
    }

    /** Writes X.bin, Y.bin, start.bin (raw little-endian float64) and w5.json to {@code dir}. */
    static void export(W5Problem w, Path dir) throws IOException {
        Files.createDirectories(dir);
        W1Problem p = w.w1();
        Float64Files.write(dir.resolve("X.bin"), p.data().inputs().data());
        Float64Files.write(dir.resolve("Y.bin"), p.data().targets().data());
        Float64Files.write(dir.resolve("start.bin"), w.start());
        Files.writeString(dir.resolve("w5.json"), String.format(Locale.ROOT,
                "{\"workload\": \"W5\", \"model\": \"%s\", \"loss\": \"%s\", \"seed\": %d, \"gd_steps\": %d, "
                + "\"learning_rate\": %s, \"n\": %d, \"d\": %d, \"hidden\": %d, \"P\": %d, \"dtype\": \"<f8\"}%n",
                W1Problem.MODEL, W1Problem.LOSS, W1Problem.ROOT_SEED, W5Problem.GD_STEPS, W5Problem.LEARNING_RATE,
                p.size(), p.data().inputDim(), p.network().layers().get(0).outputs(), p.dim()),
                StandardCharsets.UTF_8);
    }

    static String runPeer(String python, Path dir, int threads) throws IOException, InterruptedException {
        Process proc = new ProcessBuilder(python, "flowscape-bench/peers/w5_peer.py", "--data", dir.toString(),
                "--out", dir.resolve("peer").toString(), "--threads", Integer.toString(threads))
                .redirectErrorStream(true).start();
        StringBuilder out = new StringBuilder();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(proc.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                out.append(line).append('\n');
            }
        }
        if (proc.waitFor() != 0) {
            throw new IOException("the W5 peer failed:\n" + out);
        }
        return out.toString();
    }

    /** A numeric field of the peer's one-line JSON. */
    static double field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\": (-?[0-9.eE+-]+|true|false)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("the peer's output has no field " + name + ":\n" + json);
        }
        String v = m.group(1);
        return v.equals("true") ? 1 : v.equals("false") ? 0 : Double.parseDouble(v);
    }
}
