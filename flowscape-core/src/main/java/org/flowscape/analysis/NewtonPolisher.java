package org.flowscape.analysis;

import java.util.List;
import org.flowscape.linalg.Vectors;
import org.flowscape.objective.Objective;

/**
 * Trust-region Newton on L ({@link PolishMethod#NEWTON}): each accepted point forms the dense Hessian once; the step
 * is a Cholesky solve when H is positive definite and the Newton step fits the radius, else the exact subproblem in
 * H's eigenbasis ({@link NewtonModel}). The ratio test compares L's actual and predicted decrease, and in the
 * round-off regime (predicted decrease below {@link Polisher#ROUNDOFF_REL}·|L|) whether ‖∇L‖ fell. Package-private:
 * {@link Polisher} dispatches here, and {@link GaussNewtonPolisher} hands over here.
 */
final class NewtonPolisher {
    private NewtonPolisher() {
    }

    /**
     * Polishes from {@code start} (read only; its value and gradient are given and kept), appending to
     * {@code history} and numbering iterations from {@code first}.
     */
    static PolishResult polish(Objective objective, double[] start, double value, double[] gradient,
            PolishConfig config, List<PolishStep> history, int first) {
        double[] theta = start.clone();
        double radius = config.initialRadius();
        NewtonModel model = NewtonModel.at(objective, theta, value, gradient);
        for (int it = first; ; it++) {
            if (model == null) {
                return Polisher.finish(objective, theta, PolishStatus.NON_FINITE, it, history, config);
            }
            PolishStatus stop = Polisher.stopBefore(model.value, model.gradientNorm, theta, it, config);
            if (stop != null) {
                if (stop == PolishStatus.CONVERGED) {
                    history.add(new PolishStep(it, model.value, model.gradientNorm, 0, radius, false));
                }
                return Polisher.result(theta, model.value, model.gradientNorm, stop, it, history, config);
            }
            double[] s = model.step(radius);
            double stepNorm = Vectors.norm2(s);
            if (stepNorm <= Polisher.STEP_REL * (1 + Vectors.norm2(theta))) {
                history.add(new PolishStep(it, model.value, model.gradientNorm, stepNorm, radius, false));
                return Polisher.result(theta, model.value, model.gradientNorm, PolishStatus.STALLED, it, history,
                        config);
            }
            double[] trial = Vectors.addScaled(theta, 1, s);
            double[] trialGradient = new double[theta.length];
            double trialValue = objective.valueAndGradient(trial, trialGradient);
            double trialNorm = Vectors.norm2(trialGradient);
            boolean finite = Double.isFinite(trialValue) && Double.isFinite(trialNorm);
            double rho = finite ? ratio(model, trialValue, trialNorm, s) : -1;
            boolean accept = rho > 0;
            history.add(new PolishStep(it, model.value, model.gradientNorm, stepNorm, radius, accept));
            radius = rho < 0.25 ? stepNorm / 4 : rho > 0.75 ? Math.max(radius, 2 * stepNorm) : radius;
            if (accept) {
                theta = trial;
                model = NewtonModel.at(objective, theta, trialValue, trialGradient);
            }
        }
    }

    /** Actual over predicted decrease of L; in the round-off regime, 1 if ‖∇L‖ fell and −1 otherwise. */
    private static double ratio(NewtonModel m, double nextValue, double nextGradientNorm, double[] s) {
        double predicted = m.predictedDecrease(s);
        if (predicted <= Polisher.ROUNDOFF_REL * Math.abs(m.value)) {
            return nextGradientNorm < m.gradientNorm ? 1 : -1;
        }
        return (m.value - nextValue) / predicted;
    }
}
