package org.flowscape.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.flowscape.objective.EmpiricalRisk;
import org.flowscape.testing.NumericAssert;
import org.junit.jupiter.api.Test;

class CensusTest {

    /** The copy of θ = (w1, w2, b1, b2, a1, a2, c) with units swapped and signs flipped as asked. */
    private static double[] copy(double[] t, boolean swap, boolean flip1, boolean flip2) {
        double[] w = {t[0], t[1]};
        double[] b = {t[2], t[3]};
        double[] a = {t[4], t[5]};
        boolean[] flip = {flip1, flip2};
        for (int i = 0; i < 2; i++) {
            if (flip[i]) {
                w[i] = -w[i];
                b[i] = -b[i];
                a[i] = -a[i];
            }
        }
        int i = swap ? 1 : 0;
        int j = 1 - i;
        return new double[] {w[i], w[j], b[i], b[j], a[i], a[j], t[6]};
    }

    @Test
    void theEightSymmetricCopiesOfTheEfficientMinimumFormOneOrbit() {
        EmpiricalRisk f = Fixtures.shallowTanh(2);
        double[] star = Polisher.polish(f, Fixtures.b7Minimum(), PolishConfig.defaults(PolishMethod.NEWTON)).theta();
        List<double[]> points = new ArrayList<>();
        for (int k = 0; k < 8; k++) {
            points.add(copy(star, (k & 1) != 0, (k & 2) != 0, (k & 4) != 0));
        }
        double[] other = star.clone();
        other[6] += 0.1;
        points.add(other);
        List<Census.Orbit> orbits = Census.orbits(f.network(), points, 1e-9);
        assertEquals(2, orbits.size());
        assertEquals(8, orbits.get(0).members().size());
        assertEquals(List.of(8), orbits.get(1).members());
        double[] reference = Classifier.classify(f, star, 1e-10).spectrum().values();
        for (double[] p : points.subList(0, 8)) {
            CriticalPointReport c = Classifier.classify(f, p, 1e-10);
            assertEquals(CriticalPointType.MINIMUM, c.type());
            NumericAssert.assertClose("copy spectrum", reference, c.spectrum().values(), 1e-12, 1e-9);
        }
    }
}
