package org.flowscape.dynamics;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.List;
import org.flowscape.objective.EmpiricalRisk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The flow on our Dormand–Prince core gives Hipparchus' results bit for bit (θ, loss, steps, counts, the located
 * stop and the dense-output samples), counts its rejections, and allocates nothing per step after warm-up.
 */
class RungeKuttaFlowTest {

    @ParameterizedTest
    @EnumSource(value = FlowMethod.class, names = {"DOPRI853", "DOPRI54"})
    void deepLinearFlowMatchesTheHipparchusPathBitForBit(FlowMethod method) {
        EmpiricalRisk f = new EmbeddedRungeKuttaTest.EmpiricalRiskFlow().risk;
        double[] theta0 = new EmbeddedRungeKuttaTest.EmpiricalRiskFlow().theta0;
        FlowConfig config = FlowConfig.of(method).withTolerances(1e-9, 1e-12).withStiffnessCheck(false);
        StoppingRule stop = StoppingRule.horizon(1e4).withLossTarget(1e-8);
        SampleGrid grid = SampleGrid.log(1e-2, 50, 7);

        FlowResult ours = GradientFlow.run(f, theta0, config, stop, grid, List.of());
        Evaluator eval = new Evaluator(f.fork(), stop.maxEvaluations());
        FlowResult ref = HipparchusFlow.run(eval, theta0, config, method, "requested",
                new RunTracker(eval, stop, grid, List.of()));

        assertThat(ours.status()).isEqualTo(Status.LOSS_REACHED).isEqualTo(ref.status());
        assertThat(ours.theta()).containsExactly(ref.theta());
        assertThat(ours.time()).isEqualTo(ref.time());
        assertThat(ours.loss()).isEqualTo(ref.loss());
        assertThat(ours.steps()).isEqualTo(ref.steps());
        assertThat(ours.gradientEvaluations()).isEqualTo(ref.gradientEvaluations());
        assertThat(ours.samples()).hasSameSizeAs(ref.samples()).isNotEmpty();
        for (int i = 0; i < ours.samples().size(); i++) {
            assertThat(ours.samples().get(i).loss()).isEqualTo(ref.samples().get(i).loss());
        }
        long attempts = (ours.gradientEvaluations() - 2) / (method == FlowMethod.DOPRI853 ? 12 : 6);
        assertThat(ours.rejectedSteps()).isEqualTo(attempts - ours.steps());
    }

    @Test
    void aStepAllocatesNothingAfterWarmUp() {
        Quadratic q = Quadratic.withSpectrum(new double[] {1, 2, 3, 4}, new double[] {0.5, -1, 0.25, 2});
        FlowConfig config = FlowConfig.of(FlowMethod.DOPRI853).withTolerances(1e-12, 1e-14)
                .withStiffnessCheck(false);
        StoppingRule stop = StoppingRule.horizon(400);
        double[] theta0 = {3, 3, 3, 3};
        for (int i = 0; i < 200; i++) {
            GradientFlow.run(q, theta0, config, stop);
        }
        long perRunShort = allocated(q, theta0, config, StoppingRule.horizon(4));
        long perRunLong = allocated(q, theta0, config, stop);
        long stepsShort = GradientFlow.run(q, theta0, config, StoppingRule.horizon(4)).steps();
        long stepsLong = GradientFlow.run(q, theta0, config, stop).steps();
        assertThat(stepsLong - stepsShort).as("extra steps").isGreaterThan(20);
        // the run's set-up allocates (buffers, result); the extra steps of the longer run must add nothing
        double perStep = (double) (perRunLong - perRunShort) / (stepsLong - stepsShort);
        assertThat(perStep).as("bytes per step").isLessThan(8);
    }

    private static long allocated(Quadratic q, double[] theta0, FlowConfig config, StoppingRule stop) {
        var bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        long best = Long.MAX_VALUE;
        for (int r = 0; r < 5; r++) {
            long before = bean.getThreadAllocatedBytes(id);
            GradientFlow.run(q, theta0, config, stop);
            best = Math.min(best, bean.getThreadAllocatedBytes(id) - before);
        }
        return best;
    }
}
