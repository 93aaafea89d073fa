package org.flowscape.analysis;

import java.util.ArrayList;
import java.util.List;
import org.flowscape.linalg.Vectors;
import org.flowscape.objective.Objective;

/**
 * Polishes a point to a critical point of L to ‖∇L‖ ≤ 1e-12 (or a stated tolerance and iteration limit), keeping the
 * iteration history. {@link PolishMethod#NEWTON}: trust-region Newton with the exact subproblem solved in the
 * Hessian's eigenbasis (Moré–Sorensen, hard case included); {@link PolishMethod#LEVENBERG_MARQUARDT}: damped
 * Gauss–Newton on ∇L = 0 with Nielsen's damping update. Dense: each iteration forms the Hessian and
 * eigendecomposes it (O(P³)), which suits the few thousand parameters where polishing to 1e-12 is meaningful; a
 * rejected trial step costs only a value and gradient.
 */
public final class Polisher {
    /**
     * When the predicted decrease of L is below this fraction of |L| it is lost in round-off, and the Newton step is
     * judged by whether it decreases ‖∇L‖ instead.
     */
    public static final double ROUNDOFF_REL = 1e-13;
    /** A step shorter than this times (1 + ‖θ‖) counts as no progress (STALLED). */
    public static final double STEP_REL = 1e-15;
    /** ‖H∇L‖ below this fraction of ‖H‖·‖∇L‖ marks a stationary point of the merit that is not critical. */
    public static final double MERIT_REL = 1e-10;

    private Polisher() {
    }

    /** Polishes from {@code start} (read only). */
    public static PolishResult polish(Objective objective, double[] start, PolishConfig config) {
        double[] theta = start.clone();
        List<PolishStep> history = new ArrayList<>();
        double parameter = config.method() == PolishMethod.NEWTON ? config.initialRadius() : Double.NaN;
        double nu = 2;
        QuadraticModel model = QuadraticModel.at(objective, theta);
        for (int it = 0; ; it++) {
            if (model == null) {
                return finish(objective, theta, PolishStatus.NON_FINITE, it, history, config);
            }
            if (model.gradientNorm <= config.gradientTolerance()) {
                history.add(new PolishStep(it, model.value, model.gradientNorm, 0, parameter, false));
                return finish(model, theta, PolishStatus.CONVERGED, it, history, config);
            }
            if (it >= config.maxIterations()) {
                return finish(model, theta, PolishStatus.MAX_ITERATIONS, it, history, config);
            }
            if (Vectors.normInf(theta) > config.divergenceBound()) {
                return finish(model, theta, PolishStatus.DIVERGED, it, history, config);
            }
            if (config.method() == PolishMethod.LEVENBERG_MARQUARDT && Double.isNaN(parameter)) {
                parameter = 1e-3 * Math.max(1e-300, model.spectralRadius() * model.spectralRadius());
            }
            if (config.method() == PolishMethod.LEVENBERG_MARQUARDT
                    && model.meritGradientNorm() <= MERIT_REL * model.spectralRadius() * model.gradientNorm) {
                return finish(model, theta, PolishStatus.MERIT_STATIONARY, it, history, config);
            }
            double[] c = config.method() == PolishMethod.NEWTON ? TrustRegion.step(model, parameter)
                    : levenbergMarquardtStep(model, parameter);
            double stepNorm = QuadraticModel.norm(c);
            if (stepNorm <= STEP_REL * (1 + Vectors.norm2(theta))) {
                history.add(new PolishStep(it, model.value, model.gradientNorm, stepNorm, parameter, false));
                return finish(model, theta, PolishStatus.STALLED, it, history, config);
            }
            double[] trial = Vectors.addScaled(theta, 1, model.toParameters(c));
            double[] trialGradient = new double[theta.length];
            double trialValue = objective.valueAndGradient(trial, trialGradient);
            double trialNorm = Vectors.norm2(trialGradient);
            boolean finite = Double.isFinite(trialValue) && Double.isFinite(trialNorm);
            double rho = !finite ? -1 : config.method() == PolishMethod.NEWTON
                    ? newtonRatio(model, trialValue, trialNorm, c) : lmRatio(model, trialNorm, c);
            boolean accept = rho > 0;
            history.add(new PolishStep(it, model.value, model.gradientNorm, stepNorm, parameter, accept));
            if (config.method() == PolishMethod.NEWTON) {
                parameter = rho < 0.25 ? stepNorm / 4 : rho > 0.75 ? Math.max(parameter, 2 * stepNorm) : parameter;
            } else if (accept) {
                parameter *= Math.max(1.0 / 3, 1 - Math.pow(2 * rho - 1, 3));
                nu = 2;
            } else {
                parameter *= nu;
                nu *= 2;
            }
            if (accept) {
                theta = trial;
                model = QuadraticModel.at(objective, theta);
            }
        }
    }

    private static double[] levenbergMarquardtStep(QuadraticModel m, double mu) {
        double[] c = new double[m.p];
        for (int j = 0; j < m.p; j++) {
            double l = m.lambda[j];
            c[j] = -l * m.gt[j] / (l * l + mu);
        }
        return c;
    }

    /** Actual over predicted decrease of L; in the round-off regime, 1 if ‖∇L‖ fell and −1 otherwise. */
    private static double newtonRatio(QuadraticModel m, double nextValue, double nextGradientNorm, double[] c) {
        double predicted = 0;
        for (int j = 0; j < m.p; j++) {
            predicted -= m.gt[j] * c[j] + 0.5 * m.lambda[j] * c[j] * c[j];
        }
        double actual = m.value - nextValue;
        if (predicted <= ROUNDOFF_REL * Math.abs(m.value)) {
            return nextGradientNorm < m.gradientNorm ? 1 : -1;
        }
        return actual / predicted;
    }

    /** Actual over predicted decrease of the merit ½‖∇L‖². */
    private static double lmRatio(QuadraticModel m, double nextGradientNorm, double[] c) {
        double before = 0;
        double after = 0;
        for (int j = 0; j < m.p; j++) {
            before += m.gt[j] * m.gt[j];
            double r = m.gt[j] + m.lambda[j] * c[j];
            after += r * r;
        }
        double predicted = 0.5 * (before - after);
        double actual = 0.5 * (m.gradientNorm * m.gradientNorm - nextGradientNorm * nextGradientNorm);
        return predicted > 0 ? actual / predicted : (actual > 0 ? 1 : -1);
    }

    private static PolishResult finish(QuadraticModel m, double[] theta, PolishStatus status, int it,
            List<PolishStep> history, PolishConfig config) {
        return new PolishResult(theta, m.value, m.gradientNorm, status, it, history, config);
    }

    private static PolishResult finish(Objective objective, double[] theta, PolishStatus status, int it,
            List<PolishStep> history, PolishConfig config) {
        double[] g = new double[objective.dim()];
        double v = objective.valueAndGradient(theta, g);
        return new PolishResult(theta, v, Vectors.norm2(g), status, it, history, config);
    }
}
