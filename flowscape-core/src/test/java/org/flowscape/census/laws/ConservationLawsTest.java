package org.flowscape.census.laws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.flowscape.model.Models;
import org.flowscape.model.Network;
import org.junit.jupiter.api.Test;

class ConservationLawsTest {
    private static LawsResult laws(String spec) {
        return ConservationLaws.discover(Models.parse(spec), 1);
    }

    @Test
    void linearTwoByTwoByTwoHasThreeLaws() {
        // r(r + 1)/2 = 3 entries of W2ᵀW2 − W1W1ᵀ (r = 2), D = 8
        LawsResult r = laws("linear:2x2x2");
        assertEquals(8, r.parameters());
        assertEquals(3, r.count());
        assertEquals(3, r.quadratic().size());
        assertEquals(3, r.closedForm());
        assertTrue(r.agrees());
    }

    @Test
    void linearTwoByThreeByTwoHasSixLaws() {
        LawsResult r = laws("linear:2x3x2");
        assertEquals(12, r.parameters());
        assertEquals(6, r.count());
        assertEquals(6, r.quadratic().size());
        assertTrue(r.agrees());
    }

    @Test
    void productOfThreeHasTwoLaws() {
        // x1² − x2² and x2² − x3²
        LawsResult r = laws("product:3");
        assertEquals(2, r.count());
        assertEquals(2, r.quadratic().size());
        assertTrue(r.agrees());
    }

    @Test
    void reluTwoThreeOneHasOneLawPerHiddenNeuron() {
        LawsResult r = laws("mlp:2-3-1:relu");
        assertEquals(13, r.parameters());
        assertEquals("path-lifting", r.reparametrisation());
        assertEquals(3, r.count());
        assertEquals(3, r.quadratic().size());
        assertTrue(r.agrees());
    }

    @Test
    void theCountDoesNotDependOnTheRandomPoint() {
        Network net = Models.parse("linear:2x3x2");
        for (long seed = 2; seed <= 4; seed++) {
            assertEquals(6, ConservationLaws.discover(net, seed).count());
        }
    }

    @Test
    void aQuadraticThatIsNotConservedIsRejected() {
        // for product:3, x1² + x2² changes along the flow; x1² − x2² is conserved
        Network net = Models.parse("product:3");
        Reparametrisation phi = Reparametrisation.of(net);
        QuadraticLaws q = new QuadraticLaws(phi.components(), 3);
        org.flowscape.census.homotopy.Polynomial x1 = org.flowscape.census.homotopy.Polynomial.variable(3, 0);
        org.flowscape.census.homotopy.Polynomial x2 = org.flowscape.census.homotopy.Polynomial.variable(3, 1);
        assertTrue(q.conserves(x1.pow(2).minus(x2.pow(2))));
        assertTrue(!q.conserves(x1.pow(2).plus(x2.pow(2))));
        assertEquals(2, q.laws().size());
        assertEquals("x2^2 - x1^2", q.laws().get(0).toString());
        assertEquals("x3^2 - x1^2", q.laws().get(1).toString());
    }

    @Test
    void scalarDeepLinearNetworkHasMoreLawsThanTheDeclaredOnes() {
        // linear:1x2x2x1: 3 + 3 balancedness entries (r = 2 at both hidden layers), D = 2 + 4 + 2 = 8. φ is one
        // scalar, so Lie(∇φ) is spanned by ∇φ alone and there are D − 1 = 7 independent laws: the six quadratic ones
        // and one more that is not polynomial of degree <= 2
        LawsResult r = laws("linear:1x2x2x1");
        assertEquals(6, r.closedForm());
        assertTrue(r.knownConserved());
        assertEquals(1, r.lie().dimension());
        assertEquals(7, r.count());
        assertEquals(6, r.quadratic().size());
        assertTrue(!r.agrees());
    }

    @Test
    void nonPolynomialActivationIsRefused() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> laws("mlp:2-3-1:tanh"));
        assertTrue(e.getMessage().contains("tanh"), e.getMessage());
    }
}
