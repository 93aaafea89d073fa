package org.flowscape.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.flowscape.loss.Losses;
import org.flowscape.model.Models;
import org.flowscape.objective.EmpiricalRisk;
import org.flowscape.testing.Problems;
import org.junit.jupiter.api.Test;

class CertifierTest {

    @Test
    void certifiesTheEfficientTanhMinimumAsIndexZero() {
        EmpiricalRisk f = Fixtures.shallowTanh(2);
        PolishResult r = Polisher.polish(f, Fixtures.b7Minimum(), PolishConfig.defaults(PolishMethod.NEWTON));
        Certificate c = Certifier.certify(f, r.theta(), DenseSpectrum.DEFAULT_TOLERANCE);
        assertEquals(Certificate.Status.CERTIFIED, c.status(), c.reason());
        assertEquals(0, c.index());
        assertTrue(c.uniqueProved());
        assertTrue(c.gershgorinGap() > 0);
        assertTrue(c.enclosureWidth() < 1e-6);
    }

    @Test
    void certifiesSaddlesWithTheirIndex() {
        Certificate product = Certifier.certify(Fixtures.product(2, 1.5), new double[2],
                DenseSpectrum.DEFAULT_TOLERANCE);
        assertEquals(Certificate.Status.CERTIFIED, product.status(), product.reason());
        assertEquals(1, product.index());
        Certificate matrix = Certifier.certify(Fixtures.matrixA4(), new double[12], DenseSpectrum.DEFAULT_TOLERANCE);
        assertEquals(Certificate.Status.CERTIFIED, matrix.status(), matrix.reason());
        assertEquals(6, matrix.index());
    }

    @Test
    void refusesDegeneratePointsAndUnsupportedModels() {
        Certificate degenerate = Certifier.certify(Fixtures.product(3, 2), new double[] {1, 1, 2},
                DenseSpectrum.DEFAULT_TOLERANCE);
        assertEquals(Certificate.Status.NOT_CERTIFIABLE, degenerate.status());
        assertTrue(degenerate.reason().contains("degenerate"));
        assertFalse(degenerate.certified());
        EmpiricalRisk relu = new EmpiricalRisk(Models.parse("mlp:2-3-1:relu"), Losses.mse(),
                Problems.gaussian(10, 2, 1, 1));
        Certificate r = Certifier.certify(relu, relu.network().initialize(1), DenseSpectrum.DEFAULT_TOLERANCE);
        assertEquals(Certificate.Status.NOT_CERTIFIABLE, r.status());
        assertTrue(r.reason().contains("relu"));
        EmpiricalRisk big = new EmpiricalRisk(Models.parse("mlp:10-40-1:tanh"), Losses.mse(),
                Problems.gaussian(5, 10, 1, 1));
        Certificate tooBig = Certifier.certify(big, big.network().initialize(1), DenseSpectrum.DEFAULT_TOLERANCE);
        assertEquals(Certificate.Status.NOT_CERTIFIABLE, tooBig.status());
        assertTrue(tooBig.reason().contains("limit"));
        EmpiricalRisk xent = new EmpiricalRisk(Models.parse("mlp:2-3-2:tanh"), Losses.parse("xent"),
                Problems.classes(10, 2, 2, 1));
        assertTrue(Certifier.certify(xent, xent.network().initialize(1), DenseSpectrum.DEFAULT_TOLERANCE).reason()
                .contains("squared error"));
    }

    @Test
    void aNonCriticalPointIsNotCertified() {
        EmpiricalRisk f = Fixtures.shallowTanh(2);
        double[] theta = Fixtures.b7Minimum();
        theta[6] += 1e-3;
        Certificate c = Certifier.certify(f, theta, DenseSpectrum.DEFAULT_TOLERANCE);
        assertEquals(Certificate.Status.NOT_PROVED, c.status());
    }

    @Test
    void intervalEnclosuresContainTheFloatingPointDerivatives() {
        for (String act : new String[] {"tanh", "sigmoid", "softplus", "exp", "algebraic_sigmoid", "sin",
            "poly(0.5,1,-0.25,0.1)"}) {
            EmpiricalRisk f = new EmpiricalRisk(Models.parse("mlp:2-3-2-1:" + act), Losses.mse(),
                    Problems.gaussian(6, 2, 1, 3));
            int p = f.dim();
            double[] theta = f.network().initialize(4);
            double[] lo = new double[p];
            double[] hi = new double[p];
            for (int i = 0; i < p; i++) {
                lo[i] = theta[i] - 1e-3;
                hi[i] = theta[i] + 1e-3;
            }
            IntervalJet box = IntervalRisk.of(f).enclose(lo, hi, true);
            double[] g = new double[p];
            double v = f.valueAndGradient(theta, g);
            double[] h = f.hessian(theta, new double[p * p]);
            assertTrue(box.v[0] <= v && v <= box.v[1], act);
            for (int i = 0; i < p; i++) {
                assertTrue(box.g[2 * i] <= g[i] && g[i] <= box.g[2 * i + 1], act + " gradient " + i);
            }
            for (int i = 0; i < p * p; i++) {
                double slack = 1e-14 * (1 + Math.abs(h[i]));
                assertTrue(box.h[2 * i] - slack <= h[i] && h[i] <= box.h[2 * i + 1] + slack, act + " hessian " + i);
            }
            IntervalJet thin = IntervalRisk.of(f).enclose(theta, theta, false);
            for (int i = 0; i < p; i++) {
                assertTrue(thin.g[2 * i + 1] - thin.g[2 * i] <= 1e-12 * (1 + Math.abs(g[i])), act + " thin " + i);
            }
        }
    }
}
