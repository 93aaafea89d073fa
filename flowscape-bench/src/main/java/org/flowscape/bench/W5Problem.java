package org.flowscape.bench;

import org.flowscape.objective.EmpiricalRisk;

/**
 * Workload W5 of {@code docs/BENCHMARKS.md}: W1's network and data ({@link W1Problem}) after {@value #GD_STEPS}
 * plain gradient-descent steps at η = {@value #LEARNING_RATE} from W1's initial θ, the start of Newton polishing to
 * ‖∇L‖ ≤ {@value #GRADIENT_TOLERANCE}.
 *
 * @param w1    the W1 problem (network, data, initial θ)
 * @param start θ after the descent (callers must not modify it)
 */
public record W5Problem(W1Problem w1, double[] start) {
    /** Gradient-descent steps before polishing. */
    public static final int GD_STEPS = 2000;
    /** Their learning rate. */
    public static final double LEARNING_RATE = 0.1;
    /** The polishing target ‖∇L‖₂. */
    public static final double GRADIENT_TOLERANCE = 1e-12;

    /** Builds W5: W1, then the descent. Cost: {@value #GD_STEPS} gradients of W1 (a few seconds). */
    public static W5Problem create() {
        W1Problem w1 = W1Problem.create();
        EmpiricalRisk f = w1.objective();
        double[] theta = w1.theta().clone();
        double[] g = new double[theta.length];
        for (int step = 0; step < GD_STEPS; step++) {
            f.valueAndGradient(theta, g);
            for (int i = 0; i < theta.length; i++) {
                theta[i] -= LEARNING_RATE * g[i];
            }
        }
        return new W5Problem(w1, theta);
    }

    /** A fresh objective (W1's loss on W1's data). */
    public EmpiricalRisk objective() {
        return w1.objective();
    }
}
