package org.flowscape.dynamics;

import java.util.Arrays;
import org.flowscape.objective.Objective;

/**
 * Counts and caches gradient evaluations for one run, and turns non-finite values and an exhausted budget into a
 * {@link Halt}. A small ring of recent (θ, L, ∇L) copies answers repeated requests at the same θ (Hipparchus'
 * step end, the next step's first stage) without a second gradient.
 */
final class Evaluator {
    private static final int CACHE = 4;

    final Objective objective;
    final int dim;
    private final long budget;
    private final double[][] thetas = new double[CACHE][];
    private final double[][] grads = new double[CACHE][];
    private final double[] losses = new double[CACHE];
    private int next;
    private boolean auxiliary;
    long gradientCalls;
    long auxiliaryCalls;
    long hessianCalls;

    Evaluator(Objective objective, long budget) {
        this.objective = objective;
        this.dim = objective.dim();
        this.budget = budget;
    }

    /** Counts the following evaluations as auxiliary (dense output, events, diagnostics) or as the method's own. */
    boolean auxiliary(boolean on) {
        boolean was = auxiliary;
        auxiliary = on;
        return was;
    }

    /** L(θ) with ∇L into {@code gradOut}; θ read only. Throws {@link Halt} on non-finite values or budget end. */
    double evaluate(double[] theta, double[] gradOut) {
        for (int i = 0; i < CACHE; i++) {
            if (thetas[i] != null && Arrays.equals(thetas[i], theta)) {
                System.arraycopy(grads[i], 0, gradOut, 0, dim);
                return losses[i];
            }
        }
        double loss = evaluateFresh(theta, gradOut);
        store(theta, loss, gradOut);
        return loss;
    }

    /**
     * L(θ) with ∇L into {@code gradOut}, always evaluated and never cached (for integrators that keep their own stage
     * values): no copies and no look-ups. Counts and halts as {@link #evaluate}; θ read only.
     */
    double evaluateFresh(double[] theta, double[] gradOut) {
        count();
        double loss = objective.valueAndGradient(theta, gradOut);
        if (!Double.isFinite(loss) || !org.flowscape.linalg.Vectors.allFinite(gradOut)) {
            throw new Halt(Status.NON_FINITE, "the loss or gradient is not finite (loss " + loss + ")");
        }
        return loss;
    }

    private void count() {
        if (auxiliary) {
            auxiliaryCalls++;
        } else {
            if (gradientCalls >= budget) {
                throw new Halt(Status.EVALUATION_LIMIT, "the budget of " + budget + " gradient evaluations ran out");
            }
            gradientCalls++;
        }
    }

    private void store(double[] theta, double loss, double[] grad) {
        if (thetas[next] == null) {
            thetas[next] = new double[dim];
            grads[next] = new double[dim];
        }
        System.arraycopy(theta, 0, thetas[next], 0, dim);
        System.arraycopy(grad, 0, grads[next], 0, dim);
        losses[next] = loss;
        next = (next + 1) % CACHE;
    }

    /** H(θ)·v into {@code out}; counted as one Hessian evaluation. */
    void hessianVector(double[] theta, double[] v, double[] out) {
        hessianCalls++;
        objective.hessianVectorProduct(theta, v, out);
    }

    /** The dense Hessian (P × P) into {@code out}; counted as one Hessian evaluation. */
    void hessian(double[] theta, double[] out) {
        hessianCalls++;
        objective.hessian(theta, out);
        if (!org.flowscape.linalg.Vectors.allFinite(out)) {
            throw new Halt(Status.NON_FINITE, "the Hessian is not finite");
        }
    }

    /** The stop signal a run's loop catches: carries the outcome; no stack trace (it is control flow). */
    static final class Halt extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final Status status;

        Halt(Status status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }
}
