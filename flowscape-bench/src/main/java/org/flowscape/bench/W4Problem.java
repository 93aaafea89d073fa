package org.flowscape.bench;

import org.flowscape.data.Dataset;
import org.flowscape.linalg.Matrix;
import org.flowscape.loss.Losses;
import org.flowscape.model.Models;
import org.flowscape.model.Network;
import org.flowscape.objective.EmpiricalRisk;
import org.flowscape.rng.Seeds;

/**
 * Workload W4 of {@code docs/BENCHMARKS.md}: {@code mlp:100-512-512-10:tanh} with biases (P = 319 498), n = 2000
 * inputs X ~ N(0, I₁₀₀), random targets Y ~ N(0, I₁₀), loss {@code mse} (1/(2n) Σ‖f − y‖²), at the network's initial
 * θ; the top-10 Hessian eigenvalues are wanted. Draws: {@link Seeds} streams of {@link #ROOT_SEED} with the purposes
 * {@code w4/inputs}, {@code w4/targets}, {@code w4/init}. Memory: X, Y, θ and a few n × 512 activations.
 *
 * @param network the network
 * @param data    X (n × 100) and Y (n × 10)
 * @param theta   the initial parameters (callers must not modify it)
 */
public record W4Problem(Network network, Dataset data, double[] theta) {
    /** The root seed of all W4 draws. */
    public static final long ROOT_SEED = 20261124L;
    /** The model. */
    public static final String MODEL = "mlp:100-512-512-10:tanh";
    /** The number of samples. */
    public static final int SAMPLES = 2000;
    /** How many of the largest eigenvalues. */
    public static final int TOP = 10;

    /** Builds W4. */
    public static W4Problem create() {
        Network net = Models.parse(MODEL);
        int d = net.inputDim();
        int k = net.outputDim();
        double[] x = Seeds.gaussian(Seeds.stream(ROOT_SEED, "w4/inputs"), 1.0, new double[SAMPLES * d]);
        double[] y = Seeds.gaussian(Seeds.stream(ROOT_SEED, "w4/targets"), 1.0, new double[SAMPLES * k]);
        Dataset data = new Dataset("w4: X ~ N(0, I), Y ~ N(0, I), seed " + ROOT_SEED, new Matrix(SAMPLES, d, x),
                new Matrix(SAMPLES, k, y));
        return new W4Problem(net, data, net.initialize(Seeds.derive(ROOT_SEED, "w4/init", 0)));
    }

    /** A fresh objective. */
    public EmpiricalRisk objective() {
        return new EmpiricalRisk(network, Losses.mse(), data);
    }
}
