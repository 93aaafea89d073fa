package org.flowscape.bench;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.flowscape.linalg.Blas;
import org.flowscape.linalg.Inertia;
import org.flowscape.linalg.LinearAlgebra;
import org.flowscape.linalg.Matrix;
import org.flowscape.linalg.SymmetricEigen;
import org.flowscape.linalg.Tolerance;
import org.flowscape.objective.EmpiricalRisk;

/**
 * The quick side-by-side of W1 with its peer ({@code peers/w1_peer.py}), driven by {@code run-w1.sh}: checks that the
 * exported inputs are W1's, checks that our loss, gradient, Hessian and eigenvalues agree with the peer's, times our
 * four operations with 1 BLAS thread and then with N, and prints the comparison table and a verdict per target.
 *
 * <p>Usage: {@code W1Compare WORKDIR [N [REPS_SCALE]]}, where WORKDIR holds {@code data/} (from {@link W1Export}),
 * {@code peer-t1/} and {@code peer-tN/} (the peer's {@code --out} with {@code --threads 1} and {@code N}); N
 * defaults to the number of processors. Exits with status 1 when a check fails.
 */
public final class W1Compare {
    /** Relative tolerance of the agreement checks. */
    static final double AGREEMENT = 1e-10;
    /** Flops credited to one dense Hessian: the Gauss–Newton product alone, 2nP² (n·P² fused multiply-adds). */
    static final String FLOP_NOTE = "GFLOP/s of the Hessian credit the Gauss-Newton product alone, 2nP^2 flops "
            + "(n P^2 FMAs, as a GEMM would do it); NumPy computes J.T @ J with dsyrk (half of that), so its "
            + "fraction can exceed 100%. DGEMM 1000^3 counts 2*10^9.";
    /** Seconds each timing phase (warm-up, timed calls) may take before it is cut short. */
    static final double BUDGET_SECONDS = 15;

    private W1Compare() {
    }

    /** Our values at θ. */
    record Values(double loss, double[] gradient, double[] hessian, double[] eigenvalues) {
    }

    /**
     * Our timings with {@code threads} BLAS threads.
     *
     * @param gemm the DGEMM ceiling probe, 1000 × 1000 × 1000
     */
    record Timings(int threads, Stopwatch.Timing lossGradient, Stopwatch.Timing hessian, Stopwatch.Timing eigenvalues,
            Stopwatch.Timing gemm) {
    }

    /** Runs the comparison; see the class comment for the arguments. */
    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 3) {
            System.err.println("usage: W1Compare WORKDIR [THREADS [REPS_SCALE]]  (WORKDIR holds data/, peer-t1/, "
                    + "peer-tTHREADS/)");
            System.exit(2);
        }
        Path work = Path.of(args[0]);
        int best = args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
        double scale = args.length > 2 ? Double.parseDouble(args[2]) : 1.0;
        boolean ok = run(work, best, scale);
        System.exit(ok ? 0 : 1);
    }

    static boolean run(Path work, int best, double scale) throws IOException {
        W1Problem problem = W1Problem.create();
        boolean ok = checkExport(problem, work.resolve("data"));
        Properties peer1 = readProperties(work.resolve("peer-t1/results.properties"));
        Properties peerN = readProperties(work.resolve("peer-t" + best + "/results.properties"));
        System.out.println("BLAS: " + LinearAlgebra.blas().name() + "; JDK " + System.getProperty("java.version")
                + "; BLAS threads 1, then " + best);
        Values ours = compute(problem);
        ok &= agree(problem, ours, work.resolve("peer-t1"), peer1);
        printSpectrum(ours, peer1);
        Timings t1 = time(problem, 1, scale);
        Timings tn = time(problem, best, scale);
        W1Table table = new W1Table(t1, tn, peer1, peerN, problem.size(), problem.dim());
        table.print(System.out);
        System.out.println(FLOP_NOTE);
        table.printVerdicts(System.out);
        return ok;
    }

    /** Our loss, gradient, Hessian and eigenvalues at θ. */
    static Values compute(W1Problem problem) {
        EmpiricalRisk objective = problem.objective();
        int p = problem.dim();
        double[] gradient = new double[p];
        double loss = objective.valueAndGradient(problem.theta(), gradient);
        double[] hessian = objective.hessian(problem.theta(), new double[p * p]);
        double[] eig = SymmetricEigen.values(new Matrix(p, p, hessian)).values();
        return new Values(loss, gradient, hessian, eig);
    }

    private static boolean checkExport(W1Problem problem, Path data) throws IOException {
        boolean same = Arrays.equals(Float64Files.read(data.resolve("X.bin")), problem.data().inputs().data())
                && Arrays.equals(Float64Files.read(data.resolve("Y.bin")), problem.data().targets().data())
                && Arrays.equals(Float64Files.read(data.resolve("theta.bin")), problem.theta());
        System.out.println("inputs: " + data + (same ? " holds W1's X, Y, theta bit for bit"
                : " does NOT hold W1's X, Y, theta: rerun W1Export"));
        return same;
    }

    private static boolean agree(W1Problem problem, Values ours, Path peerDir, Properties peer) throws IOException {
        int p = problem.dim();
        double peerLoss = Double.parseDouble(peer.getProperty("loss"));
        double[] grad = Float64Files.read(peerDir.resolve("grad.bin"));
        double[] hess = Float64Files.read(peerDir.resolve("hessian.bin"));
        double[] eig = Float64Files.read(peerDir.resolve("eigenvalues.bin"));
        List<Agreement> checks = new ArrayList<>();
        checks.add(Agreement.of("loss", new double[] {ours.loss()}, new double[] {peerLoss}, Math.abs(peerLoss),
                AGREEMENT));
        checks.add(Agreement.of("gradient", ours.gradient(), grad, Agreement.maxAbs(grad), AGREEMENT));
        checks.add(Agreement.of("Hessian", ours.hessian(), hess, Agreement.maxAbs(hess), AGREEMENT));
        checks.add(Agreement.of("eigenvalues", ours.eigenvalues(), eig, Agreement.maxAbs(eig), AGREEMENT));
        System.out.println("agreement with the peer (" + peerDir + "; torch vs hand-derived NumPy Hessian "
                + peer.getProperty("hessian_torch_vs_hand_rel") + "):");
        boolean ok = true;
        for (Agreement a : checks) {
            System.out.println("  " + a.describe(location(problem, a, p)));
            ok &= a.passes();
        }
        return ok;
    }

    private static String location(W1Problem problem, Agreement a, int p) {
        var layout = problem.network().layout();
        return switch (a.what()) {
            case "gradient" -> layout.describe(a.index());
            case "Hessian" -> "(" + layout.describe(a.index() / p) + ", " + layout.describe(a.index() % p) + ")";
            default -> "index " + a.index();
        };
    }

    private static void printSpectrum(Values ours, Properties peer) {
        double[] eig = ours.eigenvalues();
        Inertia inertia = Inertia.of(eig, new Tolerance(0, AGREEMENT));
        System.out.printf(Locale.ROOT, "spectrum at theta: %d negative, %d zero, %d positive (|lambda| <= %.1e "
                + "counts as zero), from %.6f to %.6f; loss %.17g%n", inertia.negative(), inertia.zero(),
                inertia.positive(), inertia.threshold(), eig[0], eig[eig.length - 1], ours.loss());
        System.out.println("  peer: " + peer.getProperty("eig_negative") + " negative, " + peer.getProperty(
                "eig_positive") + " positive, from " + peer.getProperty("eig_min") + " to " + peer.getProperty(
                "eig_max") + "; BENCHMARKS.md's reference draw: 532 negative, 669 positive, -1.146 to 5.562 "
                + "(other seeds, so other counts are expected)");
    }

    /** Times our four operations with {@code threads} BLAS threads; repetition counts are multiplied by scale. */
    static Timings time(W1Problem problem, int threads, double scale) {
        LinearAlgebra.setThreads(threads);
        EmpiricalRisk objective = problem.objective();
        double[][] points = {problem.theta(), problem.nudgedTheta()};
        int p = problem.dim();
        double[] gradient = new double[p];
        double[] hessian = new double[p * p];
        int[] next = {0};
        Stopwatch.Timing lg = Stopwatch.time(() -> objective.valueAndGradient(points[next[0] ^= 1], gradient),
                reps(200, scale), reps(1000, scale), BUDGET_SECONDS);
        Stopwatch.Timing h = Stopwatch.time(() -> objective.hessian(points[next[0] ^= 1], hessian),
                reps(3, scale), reps(15, scale), BUDGET_SECONDS);
        Matrix hm = new Matrix(p, p, objective.hessian(problem.theta(), new double[p * p]));
        Stopwatch.Timing e = Stopwatch.time(() -> SymmetricEigen.values(hm), reps(2, scale), reps(9, scale),
                BUDGET_SECONDS);
        Stopwatch.Timing g = timeGemm(scale);
        return new Timings(threads, lg, h, e, g);
    }

    private static Stopwatch.Timing timeGemm(double scale) {
        GemmProbe probe = new GemmProbe();
        Blas blas = LinearAlgebra.blas();
        return Stopwatch.time(() -> probe.run(blas), reps(2, scale), reps(9, scale), BUDGET_SECONDS);
    }

    private static int reps(int count, double scale) {
        return Math.max(1, (int) Math.round(count * scale));
    }

    private static Properties readProperties(Path file) throws IOException {
        Properties props = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            props.load(r);
        }
        return props;
    }
}
