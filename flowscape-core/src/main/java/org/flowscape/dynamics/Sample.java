package org.flowscape.dynamics;

/**
 * One point of the sampled trajectory (dense output).
 *
 * @param time         t
 * @param theta        θ(t), length P (owned by the sample)
 * @param loss         L(θ(t))
 * @param gradientNorm ‖∇L(θ(t))‖
 */
public record Sample(double time, double[] theta, double loss, double gradientNorm) {
    public Sample {
        theta = theta.clone();
    }
}
