package org.flowscape.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.flowscape.linalg.Matrix;
import org.flowscape.linalg.SymmetricEigen;
import org.flowscape.objective.EmpiricalRisk;
import org.flowscape.testing.FiniteDifferences;
import org.flowscape.testing.Problems;
import org.junit.jupiter.api.Test;

class AnalysisTest {
    private static final FlowConfig TIGHT = FlowConfig.of(FlowMethod.DOPRI853).withTolerances(1e-12, 1e-14);
    private static final double[][] INITS = {{0.5, 0.5}, {1, 0.25}, {2, 0.125}, {0.125, 2}};
    private static final double[] TIMES = {0.9608651838, 0.8639713714, 0.5645105947, 0.5645105947};

    @Test
    void closedFormHittingTimesMatchTheTheoryTable() {
        for (int i = 0; i < INITS.length; i++) {
            double[] w = INITS[i];
            double c = ProductModel.imbalance(new double[] {w[0]}, new double[] {w[1]});
            assertEquals(TIMES[i], ProductModel.hittingTimeQuadratic(3, c, 0.25, 2.9), 1e-10);
            double quad = ProductModel.hittingTime(z -> z - 3, c, 0.25, 2.9, 1e-12);
            assertEquals(TIMES[i], quad, 1e-9);
        }
        assertEquals(15.875244140625, ProductModel.imbalance(new double[] {2}, new double[] {0.125}), 1e-15);
        assertEquals(Double.POSITIVE_INFINITY, ProductModel.hittingTimeQuadratic(3, 0, 0.25, 3.5));
    }

    @Test
    void theProductFlowHitsZ1AtTheClosedFormTime() {
        EmpiricalRisk f = Fixtures.scalar("product:2", 3);
        for (int i = 0; i < INITS.length; i++) {
            FlowResult r = GradientFlow.run(f, INITS[i], TIGHT, StoppingRule.horizon(10)
                    .withEvent(FlowEvent.of("z=2.9", p -> p.theta()[0] * p.theta()[1] - 2.9)));
            assertEquals(Status.EVENT, r.status());
            assertEquals(TIMES[i], r.time(), 1e-6);
        }
    }

    @Test
    void productLossesAtFixedTimesAreOrderedByImbalance() {
        EmpiricalRisk f = Fixtures.scalar("product:2", 3);
        double[][] expected = {{3.311908, 2.655246, 0.563483}, {2.946132, 2.055430, 0.260374},
            {1.603287, 0.577594, 0.012326}};
        for (int i = 0; i < 3; i++) {
            FlowResult r = GradientFlow.run(f, INITS[i], TIGHT, StoppingRule.horizon(0.5),
                    new SampleGrid(new double[] {0.1, 0.2, 0.5}), List.of());
            for (int j = 0; j < 3; j++) {
                assertEquals(expected[i][j], r.samples().get(j).loss(), 1e-6);
            }
        }
    }

    @Test
    void fittedRatesMatchTheirPredictions() {
        EmpiricalRisk f = Fixtures.scalar("product:2", 3);
        double[] theta0 = INITS[1];
        double c = ProductModel.imbalance(new double[] {theta0[0]}, new double[] {theta0[1]});
        FlowResult r = GradientFlow.run(f, theta0, TIGHT, StoppingRule.horizon(4), SampleGrid.linear(4, 400),
                List.of());
        RateEstimate fit = fit(r);
        assertTrue(fit.valid() && fit.decades() > 2, fit.toString());
        double predicted = RatePredictions.product(1, c, 3);
        assertEquals(predicted, fit.rate(), 1e-3 * predicted);
        double[] hessian = RatePredictions.hessian(f, r.theta());
        assertEquals(predicted, hessian[1], 1e-6 * predicted);
        assertEquals(0, hessian[0], 1e-6);

        EmpiricalRisk lin = Fixtures.linearModel();
        FlowResult lr = GradientFlow.run(lin, new double[4], TIGHT, StoppingRule.horizon(40),
                SampleGrid.linear(40, 400), List.of());
        RateEstimate lfit = fit(lr);
        assertEquals(2 * 0.3508697, lfit.rate(), 1e-4);
        assertEquals(2 * 0.3508697, RatePredictions.hessian(lin, lr.theta())[1], 1e-6);
    }

    @Test
    void descentFactorPredictsThePerStepContraction() {
        EmpiricalRisk lin = Fixtures.linearModel();
        double eta = 0.5;
        TraceMonitor trace = new TraceMonitor();
        Descent.run(lin, new double[4], GradientDescent.constant(eta), StoppingRule.horizon(60), SampleGrid.none(),
                List.of(trace));
        double[] h = lin.hessian(new double[4], new double[16]);
        double q = RatePredictions.descentFactor(SymmetricEigen.values(new Matrix(4, 4, h)).values(), eta);
        RateEstimate fit = RateFit.fit(trace.loss().times(), trace.loss().values(), 0, 6);
        assertEquals(RatePredictions.perTime(q, eta), fit.rate(), 1e-4 * fit.rate());
    }

    @Test
    void halvingTheStepHalvesTheFlowGapAndQuartersTheModifiedGap() {
        EmpiricalRisk f = Fixtures.gaussian("mlp:2-3-1:tanh", 5, 3);
        double[] theta0 = Fixtures.theta(f.dim(), 0.8, 2);
        DescentVersusFlow coarse = DescentVersusFlow.compare(f, theta0, 0.02, 50, 1e-12);
        DescentVersusFlow fine = DescentVersusFlow.compare(f, theta0, 0.01, 100, 1e-12);
        double plain = coarse.flowGap() / fine.flowGap();
        double modified = coarse.modifiedGap() / fine.modifiedGap();
        assertTrue(plain > 1.8 && plain < 2.2, "plain gap ratio " + plain);
        assertTrue(modified > 3.5 && modified < 4.5, "modified gap ratio " + modified);
        assertTrue(fine.modifiedGap() < 0.1 * fine.flowGap());
    }

    @Test
    void modifiedObjectiveGradientMatchesFiniteDifferences() {
        EmpiricalRisk f = Fixtures.gaussian("mlp:2-3-1:tanh", 5, 3);
        ModifiedObjective m = new ModifiedObjective(f, 0.1);
        double[] theta = Fixtures.theta(f.dim(), 0.8, 2);
        double[] g = new double[f.dim()];
        m.valueAndGradient(theta, g);
        double[] u = Problems.unit(f.dim(), 7, 0);
        double fd = FiniteDifferences.directional(m, theta, u, 1e-5);
        assertEquals(fd, org.flowscape.linalg.Vectors.dot(g, u), 1e-8);
        assertThrows(UnsupportedOperationException.class, () -> m.hessianVectorProduct(theta, u, g));
    }

    @Test
    void rateFitIgnoresTheRoundOffTail() {
        double[] t = new double[100];
        double[] l = new double[100];
        for (int i = 0; i < 100; i++) {
            t[i] = i;
            l[i] = Math.max(Math.exp(-0.5 * i), 1e-16 * (1 + 0.3 * Math.sin(i)));
        }
        RateEstimate fit = RateFit.fit(t, l, 0, 4);
        assertEquals(0.5, fit.rate(), 1e-12);
        assertTrue(fit.end() < 72);
    }

    private static RateEstimate fit(FlowResult r) {
        double[] t = new double[r.samples().size()];
        double[] l = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = r.samples().get(i).time();
            l[i] = r.samples().get(i).loss();
        }
        return RateFit.fit(t, l, 0, 3);
    }
}
