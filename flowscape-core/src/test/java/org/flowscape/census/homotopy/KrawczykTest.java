package org.flowscape.census.homotopy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class KrawczykTest {
    /** x² + 1 = 0 (roots ±i) and x² − 2 = 0 (roots ±√2), one unknown each. */
    private static final Polynomial X = Polynomial.variable(1, 0);

    @Test
    void provesARealRootReal() {
        Krawczyk k = new Krawczyk(new PolynomialSystem(List.of(X.pow(2).minus(Polynomial.constant(1, 2)))));
        Krawczyk.Result r = k.certify(new double[] {Math.sqrt(2), 1e-14}, true);
        assertNotNull(r);
        assertTrue(r.real());
        assertTrue(r.box()[0].reLo() <= Math.sqrt(2) && Math.sqrt(2) <= r.box()[0].reHi());
    }

    @Test
    void provesANonRealRootNonReal() {
        Krawczyk k = new Krawczyk(new PolynomialSystem(List.of(X.pow(2).plus(Polynomial.constant(1, 1)))));
        Krawczyk.Result r = k.certify(new double[] {1e-13, 1}, false);
        assertNotNull(r);
        assertFalse(r.real());
        assertTrue(r.nonReal());
    }

    @Test
    void refusesAPointThatIsNotNearARoot() {
        Krawczyk k = new Krawczyk(new PolynomialSystem(List.of(X.pow(2).minus(Polynomial.constant(1, 2)))));
        assertNull(k.certify(new double[] {1.5, 0}, true));
    }

    @Test
    void refusesADoubleRoot() {
        Krawczyk k = new Krawczyk(new PolynomialSystem(List.of(X.pow(2))));
        assertNull(k.certify(new double[] {1e-9, 0}, true));
    }

    @Test
    void complexIntervalProductEnclosesTheExactProduct() {
        ComplexInterval a = ComplexInterval.around(0.1, 0.3, 1e-3, 2e-3);
        ComplexInterval b = ComplexInterval.around(-0.7, 0.2, 1e-3, 1e-3);
        ComplexInterval p = a.times(b);
        for (double s : new double[] {-1, 0, 1}) {
            double ar = 0.1 + s * 1e-3;
            double ai = 0.3 - s * 2e-3;
            double br = -0.7 - s * 1e-3;
            double bi = 0.2 + s * 1e-3;
            double re = ar * br - ai * bi;
            double im = ar * bi + ai * br;
            assertTrue(p.reLo() <= re && re <= p.reHi() && p.imLo() <= im && im <= p.imHi());
        }
    }
}
