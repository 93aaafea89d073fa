package org.flowscape.objective;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import org.flowscape.loss.Losses;
import org.flowscape.model.Models;
import org.flowscape.testing.DerivativeChecks;
import org.flowscape.testing.Problems;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The hot paths of a flow or a Lanczos run allocate nothing per call once warm: a gradient at a new θ (forward,
 * loss, backward, through native BLAS and the Java thin-shape kernels) and a Hessian-vector product at the cached θ.
 * Measured with the JVM's per-thread allocation counter over 200 calls after 300 warm-up calls (so C2 has compiled
 * the paths); the bound of 64 bytes per call leaves room for a stray boxed value but not for any array (θ alone is
 * 1 201 doubles).
 */
class AllocationFreeTest {
    private static final int WARM_UP = 300;
    private static final int CALLS = 200;

    private static com.sun.management.ThreadMXBean threads() {
        var bean = ManagementFactory.getThreadMXBean();
        Assumptions.assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "no allocation counter in this JVM");
        var counter = (com.sun.management.ThreadMXBean) bean;
        Assumptions.assumeTrue(counter.isThreadAllocatedMemorySupported(), "no allocation counter in this JVM");
        counter.setThreadAllocatedMemoryEnabled(true);
        return counter;
    }

    private static EmpiricalRisk w1Shaped() {
        // W1's architecture (10-100-1 tanh, P = 1201) on 200 samples
        return new EmpiricalRisk(Models.parse("mlp:10-100-1:tanh"), Losses.parse("mse"),
                Problems.gaussian(200, 10, 1, 15));
    }

    @Test
    void gradientsAtAlternatingPointsAllocateNothing() {
        var counter = threads();
        EmpiricalRisk f = w1Shaped();
        double[] theta = DerivativeChecks.point(f.network());
        double[] nudged = theta.clone();
        nudged[0] = Math.nextUp(nudged[0]);
        double[] g = new double[f.dim()];
        for (int i = 0; i < WARM_UP; i++) {
            f.valueAndGradient((i & 1) == 0 ? theta : nudged, g);
        }
        long tid = Thread.currentThread().getId();
        long before = counter.getThreadAllocatedBytes(tid);
        for (int i = 0; i < CALLS; i++) {
            f.valueAndGradient((i & 1) == 0 ? theta : nudged, g);
        }
        long perCall = (counter.getThreadAllocatedBytes(tid) - before) / CALLS;
        assertThat(perCall).as("bytes allocated per gradient").isLessThanOrEqualTo(64);
    }

    @Test
    void hessianVectorProductsAtTheCachedPointAllocateNothing() {
        var counter = threads();
        EmpiricalRisk f = w1Shaped();
        double[] theta = DerivativeChecks.point(f.network());
        double[] v = Problems.unit(f.dim(), 15, 0);
        double[] hv = new double[f.dim()];
        for (int i = 0; i < WARM_UP; i++) {
            f.hessianVectorProduct(theta, v, hv);
        }
        long tid = Thread.currentThread().getId();
        long before = counter.getThreadAllocatedBytes(tid);
        for (int i = 0; i < CALLS; i++) {
            f.hessianVectorProduct(theta, v, hv);
        }
        long perCall = (counter.getThreadAllocatedBytes(tid) - before) / CALLS;
        assertThat(perCall).as("bytes allocated per Hessian-vector product").isLessThanOrEqualTo(64);
    }
}
