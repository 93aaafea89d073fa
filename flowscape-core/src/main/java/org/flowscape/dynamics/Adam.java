package org.flowscape.dynamics;

import java.util.Objects;

/**
 * Adam with bias correction (Kingma &amp; Ba, 2015): m ← β1 m + (1−β1)g, v ← β2 v + (1−β2)g²,
 * θ ← θ − η_k m̂ / (√v̂ + ε) with m̂ = m/(1−β1^{k+1}), v̂ = v/(1−β2^{k+1}).
 *
 * @param schedule the step sizes
 * @param beta1    first-moment decay in [0, 1)
 * @param beta2    second-moment decay in [0, 1)
 * @param epsilon  the denominator guard ε &gt; 0 (part of the method, stated here, not hidden)
 */
public record Adam(Schedule schedule, double beta1, double beta2, double epsilon) implements Optimizer {
    /** The paper's default β2. */
    public static final double BETA2 = 0.999;
    /** The paper's default ε. */
    public static final double EPSILON = 1e-8;

    /** The defaults of the paper: β1 = 0.9, β2 = {@link #BETA2} = 0.999, ε = {@link #EPSILON} = 1e-8. */
    public static Adam defaults(double eta) {
        return new Adam(Schedule.constant(eta), 0.9, BETA2, EPSILON);
    }

    public Adam {
        Objects.requireNonNull(schedule, "schedule");
        if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1) || !(epsilon > 0)) {
            throw new IllegalArgumentException("Adam needs beta1, beta2 in [0, 1) and epsilon > 0; got " + beta1 + ", "
                    + beta2 + ", " + epsilon);
        }
    }

    @Override
    public String name() {
        return "adam";
    }

    @Override
    public Run start(int dim) {
        double[] m = new double[dim];
        double[] v = new double[dim];
        return (k, theta, g) -> {
            double eta = schedule.rate(k);
            double c1 = 1 - Math.pow(beta1, k + 1);
            double c2 = 1 - Math.pow(beta2, k + 1);
            for (int i = 0; i < theta.length; i++) {
                m[i] = beta1 * m[i] + (1 - beta1) * g[i];
                v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i];
                theta[i] -= eta * (m[i] / c1) / (Math.sqrt(v[i] / c2) + epsilon);
            }
        };
    }
}
