package org.flowscape.bench;

import org.flowscape.data.Dataset;
import org.flowscape.linalg.Matrix;
import org.flowscape.loss.Losses;
import org.flowscape.model.Model;
import org.flowscape.model.layers.ModelSpecs;
import org.flowscape.objective.ModelObjective;
import org.flowscape.objective.Objectives;
import org.flowscape.rng.Seeds;

/**
 * The CNN workload of issue 14: {@code layers:1x16x16/conv=8,3,1,1/tanh/avgpool=2/flatten/dense=1} (P = 593), n = 512
 * images X ~ N(0, I₂₅₆) (flattened rows, channel-major), targets Y ~ N(0, 1), loss {@code mse} (1/(2n) Σ (f − y)²),
 * at the model's initial θ. Draws: {@link Seeds} streams of {@link #ROOT_SEED} with the purposes {@code cnn/inputs},
 * {@code cnn/targets}, {@code cnn/init}, {@code cnn/direction}. Memory: X and a few n × 2048 activations.
 *
 * @param model     the model
 * @param data      X (n × 256) and Y (n × 1)
 * @param theta     the initial parameters (callers must not modify it)
 * @param direction the direction v of the timed H·v (callers must not modify it)
 */
public record CnnProblem(Model model, Dataset data, double[] theta, double[] direction) {
    /** The root seed of all draws. */
    public static final long ROOT_SEED = 20261208L;
    /** The model. */
    public static final String MODEL = "layers:1x16x16/conv=8,3,1,1/tanh/avgpool=2/flatten/dense=1";
    /** The number of samples. */
    public static final int SAMPLES = 512;

    /** Builds the workload. */
    public static CnnProblem create() {
        Model model = ModelSpecs.parse(MODEL);
        int d = model.inputDim();
        double[] x = Seeds.gaussian(Seeds.stream(ROOT_SEED, "cnn/inputs"), 1.0, new double[SAMPLES * d]);
        double[] y = Seeds.gaussian(Seeds.stream(ROOT_SEED, "cnn/targets"), 1.0, new double[SAMPLES]);
        Dataset data = new Dataset("cnn: X ~ N(0, I), Y ~ N(0, 1), seed " + ROOT_SEED, new Matrix(SAMPLES, d, x),
                new Matrix(SAMPLES, 1, y));
        double[] theta = model.initialize(Seeds.derive(ROOT_SEED, "cnn/init", 0));
        double[] v = Seeds.gaussian(Seeds.stream(ROOT_SEED, "cnn/direction"), 1.0, new double[theta.length]);
        return new CnnProblem(model, data, theta, v);
    }

    /** A fresh objective (a {@code LayerRisk}). */
    public ModelObjective objective() {
        return Objectives.of(model, Losses.mse(), data);
    }
}
