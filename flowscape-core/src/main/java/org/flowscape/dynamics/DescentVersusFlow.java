package org.flowscape.dynamics;

import org.flowscape.linalg.Vectors;
import org.flowscape.objective.Objective;

/**
 * How far gradient descent with step η lies from the flow at the same time t = kη, and from the modified flow of
 * L + (η/4)‖∇L‖². The plain gap is O(η) and the modified one O(η²): halving η halves the first and quarters the
 * second.
 *
 * @param eta          the step
 * @param steps        descent steps k (t = kη)
 * @param flowGap      ‖θ_k − θ(kη)‖ for the plain flow
 * @param modifiedGap  ‖θ_k − θ̃(kη)‖ for the modified flow
 * @param descentLoss  L(θ_k)
 * @param flowLoss     L(θ(kη))
 */
public record DescentVersusFlow(double eta, long steps, double flowGap, double modifiedGap, double descentLoss,
        double flowLoss) {

    /**
     * Runs {@code steps} descent steps with step η from θ0 (read only) and both flows to t = kη with DOP853 at the
     * given relative tolerance (absolute tolerance 1e-2·rtol). Cost: k gradients, plus the flows' gradients (the
     * modified one also an HVP each).
     */
    public static DescentVersusFlow compare(Objective objective, double[] theta0, double eta, long steps,
            double rtol) {
        double t = steps * eta;
        FlowResult gd = Descent.run(objective, theta0, GradientDescent.constant(eta), StoppingRule.horizon(t));
        FlowConfig config = FlowConfig.of(FlowMethod.DOPRI853).withTolerances(rtol, 1e-2 * rtol)
                .withStiffnessCheck(false);
        FlowResult flow = GradientFlow.run(objective, theta0, config, StoppingRule.horizon(t));
        FlowResult modified = GradientFlow.run(new ModifiedObjective(objective.fork(), eta), theta0, config,
                StoppingRule.horizon(t));
        return new DescentVersusFlow(eta, gd.steps(), Vectors.norm2(Vectors.subtract(gd.theta(), flow.theta())),
                Vectors.norm2(Vectors.subtract(gd.theta(), modified.theta())), gd.loss(), flow.loss());
    }
}
