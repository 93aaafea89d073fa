package org.flowscape.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.flowscape.data.Dataset;
import org.flowscape.geometry.basins.BasinSolver;
import org.flowscape.geometry.basins.BasinValue;
import org.flowscape.geometry.basins.ReluDescent;
import org.flowscape.geometry.basins.ReluNet;

/**
 * W3 side by side ({@code run-w3.sh}): {@code export DIR [inits] [steps]} writes the workload ({@link W3Workload});
 * {@code compare DIR threads [inits] [steps] [basinInits]} trains every start with the fused batched kernel
 * ({@link ReluDescent}) on 1 thread and on {@code threads} threads, checks the final losses against the peer's
 * ({@code DIR/peer/final_K.bin} from {@code peers/w3_peer.py}) to 1e-9, prints per width the fraction of runs with
 * final loss &lt; 1e-3 beside the reference fractions, the timings against the peer's ({@code DIR/peer/times.txt}),
 * and the basin values of the first {@code basinInits} starts of each width (with their KKT certificates).
 */
public final class W3Compare {
    static final double[] REFERENCE = {0, 0.61, 0.88, 0.885, 0.99, 1.0};
    static final double AGREE = 1e-9;

    private W3Compare() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: W3Compare export DIR [inits] [steps] | compare DIR threads [inits] [steps] "
                    + "[basinInits]");
            System.exit(2);
        }
        Path dir = Path.of(args[1]);
        if (args[0].equals("export")) {
            W3Workload.export(dir, arg(args, 2, W3Workload.INITS), arg(args, 3, W3Workload.STEPS));
            return;
        }
        int threads = arg(args, 2, 1);
        int inits = arg(args, 3, W3Workload.INITS);
        int steps = arg(args, 4, W3Workload.STEPS);
        int basinInits = arg(args, 5, 20);
        Dataset data = W3Workload.data();
        train(data, 1, inits, Math.max(1, steps / 10)); // JIT warm-up
        long t0 = System.nanoTime();
        double[][] one = train(data, 1, inits, steps);
        double s1 = (System.nanoTime() - t0) / 1e9;
        long t1 = System.nanoTime();
        double[][] many = train(data, threads, inits, steps);
        double sn = (System.nanoTime() - t1) / 1e9;
        boolean identical = true;
        for (int w = 0; w < one.length; w++) {
            identical &= java.util.Arrays.equals(one[w], many[w]);
        }
        int runs = inits * W3Workload.WIDTHS.length;
        System.out.printf(Locale.ROOT, "flowscape fused GD: 1 thread %.3f s (%.1f us per start), %d threads %.3f s "
                + "(%.1f us per start); results bit-identical across thread counts: %s%n", s1, 1e6 * s1 / runs,
                threads, sn, 1e6 * sn / runs, identical);
        Path peer = dir.resolve("peer");
        boolean agree = true;
        System.out.println(" width  P[final < 1e-3] (ours)  reference  max|ours - peer|  disagreeing starts");
        for (int w = 0; w < W3Workload.WIDTHS.length; w++) {
            int k = W3Workload.WIDTHS[w];
            double frac = 0;
            for (double l : one[w]) {
                frac += l < 1e-3 ? 1.0 / inits : 0;
            }
            String cmp = "(no peer file)";
            Path file = peer.resolve("final_" + k + ".bin");
            if (Files.exists(file)) {
                double[] p = Float64Files.read(file);
                double max = 0;
                int bad = 0;
                for (int i = 0; i < inits; i++) {
                    double diff = Math.abs(one[w][i] - p[i]);
                    max = Math.max(max, diff);
                    bad += diff > AGREE || Double.isNaN(diff) ? 1 : 0;
                }
                agree &= bad == 0;
                cmp = String.format(Locale.ROOT, "%.2e  %d", max, bad);
            }
            System.out.printf(Locale.ROOT, "%6d  %22.3f  %9.3f  %s%n", k, frac, REFERENCE[w], cmp);
        }
        System.out.println("final losses agree with the peer to " + AGREE + ": " + agree);
        Path times = peer.resolve("times.txt");
        if (Files.exists(times)) {
            for (String line : Files.readAllLines(times)) {
                String[] f = line.trim().split("\\s+");
                double secs = Double.parseDouble(f[1]);
                System.out.printf(Locale.ROOT, "peer %-24s %.3f s  -> peer / flowscape: %.1fx (1 thread), %.1fx "
                        + "(%d threads)%n", f[0], secs, secs / s1, secs / sn, threads);
            }
        }
        basins(data, inits, basinInits, one);
    }

    /** The final losses, per width then start, of {@code steps} GD steps on {@code threads} threads. */
    static double[][] train(Dataset data, int threads, int inits, int steps) throws Exception {
        double scale = 0.5 / data.size();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            double[][] out = new double[W3Workload.WIDTHS.length][inits];
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < W3Workload.WIDTHS.length; w++) {
                int k = W3Workload.WIDTHS[w];
                int batch = ReluDescent.defaultBatch(k);
                double[] dest = out[w];
                for (int from = 0; from < inits; from += batch) {
                    int start = from;
                    int to = Math.min(inits, from + batch);
                    futures.add(pool.submit(() -> {
                        ReluDescent gd = new ReluDescent(data.inputs().data(), data.targets().data(), 5, k,
                                to - start, scale);
                        for (int i = start; i < to; i++) {
                            gd.load(i - start, W3Workload.start(k, i));
                        }
                        double[] losses = new double[to - start];
                        gd.run(W3Workload.ETA, steps, losses);
                        System.arraycopy(losses, 0, dest, start, to - start);
                    }));
                }
            }
            for (Future<?> f : futures) {
                f.get();
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void basins(Dataset data, int inits, int basinInits, double[][] finals) {
        int count = Math.min(inits, basinInits);
        if (count <= 0) {
            return;
        }
        BasinSolver solver = new BasinSolver(1e-9);
        System.out.println(" width  starts  certified  max gap   P[Bas < 1e-3]  P[final < 1e-3]  mean Bas  mean final"
                + "  seconds");
        for (int w = 0; w < W3Workload.WIDTHS.length; w++) {
            int k = W3Workload.WIDTHS[w];
            long t0 = System.nanoTime();
            int certified = 0;
            double maxGap = 0;
            double good = 0;
            double trainedGood = 0;
            double meanBas = 0;
            double meanFinal = 0;
            for (int i = 0; i < count; i++) {
                ReluNet net = W3Workload.start(k, i);
                BasinValue b = solver.solve(net, data.inputs(), data.targets(), 0.5 / data.size());
                certified += b.certificate().certified() ? 1 : 0;
                maxGap = Math.max(maxGap, b.certificate().gap());
                good += b.value() < 1e-3 ? 1.0 / count : 0;
                trainedGood += finals[w][i] < 1e-3 ? 1.0 / count : 0;
                meanBas += b.value() / count;
                meanFinal += finals[w][i] / count;
            }
            System.out.printf(Locale.ROOT, "%6d  %6d  %9d  %.1e  %13.3f  %15.3f  %.2e  %.2e  %.1f%n", k, count,
                    certified, maxGap, good, trainedGood, meanBas, meanFinal, (System.nanoTime() - t0) / 1e9);
        }
    }

    private static int arg(String[] args, int i, int fallback) {
        return args.length > i ? Integer.parseInt(args[i]) : fallback;
    }
}
