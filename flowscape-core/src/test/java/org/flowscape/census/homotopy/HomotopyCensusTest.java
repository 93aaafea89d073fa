package org.flowscape.census.homotopy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HomotopyCensusTest {
    /** ½(ab − 1)² + λ/2(a² + b²) in the variables a = x1, b = x2. */
    static PolynomialLoss factorisation(double lambda) {
        Polynomial a = Polynomial.variable(2, 0);
        Polynomial b = Polynomial.variable(2, 1);
        Polynomial r = a.times(b).minus(Polynomial.constant(2, 1));
        return new PolynomialLoss(r.times(r).scale(0.5, 0), "scalar factorisation").withWeightDecay(lambda);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void scalarFactorisationHasFiveComplexThreeRealCriticalPointsForEveryGamma(long seed) {
        double lambda = 0.36;
        HomotopyCensusResult r = HomotopyCensus.run(factorisation(lambda), HomotopySettings.defaults(seed));
        assertEquals(9, r.paths());
        assertEquals(0, r.failed(), () -> r.failures().toString());
        assertEquals(5, r.certified());
        assertEquals(3, r.real());
        assertEquals(2, r.nonReal());
        assertEquals(4, r.atInfinity());
        assertEquals(0, r.singularPaths());
        assertEquals(1, r.morseSum());
        double s = Math.sqrt(1 - lambda);
        List<CertifiedSolution> sol = r.solutions();
        // sorted by value: the two minima a = b = ±sqrt(1 − λ) (L = λ − λ²/2), then the saddle at 0 (L = 1/2)
        for (int i = 0; i < 2; i++) {
            double[] t = sol.get(i).realPart();
            assertEquals(s, Math.abs(t[0]), 1e-12);
            assertEquals(t[0], t[1], 1e-12);
            assertEquals(lambda - lambda * lambda / 2, sol.get(i).value(), 1e-12);
            assertEquals(0, sol.get(i).index());
        }
        assertEquals(0, sol.get(2).realPart()[0], 1e-12);
        assertEquals(0, sol.get(2).realPart()[1], 1e-12);
        assertEquals(1, sol.get(2).index());
        assertEquals(0.5, sol.get(2).value(), 1e-15);
        // the non-real pair a = −b = ±i·sqrt(1 + λ)
        for (int i = 3; i < 5; i++) {
            double[] p = sol.get(i).point();
            assertEquals(0, p[0], 1e-12);
            assertEquals(Math.sqrt(1 + lambda), Math.abs(p[1]), 1e-12);
            assertEquals(-p[1], p[3], 1e-12);
            assertTrue(sol.get(i).nonReal());
        }
    }
}
