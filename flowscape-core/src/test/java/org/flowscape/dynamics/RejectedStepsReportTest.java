package org.flowscape.dynamics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Rejected steps are reported only where the integrator knows them; never a made-up zero. */
class RejectedStepsReportTest {
    private static final Quadratic Q = Quadratic.withSpectrum(new double[] {1, 50}, new double[] {0.5, -1});

    @Test
    void dormandPrinceCountsItsRejections() {
        // every attempt costs 12 new gradients (plus 1 at t0 and 1 for the starting step): attempts − accepted
        FlowResult r = GradientFlow.run(Q, new double[] {2, 2}, FlowConfig.of(FlowMethod.DOPRI853),
                StoppingRule.horizon(1));
        assertThat(r.rejectedSteps()).isEqualTo((r.gradientEvaluations() - 2) / 12 - r.steps());
    }

    @Test
    void theHipparchusReferenceReportsRejectionsAsUnknown() {
        Evaluator eval = new Evaluator(Q, Long.MAX_VALUE);
        StoppingRule stop = StoppingRule.horizon(1);
        FlowResult r = HipparchusFlow.run(eval, new double[] {2, 2}, FlowConfig.of(FlowMethod.DOPRI853),
                FlowMethod.DOPRI853, "requested", new RunTracker(eval, stop, SampleGrid.none(), java.util.List.of()));
        assertThat(r.rejectedSteps()).isEqualTo(FlowResult.UNKNOWN);
    }

    @Test
    void fixedStepRungeKuttaRejectsNothing() {
        FlowResult r = GradientFlow.run(Q, new double[] {2, 2}, FlowConfig.rk4(1e-3), StoppingRule.horizon(1));
        assertThat(r.rejectedSteps()).isZero();
        assertThat(r.steps()).isEqualTo(1000);
    }
}
