package org.flowscape.bench;

import java.util.Arrays;
import java.util.Locale;
import org.flowscape.census.BoxCensus;
import org.flowscape.census.CensusConfig;
import org.flowscape.census.CensusResult;
import org.flowscape.data.Dataset;
import org.flowscape.linalg.Matrix;
import org.flowscape.loss.Losses;
import org.flowscape.model.Models;
import org.flowscape.objective.EmpiricalRisk;
import org.flowscape.objective.ExpressionObjective;
import org.flowscape.objective.Objective;
import org.flowscape.objective.WeightDecay;

/**
 * The census timing table of {@code flowscape-bench/README.md}: boxes per second and census time against P, on one
 * thread, each case run once untimed (warm-up, native library loading) and then timed. Cases: the Müller–Brown
 * potential, the decayed scalar factorisation, a chain (p1² − 1)² + Σ (p_i − p_{i−1}/2)² of P parameters (three
 * critical points for every P), coupled double wells 0.1 p1 + Σ (p_i² − 1)² + 0.1 p_i p_{i+1} (3^P critical points)
 * and the decayed ridge network {@code mlp:1-1:identity}/{@code mlp:1-1-1:tanh}.
 * Usage: {@code java -cp flowscape-bench.jar org.flowscape.bench.CensusTiming [maxP]}.
 */
public final class CensusTiming {
    private CensusTiming() {
    }

    public static void main(String[] args) {
        int maxP = args.length > 0 ? Integer.parseInt(args[0]) : 6;
        System.out.println("| case | P | points | complete | boxes | seconds | boxes/s |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- |");
        row("Müller–Brown, [-1.5,1.2]x[-0.5,2]", ExpressionObjective.parse(MB),
                new double[] {-1.5, -0.5}, new double[] {1.2, 2});
        row("factorisation, l2 0.19, [-2,2]^2", WeightDecay.of(ExpressionObjective.parse("fn:0.5*(p1*p2-1)^2"),
                0.19), fill(2, -2), fill(2, 2));
        for (int p = 1; p <= maxP; p++) {
            StringBuilder e = new StringBuilder("fn:(p1^2-1)^2");
            for (int i = 2; i <= p; i++) {
                e.append("+(p").append(i).append("-0.5*p").append(i - 1).append(")^2");
            }
            row("chain, [-2,2]^P (3 points)", ExpressionObjective.parse(e.toString()), fill(p, -2), fill(p, 2));
        }
        for (int p = 1; p <= Math.min(maxP, 4); p++) {
            StringBuilder e = new StringBuilder("fn:0.1*p1");
            for (int i = 1; i <= p; i++) {
                e.append("+(p").append(i).append("^2-1)^2+0.1*p").append(i).append("*p").append(i % p + 1);
            }
            row("coupled wells, [-2,2]^P (3^P points)", ExpressionObjective.parse(e.toString()), fill(p, -2),
                    fill(p, 2));
        }
        Dataset data = new Dataset("four", Matrix.of(new double[][] {{-1}, {-0.3}, {0.4}, {1}}),
                Matrix.of(new double[][] {{-0.8}, {-0.2}, {0.5}, {0.7}}));
        row("mlp:1-1:identity, l2 0.1, [-3,3]^P", WeightDecay.of(new EmpiricalRisk(Models.parse("mlp:1-1:identity"),
                Losses.parse("mse"), data), 0.1), fill(2, -3), fill(2, 3));
        row("mlp:1-1-1:tanh, l2 0.1, [-3,3]^P", WeightDecay.of(new EmpiricalRisk(Models.parse("mlp:1-1-1:tanh"),
                Losses.parse("mse"), data), 0.1), fill(4, -3), fill(4, 3));
        row("mlp:1-2-1:tanh, l2 0.1, [-2,2]^P", WeightDecay.of(new EmpiricalRisk(Models.parse("mlp:1-2-1:tanh"),
                Losses.parse("mse"), data), 0.1), fill(7, -2), fill(7, 2));
    }

    static final String MB = "fn:-200*exp(-(p1-1)^2-10*p2^2)-100*exp(-p1^2-10*(p2-0.5)^2)"
            + "-170*exp(-6.5*(p1+0.5)^2+11*(p1+0.5)*(p2-1.5)-6.5*(p2-1.5)^2)"
            + "+15*exp(0.7*(p1+1)^2+0.6*(p1+1)*(p2-1)+0.7*(p2-1)^2)";

    private static double[] fill(int p, double v) {
        double[] a = new double[p];
        Arrays.fill(a, v);
        return a;
    }

    private static void row(String name, Objective f, double[] lo, double[] hi) {
        CensusConfig c = new CensusConfig(lo, hi, 1e-4, 20_000_000, 120, 1e-8, 0, 0);
        BoxCensus.run(f, c, null);
        CensusResult r = BoxCensus.run(f, c, null);
        System.out.printf(Locale.ROOT, "| %s | %d | %d | %s | %d | %.3f | %.0f |%n", name, lo.length,
                r.points().size(), r.complete() ? "yes" : "no (" + r.undecided().size() + " undecided)", r.boxes(),
                r.seconds(), r.boxes() / r.seconds());
    }
}
