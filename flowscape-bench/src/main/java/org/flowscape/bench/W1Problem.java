package org.flowscape.bench;

import java.util.SplittableRandom;
import org.flowscape.data.Dataset;
import org.flowscape.linalg.Matrix;
import org.flowscape.loss.Losses;
import org.flowscape.model.Models;
import org.flowscape.model.Network;
import org.flowscape.objective.EmpiricalRisk;
import org.flowscape.rng.Seeds;

/**
 * Workload W1 of {@code docs/BENCHMARKS.md}, defined once: the student {@code mlp:10-100-1:tanh} with biases
 * (P = 1201), n = 1000 inputs X ~ N(0, I₁₀), targets Y = teacher(X) + 0.01·N(0, 1) from the teacher
 * {@code mlp:10-5-1:tanh}, loss {@code mse} (½·mean), at the student's initial parameters θ.
 *
 * <p>Every random draw comes from {@link Seeds} streams derived from {@link #ROOT_SEED} and a purpose
 * ({@code w1/inputs}, {@code w1/teacher}, {@code w1/noise}, {@code w1/student}), so the problem is the same bits on
 * every JVM and thread count.
 *
 * @param network the student network
 * @param data    X (n × 10) and Y (n × 1)
 * @param theta   the student's initial parameters (length P; callers must not modify it)
 */
public record W1Problem(Network network, Dataset data, double[] theta) {
    /** The root seed of all W1 draws. */
    public static final long ROOT_SEED = 20261123L;
    /** The student model. */
    public static final String MODEL = "mlp:10-100-1:tanh";
    /** The teacher model. */
    public static final String TEACHER = "mlp:10-5-1:tanh";
    /** The loss spelling. */
    public static final String LOSS = "mse";
    /** The number of samples n. */
    public static final int SAMPLES = 1000;
    /** The standard deviation of the target noise. */
    public static final double NOISE = 0.01;

    /** Builds W1 from {@link #ROOT_SEED}. Cost: one teacher forward pass on n inputs. */
    public static W1Problem create() {
        Network student = Models.parse(MODEL);
        Network teacher = Models.parse(TEACHER);
        int d = student.inputDim();
        double[] x = Seeds.gaussian(Seeds.stream(ROOT_SEED, "w1/inputs"), 1.0, new double[SAMPLES * d]);
        Matrix inputs = new Matrix(SAMPLES, d, x);
        double[] teacherTheta = teacher.initialize(Seeds.derive(ROOT_SEED, "w1/teacher", 0));
        double[] y = teacher.predict(teacherTheta, inputs).data();
        SplittableRandom noise = Seeds.stream(ROOT_SEED, "w1/noise");
        for (int i = 0; i < y.length; i++) {
            y[i] += NOISE * Seeds.gaussian(noise);
        }
        Matrix targets = new Matrix(SAMPLES, 1, y);
        Dataset data = new Dataset("w1: X ~ N(0, I), Y = " + TEACHER + " + " + NOISE + "·N(0,1), seed " + ROOT_SEED,
                inputs, targets);
        double[] theta = student.initialize(Seeds.derive(ROOT_SEED, "w1/student", 0));
        return new W1Problem(student, data, theta);
    }

    /** A fresh objective L(θ) = ½·mean (f(θ; X) − Y)² (each caller gets its own; objectives are not thread-safe). */
    public EmpiricalRisk objective() {
        return new EmpiricalRisk(network, Losses.parse(LOSS), data);
    }

    /**
     * θ with its first entry moved up by one ulp: timing loops alternate θ and this point so that every call really
     * recomputes ({@code EmpiricalRisk} caches the passes at the last θ), while the results stay equal to θ's to
     * round-off.
     */
    public double[] nudgedTheta() {
        double[] t = theta.clone();
        t[0] = Math.nextUp(t[0]);
        return t;
    }

    /** The number of parameters P. */
    public int dim() {
        return network.parameterCount();
    }

    /** The number of samples n. */
    public int size() {
        return data.size();
    }
}
