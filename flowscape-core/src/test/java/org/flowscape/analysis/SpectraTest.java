package org.flowscape.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.flowscape.linalg.Tolerance;
import org.flowscape.objective.EmpiricalRisk;
import org.flowscape.testing.NumericAssert;
import org.junit.jupiter.api.Test;

class SpectraTest {

    @Test
    void matrixCaseAtOriginHasPlusMinusSingularValuesThreeTimes() {
        EmpiricalRisk f = Fixtures.matrixA4();
        DenseSpectrum s = DenseSpectrum.of(f, new double[f.dim()], DenseSpectrum.DEFAULT_TOLERANCE);
        double big = Math.sqrt(3 + Math.sqrt(5));
        double small = Math.sqrt(3 - Math.sqrt(5));
        double[] expected = {-big, -big, -big, -small, -small, -small, small, small, small, big, big, big};
        NumericAssert.assertClose("A.4 spectrum", expected, s.values(), 1e-12, 0);
        assertEquals(2.2882456113, big, 1e-10);
        assertEquals(0.8740320489, small, 1e-10);
        assertEquals(6, s.index());
        assertEquals(0, s.nullity());
    }

    @Test
    void productModelSpectraMatchClosedForms() {
        double y = 2;
        // N = 2 at the origin: ±|f'(0)| = ±y.
        DenseSpectrum s2 = DenseSpectrum.of(Fixtures.product(2, y), new double[2], DenseSpectrum.DEFAULT_TOLERANCE);
        NumericAssert.assertClose("N=2 origin", new double[] {-y, y}, s2.values(), 1e-14, 0);
        // N = 3 at the origin: H = 0.
        DenseSpectrum s3 = DenseSpectrum.of(Fixtures.product(3, y), new double[3], DenseSpectrum.DEFAULT_TOLERANCE);
        NumericAssert.assertClose("N=3 origin", new double[3], s3.values(), 0, 0);
        // Two zeros at (0,0,1.5): −3, 0, 3.
        DenseSpectrum saddle = DenseSpectrum.of(Fixtures.product(3, y), new double[] {0, 0, 1.5},
                DenseSpectrum.DEFAULT_TOLERANCE);
        NumericAssert.assertClose("(0,0,1.5)", new double[] {-3, 0, 3}, saddle.values(), 1e-14, 0);
        // Minimizer (1,1,2): f''·Σ_i Π_{j≠i} x_j² = 4 + 4 + 1 = 9 and N − 1 zeros.
        DenseSpectrum min = DenseSpectrum.of(Fixtures.product(3, y), new double[] {1, 1, 2},
                DenseSpectrum.DEFAULT_TOLERANCE);
        NumericAssert.assertClose("(1,1,2)", new double[] {0, 0, 9}, min.values(), 1e-13, 0);
        assertEquals(2, min.nullity());
        double c = Math.cbrt(2);
        DenseSpectrum balanced = DenseSpectrum.of(Fixtures.product(3, y), new double[] {c, c, c},
                DenseSpectrum.DEFAULT_TOLERANCE);
        assertEquals(7.5595263, balanced.values()[2], 1e-7);
    }

    @Test
    void lanczosAgreesWithDense() {
        EmpiricalRisk f = Fixtures.randomMlp();
        double[] theta = f.network().initialize(3);
        double[] dense = DenseSpectrum.of(f, theta, DenseSpectrum.DEFAULT_TOLERANCE).values();
        LanczosResult r = Lanczos.extremal(f, theta, new LanczosConfig(3, 3, 60, new Tolerance(0, 1e-9), 11));
        assertEquals(SpectrumStatus.CONVERGED, r.status());
        assertEquals(6, r.count());
        double radius = Math.max(Math.abs(dense[0]), Math.abs(dense[dense.length - 1]));
        double[] expected = {dense[0], dense[1], dense[2], dense[35], dense[36], dense[37]};
        NumericAssert.assertClose("extremal eigenvalues", expected, r.values(), 1e-9 * radius, 0);
        for (int i = 0; i < r.count(); i++) {
            assertTrue(r.converged()[i]);
            assertTrue(r.residuals()[i] <= r.threshold(), "residual " + i);
        }
    }

    @Test
    void lanczosRestartsOnTheZeroHessianAndIsDeterministic() {
        EmpiricalRisk f = Fixtures.product(3, 2);
        LanczosResult r = Lanczos.extremal(f, new double[3], LanczosConfig.of(1, 1, 5));
        NumericAssert.assertClose("zero Hessian", new double[2], r.values(), 0, 0);
        EmpiricalRisk g = Fixtures.matrixA4();
        LanczosResult a = Lanczos.extremal(g, new double[12], LanczosConfig.of(3, 3, 9));
        LanczosResult b = Lanczos.extremal(g, new double[12], LanczosConfig.of(3, 3, 9));
        assertTrue(Arrays.equals(a.values(), b.values()) && Arrays.equals(a.vectors(), b.vectors()));
        double big = Math.sqrt(3 + Math.sqrt(5));
        NumericAssert.assertClose("repeated ±σ₁", new double[] {-big, -big, -big, big, big, big}, a.values(), 1e-10,
                0);
    }

    @Test
    void hutchinsonAndHutchPlusPlusAreWithinThreeStandardErrors() {
        EmpiricalRisk f = Fixtures.randomMlp();
        double[] theta = f.network().initialize(5);
        double trace = Arrays.stream(DenseSpectrum.of(f, theta, DenseSpectrum.DEFAULT_TOLERANCE).values()).sum();
        TraceEstimate h = TraceEstimators.hutchinson(f, theta, 200, 21);
        assertTrue(h.standardError() > 0);
        assertTrue(Math.abs(h.estimate() - trace) <= 3 * h.standardError(), h + " vs " + trace);
        TraceEstimate pp = TraceEstimators.hutchPlusPlus(f, theta, 60, 21);
        assertTrue(Math.abs(pp.estimate() - trace) <= 3 * pp.standardError() + 1e-9 * Math.abs(trace),
                pp + " vs " + trace);
        assertTrue(pp.standardError() < h.standardError());
    }

    @Test
    void slqDensityIntegratesToOneAndEstimatesTheMeanEigenvalue() {
        EmpiricalRisk f = Fixtures.randomMlp();
        double[] theta = f.network().initialize(5);
        double[] values = DenseSpectrum.of(f, theta, DenseSpectrum.DEFAULT_TOLERANCE).values();
        SpectralDensity d = StochasticLanczosQuadrature.estimate(f, theta, 30, 38, 400, 0.01, 4);
        double step = d.grid()[1] - d.grid()[0];
        double integral = Arrays.stream(d.density()).sum() * step;
        assertEquals(1.0, integral, 1e-3);
        double meanEigen = Arrays.stream(values).average().orElseThrow();
        double estimate = d.estimate(x -> x);
        double hutchSe = TraceEstimators.hutchinson(f, theta, 30, 4).standardError() / values.length;
        assertTrue(Math.abs(estimate - meanEigen) <= 4 * hutchSe, estimate + " vs " + meanEigen);
        for (double se : d.standardError()) {
            assertTrue(se >= 0 && Double.isFinite(se));
        }
        // With as many steps as P every probe's nodes are the exact eigenvalues it sees.
        assertEquals(values[0], Arrays.stream(d.nodes()).filter(x -> !Double.isNaN(x)).min().orElseThrow(), 1e-9);
    }
}
