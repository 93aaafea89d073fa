package org.flowscape.dynamics;

/**
 * One accepted point of a trajectory, handed to observers: step index, time, state, loss and gradient. The arrays
 * are views owned by the integrator and valid only during the call; an observer that keeps them must copy them.
 *
 * @param step     index of the accepted step (0 for the initial point)
 * @param time     flow time t (for descent the mapped time Σ η_j)
 * @param theta    θ(t), length P, read only
 * @param loss     L(θ(t))
 * @param gradient ∇L(θ(t)), length P, read only
 */
public record FlowPoint(long step, double time, double[] theta, double loss, double[] gradient) {

    /** ‖∇L‖₂. */
    public double gradientNorm() {
        return org.flowscape.linalg.Vectors.norm2(gradient);
    }

    /** ‖θ‖₂. */
    public double thetaNorm() {
        return org.flowscape.linalg.Vectors.norm2(theta);
    }
}
