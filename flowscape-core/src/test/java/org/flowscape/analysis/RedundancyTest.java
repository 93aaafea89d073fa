package org.flowscape.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.flowscape.data.Dataset;
import org.flowscape.linalg.Matrix;
import org.flowscape.linalg.Vectors;
import org.flowscape.loss.Losses;
import org.flowscape.model.Activations;
import org.flowscape.model.Models;
import org.flowscape.objective.EmpiricalRisk;
import org.flowscape.testing.NumericAssert;
import org.junit.jupiter.api.Test;

class RedundancyTest {

    /** theory.md B.4's worked check: d = 2, H = 3 on a 15 × 15 grid over [−2, 2]². */
    private static EmpiricalRisk grid(String act) {
        double[] x = new double[225 * 2];
        for (int i = 0; i < 15; i++) {
            for (int j = 0; j < 15; j++) {
                x[2 * (15 * i + j)] = -2 + 4.0 * i / 14;
                x[2 * (15 * i + j) + 1] = -2 + 4.0 * j / 14;
            }
        }
        Dataset d = new Dataset("grid", new Matrix(225, 2, x), new Matrix(225, 1, new double[225]));
        return new EmpiricalRisk(Models.parse("mlp:2-3-1:" + act), Losses.mse(), d);
    }

    private static ShallowNetwork base(String act) {
        return new ShallowNetwork(Activations.parse(act), 2, new double[] {1, 0.5, -0.3, 1.2, 0.8, -0.9},
                new double[] {0.2, -0.4, 0.1}, new double[] {1, -0.7, 0.5}, 0.3);
    }

    private static ShallowNetwork withThird(ShallowNetwork s, double scale) {
        double[] w = s.w().clone();
        double[] b = s.b().clone();
        w[4] = scale * w[0];
        w[5] = scale * w[1];
        b[2] = scale * b[0];
        return new ShallowNetwork(s.activation(), 2, w, b, s.a(), s.c());
    }

    private static RedundancyReport analyze(String act, ShallowNetwork s) {
        return Redundancy.analyze(grid(act), s.theta(), Redundancy.DEFAULT_RULES, Redundancy.DEFAULT_RANK);
    }

    @Test
    void jacobianRanksMatchTheWorkedCheck() {
        for (String act : new String[] {"tanh", "sigmoid", "softplus"}) {
            ShallowNetwork s = base(act);
            RedundancyReport efficient = analyze(act, s);
            assertEquals(13, efficient.jacobianRank(), act);
            assertFalse(efficient.redundant());
            assertTrue(efficient.consistent(), act);
            double[] a = s.a().clone();
            a[1] = 0;
            RedundancyReport dead = analyze(act, new ShallowNetwork(s.activation(), 2, s.w(), s.b(), a, s.c()));
            assertEquals(10, dead.jacobianRank(), act);
            assertEquals(RedundancyKind.DEAD_OUTPUT, dead.findings().get(0).kind());
            double[] w = s.w().clone();
            w[4] = 0;
            w[5] = 0;
            RedundancyReport constant = analyze(act, new ShallowNetwork(s.activation(), 2, w, s.b(), s.a(), s.c()));
            assertEquals(11, constant.jacobianRank(), act);
            assertEquals(RedundancyKind.CONSTANT_NEURON, constant.findings().get(0).kind());
            RedundancyReport dup = analyze(act, withThird(s, 1));
            assertEquals(9, dup.jacobianRank(), act);
            assertEquals(RedundancyKind.DUPLICATE, dup.findings().get(0).kind());
            RedundancyReport pair = analyze(act, withThird(s, -1));
            assertEquals(act.equals("softplus") ? 11 : 9, pair.jacobianRank(), act);
            assertEquals(act.equals("softplus") ? RedundancyKind.AFFINE_PAIR : RedundancyKind.SIGN_PAIR,
                    pair.findings().get(0).kind());
            assertEquals(!act.equals("softplus"), pair.redundant());
            assertTrue(pair.polynomiallyRedundant());
            RedundancyReport scaled = analyze(act, withThird(s, 2));
            assertEquals(13, scaled.jacobianRank(), act);
            assertTrue(scaled.findings().isEmpty());
            for (RedundancyReport r : List.of(dead, constant, dup, pair)) {
                assertTrue(r.consistent(), act + " " + r.findings());
                assertEquals(r.findings().get(0).expectedDeficit(), r.rankDeficit(), act + " " + r.findings());
            }
        }
    }

    @Test
    void pruningAndEmbeddingKeepTheRealisedFunction() {
        Matrix x = grid("tanh").data().inputs();
        for (String act : new String[] {"tanh", "sigmoid", "exp", "softplus"}) {
            ShallowNetwork s = base(act);
            Matrix reference = s.network().predict(s.theta(), x);
            List<ShallowNetwork> variants = new ArrayList<>();
            variants.add(Redundancy.split(s, 1, 0.3));
            variants.add(Redundancy.split(s, 2, 1.7));
            variants.add(Redundancy.addZeroNeuron(s, new double[] {0.4, -2}, 0.7));
            ShallowNetwork grown = Redundancy.split(s, 0, 0.25);
            variants.add(Redundancy.prune(grown, new RedundancyFinding(RedundancyKind.DUPLICATE, 0, 3, 0, true, 4)));
            ShallowNetwork zero = Redundancy.addZeroNeuron(s, new double[] {0.4, -2}, 0.7);
            variants.add(Redundancy.prune(zero, new RedundancyFinding(RedundancyKind.DEAD_OUTPUT, 3, -1, 0, true, 3)));
            ShallowNetwork withPair = withThird(s, -1);
            if (!act.equals("softplus") && !act.equals("exp")) {
                Matrix pairRef = withPair.network().predict(withPair.theta(), x);
                ShallowNetwork pruned = Redundancy.prune(withPair,
                        new RedundancyFinding(RedundancyKind.SIGN_PAIR, 0, 2, 0, true, 4));
                NumericAssert.assertClose(act + " sign pair", pairRef.data(),
                        pruned.network().predict(pruned.theta(), x).data(), 1e-14, 0);
            }
            for (ShallowNetwork v : variants) {
                NumericAssert.assertClose(act + " H=" + v.hidden(), reference.data(),
                        v.network().predict(v.theta(), x).data(), 1e-14, 0);
            }
        }
        ShallowNetwork soft = withThird(base("softplus"), -1);
        assertThrows(IllegalArgumentException.class, () -> Redundancy.prune(soft,
                new RedundancyFinding(RedundancyKind.AFFINE_PAIR, 0, 2, 0, false, 2)));
    }

    /** The one-neuron minimum of theory.md B.6, polished. */
    private static ShallowNetwork oneNeuronMinimum() {
        EmpiricalRisk f = Fixtures.shallowTanh(1);
        PolishResult r = Polisher.polish(f, new double[] {1.1292278056, -1.0156833585, 1.2367377031, 0.9438370039},
                PolishConfig.defaults(PolishMethod.NEWTON));
        assertEquals(PolishStatus.CONVERGED, r.status());
        assertEquals(0.0140200628, r.value(), 1e-10);
        return ShallowNetwork.of(f.network(), r.theta());
    }

    @Test
    void plantedRedundantMinimumHasThePredictedNullDirections() {
        ShallowNetwork planted = Redundancy.split(oneNeuronMinimum(), 0, 1.0);
        EmpiricalRisk f = Fixtures.shallowTanh(2);
        double[] theta = planted.theta();
        CriticalPointReport c = Classifier.classify(f, theta, 1e-10);
        assertEquals(3, c.nullity());
        assertFalse(c.morse());
        assertEquals(0, c.orbitDimension());
        assertEquals(3, c.excessNullity());
        assertEquals(3, c.realisationNullity());
        assertEquals(0, c.unexplainedNullity());
        RedundancyReport r = Redundancy.analyze(f, theta, Redundancy.DEFAULT_RULES, Redundancy.DEFAULT_RANK);
        assertTrue(r.redundant());
        List<double[]> flat = new ArrayList<>();
        for (RedundancyFinding finding : r.findings()) {
            flat.addAll(Redundancy.flatDirections(planted, finding));
        }
        assertEquals(3, SymmetryOrbit.rank(rows(flat, f.dim()), SymmetryOrbit.DEFAULT_RANK));
        double[] hv = new double[f.dim()];
        for (double[] v : flat) {
            f.hessianVectorProduct(theta, v, hv);
            assertTrue(Vectors.norm2(hv) <= 1e-10 * Vectors.norm2(v), "H v = " + Vectors.norm2(hv));
        }
    }

    @Test
    void neuronSplittingLineHasTheExactCurvatureAndNullVector() {
        ShallowNetwork one = oneNeuronMinimum();
        EmpiricalRisk f = Fixtures.shallowTanh(2);
        double a = one.a()[0];
        double w = one.w()[0];
        double b = one.b()[0];
        double[] g = gMatrix(f.data(), one);
        for (double lambda : new double[] {0.5, 1.5}) {
            ShallowNetwork s = Redundancy.split(one, 0, lambda);
            double[] theta = s.theta();
            double[] grad = new double[7];
            f.valueAndGradient(theta, grad);
            assertTrue(Vectors.norm2(grad) < 1e-12, "critical along the line");
            // θ = (w1, w2, b1, b2, a1, a2, c); η = (1, 0) moves w1 by (1 − λ) and w2 by −λ.
            double[] delta = {1 - lambda, -lambda, 0, 0, 0, 0, 0};
            double[] hv = new double[7];
            f.hessianVectorProduct(theta, delta, hv);
            double q = Vectors.dot(delta, hv);
            double exact = a * lambda * (1 - lambda) * g[0];
            assertEquals(exact, q, 1e-12 * Math.abs(exact) + 1e-15);
            assertEquals(lambda == 0.5 ? -0.0012274495 : 0.0036823485, q, 1e-9);
            double[] nul = {0, 0, 0, 0, 1, -1, 0};
            f.hessianVectorProduct(theta, nul, hv);
            assertTrue(Vectors.norm2(hv) < 1e-13);
            assertEquals(w, s.w()[1], 0);
            assertEquals(b, s.b()[1], 0);
        }
        CriticalPointReport half = Classifier.classify(f, Redundancy.split(one, 0, 0.5).theta(), 1e-11);
        assertEquals(1, half.index());
        assertEquals(1, half.nullity());
        assertEquals(-0.0123065, half.spectrum().values()[0], 1e-7);
        CriticalPointReport far = Classifier.classify(f, Redundancy.split(one, 0, 1.5).theta(), 1e-11);
        assertEquals(-0.0043535, far.spectrum().values()[0], 1e-7);
    }

    /** G = mean_t r_t ψ''(u·x̃_t) x̃ x̃ᵀ as [G11, G12, G22]. */
    private static double[] gMatrix(Dataset data, ShallowNetwork s) {
        Matrix pred = s.network().predict(s.theta(), data.inputs());
        double[] g = new double[3];
        int n = data.size();
        for (int t = 0; t < n; t++) {
            double x = data.inputs().data()[t];
            double r = pred.data()[t] - data.targets().data()[t];
            double k = r * s.activation().secondDerivative(s.w()[0] * x + s.b()[0]) / n;
            g[0] += k * x * x;
            g[1] += k * x;
            g[2] += k;
        }
        return g;
    }

    private static Matrix rows(List<double[]> vs, int p) {
        double[] d = new double[vs.size() * p];
        for (int i = 0; i < vs.size(); i++) {
            System.arraycopy(vs.get(i), 0, d, i * p, p);
        }
        return new Matrix(vs.size(), p, d);
    }
}
