package org.flowscape.census.homotopy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PolynomialTest {
    private static final Polynomial A = Polynomial.variable(2, 0);
    private static final Polynomial B = Polynomial.variable(2, 1);

    @Test
    void productDerivativeAndDegreeAreExact() {
        Polynomial p = A.times(B).minus(Polynomial.constant(2, 1)).pow(2);
        assertEquals("x1^2*x2^2 - 2*x1*x2 + 1", p.toString());
        assertEquals(4, p.degree());
        Polynomial da = p.derivative(0);
        assertEquals("2*x1*x2^2 - 2*x2", da.toString());
        assertEquals(2 * 3 * 4 * 4 - 2 * 4, da.evaluate(new double[] {3, 4}), 0);
    }

    @Test
    void cancellationLeavesTheZeroPolynomial() {
        Polynomial p = A.plus(B).pow(2).minus(A.pow(2)).minus(B.pow(2)).minus(A.times(B).scale(2, 0));
        assertTrue(p.isZero());
        assertEquals(-1, p.degree());
    }

    @Test
    void homogenisationPrependsTheNewVariable() {
        Polynomial p = A.times(B).minus(Polynomial.constant(2, 2));
        Polynomial h = p.homogenize(2);
        assertEquals(3, h.variables());
        assertEquals("x2*x3 - 2*x1^2", h.toString());
        assertThrows(IllegalArgumentException.class, () -> p.homogenize(1));
    }

    @Test
    void complexEvaluationOfACompiledSystem() {
        // p = x1² + i·x2 at (1 + i, 2): (1 + i)² + 2i = 4i
        Polynomial p = A.pow(2).plus(B.scale(0, 1));
        PolynomialSystem s = new PolynomialSystem(java.util.List.of(p, B));
        double[] f = new double[4];
        double[] j = new double[8];
        s.evaluate(new double[] {1, 1, 2, 0}, f, j, s.workspace());
        assertEquals(0, f[0], 0);
        assertEquals(4, f[1], 0);
        assertEquals(2, j[0], 0); // ∂p/∂x1 = 2x1 = 2 + 2i
        assertEquals(2, j[1], 0);
        assertEquals(0, j[2], 0); // ∂p/∂x2 = i
        assertEquals(1, j[3], 0);
    }
}
