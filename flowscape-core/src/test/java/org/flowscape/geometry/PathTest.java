package org.flowscape.geometry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.flowscape.testing.NumericAssert.assertClose;

import org.flowscape.linalg.Tolerance;
import org.flowscape.objective.EmpiricalRisk;
import org.junit.jupiter.api.Test;

class PathTest {

    @Test
    void barrierConventionsAndFirstIncreaseOnAPlantedProfile() {
        double[] lam = {0, 0.25, 0.5, 0.75, 1};
        double[] loss = {1.0, 0.8, 0.9, 0.7, 0.2};
        PathProfile p = PathProfile.of(lam, loss, PathProfile.DEFAULT_TOLERANCE);
        // chord: 1, 0.8, 0.6, 0.4, 0.2 -> excess 0, 0, 0.3, 0.3, 0; the first maximum is at 0.5
        assertClose("barrier above chord", 0.3, p.barrier(), 1e-15, 0);
        assertThat(p.barrierLambda()).isEqualTo(0.5);
        assertClose("barrier above endpoints", 0.0, p.barrierAboveEndpoints(), 0, 0);
        assertThat(p.monotone()).isFalse();
        assertThat(p.firstIncrease()).isEqualTo(2);
        assertThat(p.firstIncreaseLambda()).isEqualTo(0.5);
        PathProfile loose = PathProfile.of(lam, loss, new Tolerance(0.11, 0));
        assertThat(loose.monotone()).isTrue();
        assertThat(loose.firstIncreaseLambda()).isNaN();
        PathProfile hump = PathProfile.of(new double[] {0, 0.5, 1}, new double[] {0.1, 0.6, 0.3}, new Tolerance(0, 0));
        assertClose("hump above endpoints", 0.3, hump.barrierAboveEndpoints(), 1e-15, 0);
        assertThat(hump.peakLambda()).isEqualTo(0.5);
    }

    @Test
    void straightPathHitsBothEndpointsExactly() {
        EmpiricalRisk f = GeometryFixtures.reluRisk("mlp:2-3-1:relu", 6, 9);
        double[] a = GeometryFixtures.gaussianTheta(f.dim(), 9, 0);
        double[] b = GeometryFixtures.gaussianTheta(f.dim(), 9, 1);
        PathProfile p = LinearPath.profile(f, a, b, 11, PathProfile.DEFAULT_TOLERANCE);
        assertThat(p.losses()[0]).isEqualTo(f.value(a));
        assertThat(p.losses()[10]).isEqualTo(f.value(b));
        assertThat(p.lambdas()[10]).isEqualTo(1.0);
        assertThat(p.barrier()).isGreaterThanOrEqualTo(0.0);
    }
}
