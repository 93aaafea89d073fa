package org.flowscape.census.homotopy;

import java.util.ArrayList;
import java.util.List;

/**
 * A loss L(θ) that is a polynomial in the P parameters, with its gradient system ∇L = 0.
 *
 * @param loss        L as a real polynomial in P variables (θ_1 … θ_P in the flat parameter order)
 * @param description what it was built from (model, data, loss, weight decay, pattern), for reports
 */
public record PolynomialLoss(Polynomial loss, String description) {
    /** The number of parameters P. */
    public int parameters() {
        return loss.variables();
    }

    /** ∂L/∂θ_i, i = 1 … P. */
    public List<Polynomial> gradient() {
        List<Polynomial> g = new ArrayList<>();
        for (int i = 0; i < loss.variables(); i++) {
            g.add(loss.derivative(i));
        }
        return g;
    }

    /** The gradient system as a square polynomial system. */
    public PolynomialSystem gradientSystem() {
        return new PolynomialSystem(gradient());
    }

    /** This loss plus λ/2·‖θ‖². */
    public PolynomialLoss withWeightDecay(double lambda) {
        if (!(lambda >= 0) || !Double.isFinite(lambda)) {
            throw new IllegalArgumentException("weight decay must be a finite number >= 0, got " + lambda);
        }
        if (lambda == 0) {
            return this;
        }
        int p = parameters();
        Polynomial l = loss;
        for (int i = 0; i < p; i++) {
            l = l.plus(Polynomial.variable(p, i).pow(2).scale(lambda / 2, 0));
        }
        return new PolynomialLoss(l, description + " + " + lambda + "/2*|theta|^2");
    }
}
