package org.flowscape.census.homotopy;

import java.util.List;
import org.flowscape.objective.Objective;

/**
 * A polynomial loss as an {@link Objective}, with its gradient and Hessian from exactly differentiated polynomials,
 * so that {@link org.flowscape.analysis.Classifier} can classify the real solutions of a census. Immutable (its
 * polynomials are), so {@link #fork()} returns this. Cost per call: one pass over the terms of each derivative
 * polynomial needed.
 */
public final class PolynomialObjective implements Objective {
    private final Polynomial loss;
    private final List<Polynomial> gradient;
    private final Polynomial[] hessian;
    private final int p;

    /** @param loss the polynomial loss in P variables */
    public PolynomialObjective(PolynomialLoss loss) {
        this.loss = loss.loss();
        this.gradient = loss.gradient();
        this.p = loss.parameters();
        this.hessian = new Polynomial[p * p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                hessian[i * p + j] = gradient.get(i).derivative(j);
            }
        }
    }

    @Override
    public int dim() {
        return p;
    }

    @Override
    public double value(double[] theta) {
        return loss.evaluate(theta);
    }

    @Override
    public double valueAndGradient(double[] theta, double[] gradOut) {
        for (int i = 0; i < p; i++) {
            gradOut[i] = gradient.get(i).evaluate(theta);
        }
        return loss.evaluate(theta);
    }

    @Override
    public void hessianVectorProduct(double[] theta, double[] v, double[] out) {
        for (int i = 0; i < p; i++) {
            double s = 0;
            for (int j = 0; j < p; j++) {
                s += hessian[i * p + j].evaluate(theta) * v[j];
            }
            out[i] = s;
        }
    }

    @Override
    public double[] hessian(double[] theta, double[] out) {
        for (int k = 0; k < p * p; k++) {
            out[k] = hessian[k].evaluate(theta);
        }
        return out;
    }

    @Override
    public Objective fork() {
        return this;
    }
}
