package org.flowscape.census.homotopy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ExpressionPolynomialsTest {
    @Test
    void closedFormModelBecomesItsPolynomial() {
        PolynomialLoss l = ExpressionPolynomials.of("0.5*(p1*p2-1)^2 + p2^3/4 - 2*p1", 2);
        assertEquals("0.5*x1^2*x2^2 + 0.25*x2^3 - x1*x2 - 2*x1 + 0.5", l.loss().toString());
    }

    @Test
    void nonPolynomialExpressionIsRefusedNamingTheSubexpression() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ExpressionPolynomials.of("p1^2 + exp(p2)", 2));
        assertTrue(e.getMessage().contains("exp(p2)") && e.getMessage().contains("not a polynomial"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ExpressionPolynomials.of("1/p1 + p2", 2));
        assertThrows(IllegalArgumentException.class, () -> ExpressionPolynomials.of("p1^0.5", 1));
    }

    @Test
    void constantSubexpressionsAreFolded() {
        PolynomialLoss l = ExpressionPolynomials.of("sqrt(4)*p1 + p1/2", 1);
        assertEquals(2.5, l.loss().coefficient(Monomial.variable(1, 0)), 0);
    }
}
