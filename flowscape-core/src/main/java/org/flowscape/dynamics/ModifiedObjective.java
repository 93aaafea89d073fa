package org.flowscape.dynamics;

import org.flowscape.objective.Objective;

/**
 * The modified loss of backward error analysis for descent with step η: L̃ = L + (η/4)‖∇L‖², whose flow gradient
 * descent follows to O(η²) (Barrett &amp; Dherin, "Implicit gradient regularization", 2021). Its gradient is
 * ∇L + (η/2)H∇L: one gradient and one HVP. Its own Hessian needs third derivatives, which Flowscape does not compute,
 * so {@link #hessianVectorProduct} is unsupported (use explicit methods on this objective).
 */
public final class ModifiedObjective implements Objective {
    private final Objective base;
    private final double eta;
    private final double[] grad;
    private final double[] hg;

    /** L + (η/4)‖∇L‖² for the base objective (used, not copied) and step η &gt; 0. */
    public ModifiedObjective(Objective base, double eta) {
        this.base = base;
        this.eta = org.flowscape.internal.Checks.positive("eta", eta);
        this.grad = new double[base.dim()];
        this.hg = new double[base.dim()];
    }

    @Override
    public int dim() {
        return base.dim();
    }

    @Override
    public double value(double[] theta) {
        double l = base.valueAndGradient(theta, grad);
        return l + 0.25 * eta * org.flowscape.linalg.Vectors.dot(grad, grad);
    }

    /** L̃(θ) with ∇L̃ = ∇L + (η/2)H∇L into {@code gradOut}. Cost: one gradient and one HVP. */
    @Override
    public double valueAndGradient(double[] theta, double[] gradOut) {
        double l = base.valueAndGradient(theta, grad);
        base.hessianVectorProduct(theta, grad, hg);
        for (int i = 0; i < grad.length; i++) {
            gradOut[i] = grad[i] + 0.5 * eta * hg[i];
        }
        return l + 0.25 * eta * org.flowscape.linalg.Vectors.dot(grad, grad);
    }

    /** Unsupported: it needs third derivatives of L. */
    @Override
    public void hessianVectorProduct(double[] theta, double[] v, double[] out) {
        throw new UnsupportedOperationException("the modified loss's Hessian needs third derivatives; integrate it "
                + "with an explicit method (dopri853)");
    }

    @Override
    public Objective fork() {
        return new ModifiedObjective(base.fork(), eta);
    }
}
