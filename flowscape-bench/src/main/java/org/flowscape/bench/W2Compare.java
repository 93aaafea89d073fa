package org.flowscape.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.flowscape.dynamics.BalanceMonitor;
import org.flowscape.dynamics.FlowConfig;
import org.flowscape.dynamics.FlowMethod;
import org.flowscape.dynamics.FlowResult;
import org.flowscape.dynamics.GradientFlow;
import org.flowscape.dynamics.StoppingRule;
import org.flowscape.linalg.LinearAlgebra;
import org.flowscape.model.ParameterBlock;
import org.flowscape.objective.EmpiricalRisk;

/**
 * W2 side by side: our DOP853 gradient flow (rtol 1e-10, atol 1e-12, until loss ≤ 1e-10) against the SciPy peer
 * {@code peers/w2_peer.py} on the same Φ and θ0, best of {@code repeats} runs each. Prints wall time, gradient calls,
 * final loss and the balance drift max_i max |C_i(T) − C_i(0)|.
 *
 * <p>Run: {@code java -cp flowscape-bench/target/flowscape-bench.jar org.flowscape.bench.W2Compare [repeats]
 * [python]} from the repository root (needs {@code /usr/bin/python3} with NumPy and SciPy for the peer).
 */
public final class W2Compare {
    static final double RTOL = 1e-10;
    static final double ATOL = 1e-12;
    static final double TARGET = 1e-10;
    static final double HORIZON = 1e5;

    private W2Compare() {
    }

    public static void main(String[] args) throws Exception {
        int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        String python = args.length > 1 ? args[1] : "/usr/bin/python3";
        W2Workload w = W2Workload.create();
        EmpiricalRisk f = w.objective();
        FlowConfig config = FlowConfig.of(FlowMethod.DOPRI853).withTolerances(RTOL, ATOL).withStiffnessCheck(false);
        StoppingRule stop = StoppingRule.horizon(HORIZON).withLossTarget(TARGET);
        FlowResult best = null;
        double bestSeconds = Double.POSITIVE_INFINITY;
        for (int r = 0; r < repeats + 2; r++) {
            long t0 = System.nanoTime();
            FlowResult res = GradientFlow.run(f, w.theta0(), config, stop);
            double s = (System.nanoTime() - t0) / 1e9;
            if (r >= 2 && s < bestSeconds) {
                bestSeconds = s;
                best = res;
            }
        }
        List<ParameterBlock> blocks = BalanceMonitor.weightBlocks(f.layout());
        double drift = drift(BalanceMonitor.invariants(blocks, w.theta0()),
                BalanceMonitor.invariants(blocks, best.theta()));
        System.out.printf(Locale.ROOT, "W2 flowscape  %s, blas %s, %s, best of %d (after 2 warm-up runs)%n",
                System.getProperty("java.version"), LinearAlgebra.blas().name(), best.method(), repeats);
        System.out.printf(Locale.ROOT, "  flowscape: %.4f s, %d gradient calls (+%d for locating the stop), %d steps,"
                + " t = %.6f, loss %.3e, drift %.2e, status %s%n", bestSeconds, best.gradientEvaluations(),
                best.auxiliaryEvaluations(), best.steps(), best.time(), best.loss(), drift, best.status());
        Path json = Files.createTempFile("w2-", ".json");
        w.write(json);
        Process p = new ProcessBuilder(python, "flowscape-bench/peers/w2_peer.py", json.toString(),
                Integer.toString(repeats)).redirectErrorStream(true).start();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                System.out.println("  " + line);
            }
        }
        p.waitFor();
        Files.deleteIfExists(json);
    }

    private static double drift(double[][] c0, double[][] c1) {
        double m = 0;
        for (int i = 0; i < c0.length; i++) {
            for (int j = 0; j < c0[i].length; j++) {
                m = Math.max(m, Math.abs(c1[i][j] - c0[i][j]));
            }
        }
        return m;
    }
}
