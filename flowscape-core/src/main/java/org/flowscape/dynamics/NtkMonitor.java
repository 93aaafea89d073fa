package org.flowscape.dynamics;

import org.flowscape.linalg.Matrix;
import org.flowscape.loss.SquaredError;
import org.flowscape.linalg.SymmetricEigen;
import org.flowscape.objective.ModelObjective;
import org.flowscape.objective.Objective;

/**
 * λ_min(K) of the empirical NTK K = J Jᵀ along the trajectory (paper C, §C.2), its running integral ∫ λ_min dt
 * (trapezoid over the observed points) and its infimum. With the loss normalization factor s (1 for
 * {@code frobenius}, 1/n for {@code mse}, 2/n for {@code mse-mean}) the flow obeys L(t) ≤ L(0) exp(−2s ∫ λ_min)
 * and the guaranteed rate is 2s·inf λ_min. Cost per observed point: the Jacobian and a (nk)³ eigensolve; observe
 * every {@code every}-th point to keep it cheap.
 */
public final class NtkMonitor extends SampledObserver {
    private ModelObjective objective;
    private double[] kernel;
    private final Series lambdaMin = new Series();
    private final Series integral = new Series();
    private double scale = Double.NaN;

    /** Observes every point. */
    public NtkMonitor() {
        this(1);
    }

    /** Observes every {@code every}-th point (and the first and last). */
    public NtkMonitor(int every) {
        super(every);
    }

    @Override
    public void start(Objective f, FlowPoint initial) {
        objective = ModelObjective.of(f, "the NTK monitor").fork();
        int m = objective.outputCount();
        kernel = new double[m * m];
        // the bound L(t) <= L(0) exp(-2 s ∫λ_min) needs a loss Hessian s·I in the outputs: squared errors only
        scale = objective.loss() instanceof SquaredError se ? se.curvature(objective.data().size()) : Double.NaN;
        sample(initial);
    }



    @Override
    protected void record(FlowPoint p) {
        double lambda = smallest(p.theta());
        double previous = integral.size() == 0 ? 0 : integral.last();
        double dt = lambdaMin.size() == 0 ? 0 : p.time() - lambdaMin.times()[lambdaMin.size() - 1];
        double area = lambdaMin.size() == 0 ? 0 : 0.5 * dt * (lambda + lambdaMin.last());
        lambdaMin.add(p.time(), lambda);
        integral.add(p.time(), previous + area);
    }

    /** λ_min(K(θ)) for θ read only. */
    double smallest(double[] theta) {
        int m = objective.outputCount();
        objective.ntk(theta, kernel);
        return SymmetricEigen.values(new Matrix(m, m, kernel)).min();
    }

    /** λ_min(K(t)) at the observed points. */
    public Series lambdaMin() {
        return lambdaMin;
    }

    /** ∫_0^t λ_min(K) ds at the observed points. */
    public Series integral() {
        return integral;
    }

    /** inf_t λ_min(K(t)) over the observed points. */
    public double infimum() {
        return lambdaMin.min();
    }

    /** The loss normalization factor s (NaN for losses other than squared error). */
    public double lossScale() {
        return scale;
    }

    /** The guaranteed rate 2s·inf λ_min(K) of L (NaN for non-squared losses). */
    public double guaranteedRate() {
        return 2 * scale * infimum();
    }
}
