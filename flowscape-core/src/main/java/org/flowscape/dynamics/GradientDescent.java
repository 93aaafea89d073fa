package org.flowscape.dynamics;

import java.util.Objects;

/**
 * Plain gradient descent θ_{k+1} = θ_k − η_k ∇L(θ_k): the explicit Euler discretization of the flow.
 *
 * @param schedule the step sizes
 */
public record GradientDescent(Schedule schedule) implements Optimizer {
    public GradientDescent {
        Objects.requireNonNull(schedule, "schedule");
    }

    /** Constant step η. */
    public static GradientDescent constant(double eta) {
        return new GradientDescent(Schedule.constant(eta));
    }

    @Override
    public String name() {
        return "gd";
    }

    @Override
    public Run start(int dim) {
        return (k, theta, g) -> {
            double eta = schedule.rate(k);
            for (int i = 0; i < theta.length; i++) {
                theta[i] -= eta * g[i];
            }
        };
    }
}
