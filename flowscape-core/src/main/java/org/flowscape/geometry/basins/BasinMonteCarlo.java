package org.flowscape.geometry.basins;

import org.flowscape.internal.MemoryBudget;
import java.util.ArrayList;
import java.util.function.BooleanSupplier;
import org.flowscape.internal.Cancellation;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.flowscape.data.Dataset;
import org.flowscape.dynamics.FlowConfig;
import org.flowscape.dynamics.FlowMethod;
import org.flowscape.dynamics.FlowResult;
import org.flowscape.dynamics.GradientFlow;
import org.flowscape.dynamics.StoppingRule;
import org.flowscape.loss.SquaredError;
import org.flowscape.objective.EmpiricalRisk;

/**
 * Monte Carlo over random initializations: for every width and initialization, the basin value (with its KKT
 * certificate), the initial loss and, when asked, where descent or flow from the start ends. Work is split into
 * blocks of initializations run on a fixed thread pool; every block writes only its own slots and each
 * initialization's numbers depend only on (seed, width, index), so results are bit-identical for any thread count.
 * Cancellable ({@link Cancellation}): blocks poll between starts; the widths finished before the cancellation are
 * returned, the one in progress is dropped.
 */
public final class BasinMonteCarlo {
    private BasinMonteCarlo() {
    }

    /** Runs the study on {@code data} (one target column). */
    public static List<WidthResult> run(Dataset data, BasinStudyConfig config) throws InterruptedException {
        if (data.targetDim() != 1) {
            throw new IllegalArgumentException("basins need one target column; the data have " + data.targetDim());
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, config.threads()));
        try {
            List<WidthResult> out = new ArrayList<>();
            for (int k : config.widths()) {
                WidthResult r = width(data, config, k, pool);
                if (Cancellation.requested()) {
                    break; // this width is incomplete: keep the widths finished before it
                }
                out.add(r);
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private static WidthResult width(Dataset data, BasinStudyConfig config, int k, ExecutorService pool)
            throws InterruptedException {
        int n = config.inits();
        MemoryBudget.requireBytes(100.0 * n, n + " initializations (about 100 bytes of results each)",
                "ask for fewer initializations");
        double scale = BasinSolver.scale(config.normalization(), data.size());
        WidthResult r = new WidthResult(k, new double[n], new double[n], new boolean[n], new String[n], new double[n],
                new double[n], scale * sumSquares(data.targets().data()));
        java.util.Arrays.fill(r.finalLoss(), Double.NaN);
        int batch = ReluDescent.defaultBatch(k);
        List<Future<?>> futures = new ArrayList<>();
        for (int start = 0; start < n; start += batch) {
            int from = start;
            int to = Math.min(n, start + batch);
            BooleanSupplier cancelled = Cancellation.current();
            futures.add(pool.submit(() -> Cancellation.run(cancelled, () -> block(data, config, k, from, to, scale,
                    r))));
        }
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (java.util.concurrent.ExecutionException e) {
                Throwable cause = e.getCause();
                throw cause instanceof RuntimeException re ? re : new IllegalStateException(cause);
            }
        }
        return r;
    }

    private static void block(Dataset data, BasinStudyConfig config, int k, int from, int to, double scale,
            WidthResult r) {
        int d = data.inputDim();
        BasinSolver solver = new BasinSolver(config.tolerance());
        ReluDescent gd = new ReluDescent(data.inputs().data(), data.targets().data(), d, k, to - from, scale);
        for (int i = from; i < to; i++) {
            if (Cancellation.requested()) {
                return; // the caller drops this width
            }
            ReluNet net = ReluNet.initialization(d, k, config.seed(), i, config.initialization());
            BasinValue b = solver.solve(net, data.inputs(), data.targets(), scale);
            r.basinValue()[i] = b.value();
            r.kktGap()[i] = b.certificate().gap();
            r.certified()[i] = b.certificate().certified();
            r.method()[i] = b.method();
            gd.load(i - from, net);
        }
        double[] losses = new double[to - from];
        gd.evaluate(losses);
        System.arraycopy(losses, 0, r.initialLoss(), from, to - from);
        if ("gd".equals(config.train())) {
            gd.run(config.eta(), config.steps(), losses);
            System.arraycopy(losses, 0, r.finalLoss(), from, to - from);
        } else if ("gf".equals(config.train())) {
            for (int i = from; i < to; i++) {
                r.finalLoss()[i] = flow(data, config, k, i);
            }
        }
    }

    /** Gradient flow (DOP853, default tolerances) from initialization i to time steps·eta; its final loss. */
    static double flow(Dataset data, BasinStudyConfig config, int k, int i) {
        int d = data.inputDim();
        EmpiricalRisk risk = new EmpiricalRisk(ReluNet.network(d, k), new SquaredError(config.normalization()), data);
        double[] theta0 = ReluNet.initialization(d, k, config.seed(), i, config.initialization()).theta();
        FlowResult res = GradientFlow.run(risk, theta0, FlowConfig.of(FlowMethod.DOPRI853),
                StoppingRule.horizon(config.steps() * config.eta()));
        return res.diverged() ? Double.NaN : res.loss();
    }

    private static double sumSquares(double[] y) {
        double s = 0;
        for (double v : y) {
            s += v * v;
        }
        return s;
    }
}
