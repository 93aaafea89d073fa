package org.flowscape.bench;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Properties;
import java.util.function.Function;

/**
 * The W1 comparison table (Markdown) and the verdict per target of {@code docs/BENCHMARKS.md}, from our timings and
 * the peer's {@code results.properties} at 1 and N threads. Ratios are peer time / our time (above 1: we are faster).
 */
final class W1Table {
    private static final double GEMM_FLOPS = GemmProbe.FLOPS;

    private final W1Compare.Timings ours1;
    private final W1Compare.Timings oursN;
    private final Properties peer1;
    private final Properties peerN;
    private final double hessianFlops;

    /** One compared operation: how to read our time and the peer's, and the flops credited (0: none). */
    private record Op(String name, Function<W1Compare.Timings, Stopwatch.Timing> ours, String peerName,
            String peerKey, double flops) {
    }

    W1Table(W1Compare.Timings ours1, W1Compare.Timings oursN, Properties peer1, Properties peerN, int n, int p) {
        this.ours1 = ours1;
        this.oursN = oursN;
        this.peer1 = peer1;
        this.peerN = peerN;
        this.hessianFlops = 2.0 * n * (double) p * p;
    }

    private Op[] ops() {
        return new Op[] {
            new Op("loss + gradient", W1Compare.Timings::lossGradient, "torch autograd", "loss_grad_torch_ms", 0),
            new Op("dense Hessian", W1Compare.Timings::hessian, "torch functional.hessian", "hessian_torch_ms",
                    hessianFlops),
            new Op("dense Hessian", W1Compare.Timings::hessian, "NumPy hand-derived GN+residual",
                    "hessian_hand_numpy_ms", hessianFlops),
            new Op("eigenvalues (all)", W1Compare.Timings::eigenvalues, "NumPy eigvalsh", "eigvalsh_numpy_ms", 0),
            new Op("DGEMM 1000^3 ceiling", W1Compare.Timings::gemm, "NumPy A @ B", "dgemm1000_numpy_ms", GEMM_FLOPS),
        };
    }

    /** Prints the table: 1 thread against 1, N against N, and each side's best against the other's best. */
    void print(PrintStream out) {
        out.println();
        out.println("| threads | operation | Flowscape ms (reps) | peer | peer ms (reps) | peer/Flowscape | Flowscape "
                + "GFLOP/s (% of its DGEMM) | peer GFLOP/s (% of its DGEMM) |");
        out.println("| --- | --- | ---: | --- | ---: | ---: | ---: | ---: |");
        for (Op op : ops()) {
            row(out, Integer.toString(ours1.threads()), op, ours1, peer1);
        }
        for (Op op : ops()) {
            row(out, Integer.toString(oursN.threads()), op, oursN, peerN);
        }
        for (Op op : ops()) {
            int ourBest = bestThreads(op);
            W1Compare.Timings ours = ourBest == ours1.threads() ? ours1 : oursN;
            Properties peer = bestPeer(op);
            row(out, "best (" + ourBest + " / " + peer.getProperty("threads") + ")", op, ours, peer);
        }
        out.println();
    }

    private void row(PrintStream out, String threads, Op op, W1Compare.Timings ours, Properties peer) {
        Stopwatch.Timing t = op.ours().apply(ours);
        double peerMs = peerMs(peer, op.peerKey());
        String peerReps = peer.getProperty(op.peerKey().replace("_ms", "_reps"), "?");
        String oursRate = op.flops() > 0 ? rate(op.flops(), ms(t), ms(ours.gemm())) : "";
        String peerRate = op.flops() > 0 ? rate(op.flops(), peerMs, peerMs(peer, "dgemm1000_numpy_ms")) : "";
        out.printf(Locale.ROOT, "| %s | %s | %.3f (%d) | %s | %.3f (%s) | %.2f | %s | %s |%n", threads, op.name(),
                ms(t), t.reps(), op.peerName(), peerMs, peerReps, peerMs / ms(t), oursRate, peerRate);
    }

    private static String rate(double flops, double ms, double gemmMs) {
        double gflops = flops / (ms * 1e6);
        double ceiling = GEMM_FLOPS / (gemmMs * 1e6);
        return String.format(Locale.ROOT, "%.1f (%.0f%%)", gflops, 100 * gflops / ceiling);
    }

    /** Prints one verdict line per target: the measured ratio, the target and PASS or FAIL. */
    void printVerdicts(PrintStream out) {
        Op[] ops = ops();
        out.println("verdicts (1 thread vs 1 thread; best vs best):");
        verdict(out, "loss+gradient >= 5x faster than torch autograd", ops[0], 5.0);
        verdict(out, "dense Hessian faster than the hand-derived NumPy Hessian", ops[2], 1.0);
        verdict(out, "dense Hessian >= 40x faster than torch functional.hessian", ops[1], 40.0);
        double gflops = hessianFlops / (ms(ours1.hessian()) * 1e6);
        double ceiling = GEMM_FLOPS / (ms(ours1.gemm()) * 1e6);
        double fraction = gflops / ceiling;
        out.printf(Locale.ROOT, "  %-60s %.0f%% of %.1f GFLOP/s (target >= 80%%): %s%n",
                "dense Hessian, 1 thread, fraction of one-core DGEMM", 100 * fraction, ceiling,
                fraction >= 0.8 ? "PASS" : "FAIL");
        verdict(out, "eigenvalues within 10% of NumPy eigvalsh", ops[3], 1 / 1.1);
    }

    private void verdict(PrintStream out, String target, Op op, double minRatio) {
        double r1 = peerMs(peer1, op.peerKey()) / ms(op.ours().apply(ours1));
        double rb = peerMs(bestPeer(op), op.peerKey()) / ms(op.ours().apply(bestThreads(op) == ours1.threads()
                ? ours1 : oursN));
        out.printf(Locale.ROOT, "  %-60s %.2fx; %.2fx (target >= %.2fx): %s; %s%n", target, r1, rb, minRatio,
                r1 >= minRatio ? "PASS" : "FAIL", rb >= minRatio ? "PASS" : "FAIL");
    }

    private int bestThreads(Op op) {
        return ms(op.ours().apply(ours1)) <= ms(op.ours().apply(oursN)) ? ours1.threads() : oursN.threads();
    }

    private Properties bestPeer(Op op) {
        return peerMs(peer1, op.peerKey()) <= peerMs(peerN, op.peerKey()) ? peer1 : peerN;
    }

    private static double ms(Stopwatch.Timing t) {
        return t.medianMs();
    }

    private static double peerMs(Properties peer, String key) {
        String v = peer.getProperty(key);
        if (v == null) {
            throw new IllegalArgumentException("the peer's results.properties has no " + key
                    + "; rerun peers/w1_peer.py");
        }
        return Double.parseDouble(v);
    }
}
