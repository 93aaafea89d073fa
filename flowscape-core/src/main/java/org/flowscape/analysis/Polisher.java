package org.flowscape.analysis;

import java.util.ArrayList;
import java.util.List;
import org.flowscape.linalg.Vectors;
import org.flowscape.objective.ModelObjective;
import org.flowscape.objective.Objective;

/**
 * Polishes a point to a critical point of L to ‖∇L‖ ≤ 1e-12 (or a stated tolerance and iteration limit), keeping the
 * iteration history. {@link PolishMethod#NEWTON}: trust-region Newton, a Cholesky solve where H is positive definite
 * and the exact subproblem in the Hessian's eigenbasis otherwise (Moré–Sorensen, hard case included; see
 * {@link NewtonPolisher}); {@link PolishMethod#GAUSS_NEWTON}: Levenberg–Marquardt on the residuals of a squared-error
 * objective, handing over to Newton when the residual stops falling ({@link GaussNewtonPolisher});
 * {@link PolishMethod#LEVENBERG_MARQUARDT}: damped Gauss–Newton on ∇L = 0 with Nielsen's damping update. Dense: the
 * Newton and LM iterations form the Hessian (O(nP²)), which suits the few thousand parameters where polishing to
 * 1e-12 is meaningful; a rejected trial step costs only a value and gradient.
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

    /**
     * Polishes from {@code start} (read only).
     *
     * @throws IllegalArgumentException for {@link PolishMethod#GAUSS_NEWTON} on an objective that is not a
     *                                  {@link ModelObjective} with a squared-error loss
     */
    public static PolishResult polish(Objective objective, double[] start, PolishConfig config) {
        double[] g = new double[objective.dim()];
        double v = objective.valueAndGradient(start, g);
        return switch (config.method()) {
            case NEWTON -> NewtonPolisher.polish(objective, start, v, g, config, new ArrayList<>(), 0);
            case GAUSS_NEWTON -> GaussNewtonPolisher.polish(GaussNewtonPolisher.require(objective), start, config);
            case LEVENBERG_MARQUARDT -> levenbergMarquardt(objective, start, config);
        };
    }

    private static PolishResult levenbergMarquardt(Objective objective, double[] start, PolishConfig config) {
        double[] theta = start.clone();
        List<PolishStep> history = new ArrayList<>();
        double parameter = Double.NaN;
        double nu = 2;
        QuadraticModel model = QuadraticModel.at(objective, theta);
        for (int it = 0; ; it++) {
            if (model == null) {
                return finish(objective, theta, PolishStatus.NON_FINITE, it, history, config);
            }
            PolishStatus stop = stopBefore(model.value, model.gradientNorm, theta, it, config);
            if (stop != null) {
                if (stop == PolishStatus.CONVERGED) {
                    history.add(new PolishStep(it, model.value, model.gradientNorm, 0, parameter, false));
                }
                return result(theta, model.value, model.gradientNorm, stop, it, history, config);
            }
            if (Double.isNaN(parameter)) {
                parameter = 1e-3 * Math.max(1e-300, model.spectralRadius() * model.spectralRadius());
            }
            if (model.meritGradientNorm() <= MERIT_REL * model.spectralRadius() * model.gradientNorm) {
                return result(theta, model.value, model.gradientNorm, PolishStatus.MERIT_STATIONARY, it, history,
                        config);
            }
            double[] c = levenbergMarquardtStep(model, parameter);
            double stepNorm = QuadraticModel.norm(c);
            if (stepNorm <= STEP_REL * (1 + Vectors.norm2(theta))) {
                history.add(new PolishStep(it, model.value, model.gradientNorm, stepNorm, parameter, false));
                return result(theta, model.value, model.gradientNorm, PolishStatus.STALLED, it, history, config);
            }
            double[] trial = Vectors.addScaled(theta, 1, model.toParameters(c));
            double[] trialGradient = new double[theta.length];
            double trialValue = objective.valueAndGradient(trial, trialGradient);
            double trialNorm = Vectors.norm2(trialGradient);
            boolean finite = Double.isFinite(trialValue) && Double.isFinite(trialNorm);
            double rho = finite ? lmRatio(model, trialNorm, c) : -1;
            boolean accept = rho > 0;
            history.add(new PolishStep(it, model.value, model.gradientNorm, stepNorm, parameter, accept));
            if (accept) {
                parameter *= Math.max(1.0 / 3, 1 - Math.pow(2 * rho - 1, 3));
                nu = 2;
                theta = trial;
                model = QuadraticModel.at(objective, theta);
            } else {
                parameter *= nu;
                nu *= 2;
            }
        }
    }

    /** The status that ends the iteration before a step at θ (CONVERGED, MAX_ITERATIONS, DIVERGED), or null. */
    static PolishStatus stopBefore(double value, double gradientNorm, double[] theta, int it, PolishConfig config) {
        if (gradientNorm <= config.gradientTolerance()) {
            return PolishStatus.CONVERGED;
        }
        if (it >= config.maxIterations()) {
            return PolishStatus.MAX_ITERATIONS;
        }
        if (org.flowscape.internal.Cancellation.requested()) {
            return PolishStatus.CANCELLED;
        }
        return Vectors.normInf(theta) > config.divergenceBound() ? PolishStatus.DIVERGED : null;
    }

    private static double[] levenbergMarquardtStep(QuadraticModel m, double mu) {
        double[] c = new double[m.p];
        for (int j = 0; j < m.p; j++) {
            double l = m.lambda[j];
            c[j] = -l * m.gt[j] / (l * l + mu);
        }
        return c;
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

    static PolishResult result(double[] theta, double value, double gradientNorm, PolishStatus status, int it,
            List<PolishStep> history, PolishConfig config) {
        return new PolishResult(theta, value, gradientNorm, status, it, history, config);
    }

    static PolishResult finish(Objective objective, double[] theta, PolishStatus status, int it,
            List<PolishStep> history, PolishConfig config) {
        double[] g = new double[objective.dim()];
        double v = objective.valueAndGradient(theta, g);
        return new PolishResult(theta, v, Vectors.norm2(g), status, it, history, config);
    }
}
