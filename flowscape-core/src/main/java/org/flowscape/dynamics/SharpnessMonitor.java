package org.flowscape.dynamics;

import org.flowscape.linalg.Matrix;
import org.flowscape.linalg.SymmetricEigen;
import org.flowscape.linalg.Vectors;
import org.flowscape.objective.Objective;

/**
 * Sharpness λ_max(H) along the trajectory, beside the descent stability threshold 2/η: descent with step η is
 * locally unstable where λ_max &gt; 2/η. Up to {@value #DENSE_MAX_DIM} parameters λ_max is exact (dense Hessian and
 * LAPACK); above, {@value #POWER_ITERATIONS} power iterations of HVPs warm-started from the previous vector.
 */
public final class SharpnessMonitor implements StepObserver {
    /** Largest P for the dense Hessian route. */
    public static final int DENSE_MAX_DIM = 400;
    /** Power iterations per observation above {@link #DENSE_MAX_DIM}. */
    public static final int POWER_ITERATIONS = 50;

    private final int every;
    private final double eta;
    private Objective objective;
    private double[] work;
    private double[] vector;
    private final Series sharpness = new Series();

    /**
     * @param every observe every {@code every}-th point
     * @param eta   the descent step to compare with (NaN: none)
     */
    public SharpnessMonitor(int every, double eta) {
        this.every = org.flowscape.internal.Checks.positive("every", every);
        this.eta = eta;
    }

    @Override
    public void start(Objective f, FlowPoint initial) {
        objective = f.fork();
        int p = f.dim();
        work = new double[p <= DENSE_MAX_DIM ? p * p : p];
        record(initial);
    }

    @Override
    public void onStep(FlowPoint point) {
        if (point.step() % every == 0) {
            record(point);
        }
    }

    private void record(FlowPoint point) {
        sharpness.add(point.time(), largest(point.theta()));
    }

    /** λ_max(H(θ)), θ read only. */
    double largest(double[] theta) {
        int p = theta.length;
        if (p <= DENSE_MAX_DIM) {
            objective.hessian(theta, work);
            return SymmetricEigen.values(new Matrix(p, p, work)).max();
        }
        if (vector == null) {
            vector = new double[p];
            java.util.Arrays.fill(vector, 1 / Math.sqrt(p));
        }
        double lambda = 0;
        for (int k = 0; k < POWER_ITERATIONS; k++) {
            objective.hessianVectorProduct(theta, vector, work);
            lambda = Vectors.dot(vector, work);
            double n = Vectors.norm2(work);
            if (!(n > 0)) {
                break;
            }
            for (int i = 0; i < p; i++) {
                vector[i] = work[i] / n;
            }
        }
        return lambda;
    }

    /** λ_max(H(t)) at the observed points. */
    public Series sharpness() {
        return sharpness;
    }

    /** 2/η (NaN without a step). */
    public double threshold() {
        return 2 / eta;
    }

    /** The number of observed points where λ_max &gt; 2/η. */
    public int pointsAboveThreshold() {
        double[] v = sharpness.values();
        int c = 0;
        for (double x : v) {
            if (x > threshold()) {
                c++;
            }
        }
        return c;
    }
}
