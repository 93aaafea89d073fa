package org.flowscape.dynamics;

import java.util.Objects;

/**
 * Nesterov's accelerated gradient in the form that evaluates the gradient at the iterate (Sutskever et al. 2013, as
 * in PyTorch's {@code nesterov=True}): b ← βb + ∇L(θ_k), θ_{k+1} = θ_k − η_k(∇L(θ_k) + βb).
 *
 * @param schedule the step sizes
 * @param momentum β in [0, 1)
 */
public record Nesterov(Schedule schedule, double momentum) implements Optimizer {
    public Nesterov {
        Objects.requireNonNull(schedule, "schedule");
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
        }
    }

    @Override
    public String name() {
        return "nesterov";
    }

    @Override
    public Run start(int dim) {
        double[] b = new double[dim];
        return (k, theta, g) -> {
            double eta = schedule.rate(k);
            for (int i = 0; i < theta.length; i++) {
                b[i] = momentum * b[i] + g[i];
                theta[i] -= eta * (g[i] + momentum * b[i]);
            }
        };
    }
}
