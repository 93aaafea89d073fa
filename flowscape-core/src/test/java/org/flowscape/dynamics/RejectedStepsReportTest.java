package org.flowscape.dynamics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Rejected steps are reported only where the integrator knows them; never a made-up zero. */
class RejectedStepsReportTest {
    private static final Quadratic Q = Quadratic.withSpectrum(new double[] {1, 50}, new double[] {0.5, -1});

    @Test
    void hipparchusAdaptiveMethodsReportRejectionsAsUnknown() {
        FlowResult r = GradientFlow.run(Q, new double[] {2, 2}, FlowConfig.of(FlowMethod.DOPRI853),
                StoppingRule.horizon(1));
        assertThat(r.rejectedSteps()).isEqualTo(FlowResult.UNKNOWN);
    }

    @Test
    void fixedStepRungeKuttaRejectsNothing() {
        FlowResult r = GradientFlow.run(Q, new double[] {2, 2}, FlowConfig.rk4(1e-3), StoppingRule.horizon(1));
        assertThat(r.rejectedSteps()).isZero();
        assertThat(r.steps()).isEqualTo(1000);
    }
}
