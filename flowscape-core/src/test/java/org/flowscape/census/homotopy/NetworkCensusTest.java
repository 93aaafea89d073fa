package org.flowscape.census.homotopy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.flowscape.analysis.Classifier;
import org.flowscape.data.Dataset;
import org.flowscape.linalg.Matrix;
import org.flowscape.loss.Losses;
import org.flowscape.model.Activations;
import org.flowscape.model.Models;
import org.flowscape.model.Network;
import org.flowscape.objective.EmpiricalRisk;
import org.flowscape.rng.Seeds;
import org.junit.jupiter.api.Test;

class NetworkCensusTest {
    /** x = (1, 2), y = 2x: L = (a/2)(w1·w2 − 2)² with a = mean x² = 2.5 under mse. */
    private static final Matrix X = new Matrix(2, 1, new double[] {1, 2});
    private static final Matrix Y = new Matrix(2, 1, new double[] {2, 4});

    @Test
    void linearOneByOneByOneMatchesTheClosedForm() {
        double lambda = 0.5;
        double a = 2.5;
        Network net = Models.linear("linear:1x1x1", new int[] {1, 1, 1});
        PolynomialLoss loss = NetworkPolynomials.loss(net, X, Y, Losses.mse(), null).withWeightDecay(lambda);
        for (long seed = 1; seed <= 3; seed++) {
            HomotopyCensusResult r = HomotopyCensus.run(loss, HomotopySettings.defaults(seed));
            assertEquals(9, r.paths());
            assertEquals(5, r.certified());
            assertEquals(3, r.real());
            assertEquals(2, r.nonReal());
            assertEquals(4, r.atInfinity());
            assertEquals(0, r.failed());
            // minima at w1 = w2 = ±s, s² = 2 − λ/a; L = λ²/(2a) + λ s²
            double s2 = 2 - lambda / a;
            CertifiedSolution min = r.solutions().get(0);
            assertEquals(s2, min.realPart()[0] * min.realPart()[0], 1e-12);
            assertEquals(lambda * lambda / (2 * a) + lambda * s2, min.value(), 1e-12);
            assertEquals(0, min.index());
            assertEquals(1, r.solutions().get(2).index());
            assertEquals(1, r.morseSum());
        }
    }

    @Test
    void productTwoWithoutWeightDecayCertifiesOnlyTheIsolatedOrigin() {
        // L = (a/2)(w1 w2 − 2)²: the hyperbola w1 w2 = 2 is a curve of minima and must never be certified as points
        Network net = Models.product(2);
        PolynomialLoss loss = NetworkPolynomials.loss(net, X, Y, Losses.mse(), null);
        HomotopyCensusResult r = HomotopyCensus.run(loss, HomotopySettings.defaults(7));
        assertEquals(9, r.paths());
        assertEquals(1, r.certified());
        assertEquals(1, r.real());
        assertEquals(0, r.solutions().get(0).realPart()[0], 1e-14);
        assertEquals(1, r.solutions().get(0).index());
        assertEquals(r.paths(), r.regularPaths() + r.singularPaths() + r.atInfinity() + r.failed());
        assertTrue(r.singularPaths() + r.failed() + r.uncertified() > 0, "the curve's paths must be reported");
    }

    @Test
    void polynomialLossEqualsTheNetworkLoss() {
        Network net = Models.mlp("mlp:2-2-1:poly(0.1,1,0.5)", new int[] {2, 2, 1}, Activations.poly(0.1, 1, 0.5),
                true);
        Matrix x = new Matrix(3, 2, new double[] {1, 0.5, -1, 2, 0.3, -0.7});
        Matrix y = new Matrix(3, 1, new double[] {1, -1, 0.5});
        EmpiricalRisk risk = new EmpiricalRisk(net, Losses.mse(), new Dataset("test", x, y));
        PolynomialObjective poly = new PolynomialObjective(NetworkPolynomials.loss(net, x, y, Losses.mse(), null));
        SplittableRandom random = Seeds.stream(3, "test");
        for (int trial = 0; trial < 5; trial++) {
            double[] theta = Seeds.gaussian(random, 1, new double[net.parameterCount()]);
            double[] g1 = new double[theta.length];
            double[] g2 = new double[theta.length];
            assertEquals(risk.valueAndGradient(theta, g1), poly.valueAndGradient(theta, g2), 1e-12);
            for (int i = 0; i < theta.length; i++) {
                assertEquals(g1[i], g2[i], 1e-12);
            }
        }
    }

    @Test
    void tinyPolyActivationNetwork() {
        // f = v·ψ(w) with ψ(z) = z + z² on the one sample x = 1, y = 1: L = ½(v(w + w²) − 1)² + λ/2(v² + w²)
        Network net = Models.mlp("mlp:1-1-1:poly(0,1,1):nobias", new int[] {1, 1, 1}, Activations.poly(0, 1, 1),
                false);
        Matrix x = new Matrix(1, 1, new double[] {1});
        double lambda = 0.1;
        PolynomialLoss loss = NetworkPolynomials.loss(net, x, x, Losses.mse(), null).withWeightDecay(lambda);
        Polynomial w = Polynomial.variable(2, 0);
        Polynomial v = Polynomial.variable(2, 1);
        Polynomial r = v.times(w.plus(w.pow(2))).minus(Polynomial.constant(2, 1));
        Polynomial expected = r.pow(2).scale(0.5, 0).plus(w.pow(2).plus(v.pow(2)).scale(lambda / 2, 0));
        assertTrue(loss.loss().minus(expected).isZero(), () -> loss.loss() + " vs " + expected);
        EmpiricalRisk risk = new EmpiricalRisk(net, Losses.mse(), new Dataset("one", x, x));
        HomotopyCensusResult first = null;
        for (long seed = 11; seed <= 13; seed++) {
            HomotopyCensusResult res = HomotopyCensus.run(loss, HomotopySettings.defaults(seed));
            assertEquals(0, res.failed());
            assertEquals(0, res.uncertified());
            if (first != null) {
                assertEquals(first.certified(), res.certified());
                assertEquals(first.real(), res.real());
                assertEquals(first.atInfinity(), res.atInfinity());
            }
            first = res;
            for (CertifiedSolution s : res.solutions()) {
                if (!s.real()) {
                    continue;
                }
                double[] theta = s.realPart();
                double[] g = new double[2];
                risk.valueAndGradient(theta, g);
                // the network's own gradient (plus the weight decay) vanishes there
                assertEquals(0, g[0] + lambda * theta[0], 1e-10);
                assertEquals(0, g[1] + lambda * theta[1], 1e-10);
            }
        }
        assertEquals(first.paths(), first.regularPaths() + first.singularPaths() + first.atInfinity());
        assertEquals(1, first.morseSum(), "coercive loss: the Morse indices must sum to the Euler characteristic 1");
    }

    @Test
    void reluNetworkWithinOnePattern() {
        Network net = Models.mlp("mlp:1-2-1:relu:nobias", new int[] {1, 2, 1}, Activations.relu(), false);
        Matrix x = new Matrix(2, 1, new double[] {1, -1});
        Matrix y = new Matrix(2, 1, new double[] {1, 2});
        double[] theta0 = {1, -1, 0.5, 0.5};
        ActivationPattern pattern = ActivationPattern.at(net, x, theta0);
        PolynomialLoss loss = NetworkPolynomials.loss(net, x, y, Losses.mse(), pattern).withWeightDecay(0.1);
        HomotopyCensusResult r = HomotopyCensus.run(loss, HomotopySettings.defaults(1),
                theta -> pattern.margin(net, x, theta));
        assertEquals(0, r.failed());
        // unit 1 fits sample 1 alone, unit 2 sample 2 alone: two decoupled scalar factorisations
        // ½·½(w v − y)² + λ/2(w² + v²): each has 3 real critical points, so 9 real points in all
        assertEquals(9, r.real());
        long inside = r.solutions().stream().filter(s -> s.real() && s.margin() > 0).count();
        // inside the pattern w1 > 0 and w2 < 0: the minima with w1 > 0 (fits y = 1) times those with w2 < 0
        assertEquals(1, inside);
        assertThrows(IllegalArgumentException.class, () -> NetworkPolynomials.loss(net, x, y, Losses.mse(), null));
    }

    @Test
    void nonPolynomialInputsAreRefusedWithAClearMessage() {
        Network tanh = Models.parse("mlp:1-1-1:tanh");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NetworkPolynomials.loss(tanh, X, Y, Losses.mse(), null));
        assertTrue(e.getMessage().contains("not polynomial"), e.getMessage());
        IllegalArgumentException c = assertThrows(IllegalArgumentException.class,
                () -> NetworkPolynomials.loss(Models.product(2), X, Y, Losses.parse("cost:log(cosh(x-y))"), null));
        assertTrue(c.getMessage().contains("not a polynomial"), c.getMessage());
    }

    @Test
    void polynomialCostExpressionMatchesMse() {
        Network net = Models.product(2);
        PolynomialLoss mse = NetworkPolynomials.loss(net, X, Y, Losses.mse(), null);
        PolynomialLoss cost = NetworkPolynomials.loss(net, X, Y, Losses.parse("cost:(x-y)^2/2"), null);
        assertTrue(mse.loss().minus(cost.loss()).isZero(), mse.loss() + " vs " + cost.loss());
    }

    @Test
    void pathBudgetIsEnforced() {
        Network net = Models.linear("linear:2x2x2", new int[] {2, 2, 2});
        Matrix x = new Matrix(2, 2, new double[] {1, 0, 0, 1});
        PolynomialLoss loss = NetworkPolynomials.loss(net, x, x, Losses.mse(), null).withWeightDecay(0.1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HomotopyCensus.run(loss, HomotopySettings.defaults(1).withPathBudget(1000)));
        assertTrue(e.getMessage().contains("6561 paths"), e.getMessage());
    }

    @Test
    void classifierAgreesOnTheIndex() {
        PolynomialLoss loss = HomotopyCensusTest.factorisation(0.2);
        PolynomialObjective obj = new PolynomialObjective(loss);
        assertEquals(1, Classifier.classify(obj, new double[] {0, 0}, 1e-12).index());
    }
}
