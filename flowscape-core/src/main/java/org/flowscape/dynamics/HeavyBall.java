package org.flowscape.dynamics;

import java.util.Objects;

/**
 * Polyak's heavy ball: v ← βv − η_k∇L(θ_k), θ_{k+1} = θ_k + v (B. T. Polyak, 1964).
 *
 * @param schedule the step sizes
 * @param momentum β in [0, 1)
 */
public record HeavyBall(Schedule schedule, double momentum) implements Optimizer {
    public HeavyBall {
        Objects.requireNonNull(schedule, "schedule");
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
        }
    }

    @Override
    public String name() {
        return "momentum";
    }

    @Override
    public Run start(int dim) {
        double[] v = new double[dim];
        return (k, theta, g) -> {
            double eta = schedule.rate(k);
            for (int i = 0; i < theta.length; i++) {
                v[i] = momentum * v[i] - eta * g[i];
                theta[i] += v[i];
            }
        };
    }
}
