package org.flowscape.objective;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.flowscape.testing.NumericAssert.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.flowscape.data.Dataset;
import org.flowscape.loss.Loss;
import org.flowscape.loss.Losses;
import org.flowscape.model.Models;
import org.flowscape.model.Network;
import org.flowscape.model.NetworkWorkspace;
import org.flowscape.testing.DerivativeChecks;
import org.flowscape.testing.Problems;
import org.junit.jupiter.api.Test;

/**
 * The size-dependent paths: the dense Hessian assembled over several sample chunks, batched Hessian-vector products
 * split into several batches, and the default block Hessian of {@link Objective} over several blocks must each equal
 * the single-chunk result; and the Gauss–Newton matrix with more than one output against Σ_i J_iᵀ Λ_i J_i formed in
 * the test.
 */
class ChunkedPathsTest {
    private static final double REL = 1e-12;

    private record Case(String model, String loss, Dataset data) {
        EmpiricalRisk risk(long tangentBudget, long hessianBudget) {
            return new EmpiricalRisk(Models.parse(model), Losses.parse(loss), data, tangentBudget, hessianBudget);
        }

        EmpiricalRisk risk() {
            return new EmpiricalRisk(Models.parse(model), Losses.parse(loss), data);
        }
    }

    private static final List<Case> CASES = List.of(
            new Case("mlp:3-5-4-2:tanh", "mse", Problems.gaussian(7, 3, 2, 21)),
            new Case("mlp:3-4-3:softplus", "xent", Problems.classes(7, 3, 3, 22)),
            new Case("mlp:2-4-3-2:sigmoid:nobias", "frobenius", Problems.gaussian(5, 2, 2, 23)),
            new Case("mlp:3-4-4-3:gelu", "xent", Problems.classes(6, 3, 3, 24)));

    private static double[] hessian(Objective f, double[] theta) {
        return f.hessian(theta, new double[f.dim() * f.dim()]);
    }

    @Test
    void denseHessianOverManySampleChunksEqualsOneChunk() {
        for (Case c : CASES) {
            EmpiricalRisk whole = c.risk();
            double[] theta = DerivativeChecks.point(whole.network());
            double[] reference = hessian(whole, theta);
            for (long budget : new long[] {1, 30, 70, 150, 400}) {
                double[] chunked = hessian(c.risk(EmpiricalRisk.TANGENT_BUDGET, budget), theta);
                assertClose(c.model() + " × " + c.loss() + " Hessian with chunk budget " + budget, reference, chunked,
                        0, REL);
            }
        }
    }

    @Test
    void batchedProductsOverSeveralBatchesEqualSingleProducts() {
        for (Case c : CASES) {
            EmpiricalRisk whole = c.risk();
            int p = whole.dim();
            double[] theta = DerivativeChecks.point(whole.network());
            int count = 8;
            double[] dirs = new double[count * p];
            double[] single = new double[count * p];
            double[] hv = new double[p];
            for (int r = 0; r < count; r++) {
                double[] u = Problems.unit(p, 31, r);
                System.arraycopy(u, 0, dirs, r * p, p);
                whole.hessianVectorProduct(theta, u, hv);
                System.arraycopy(hv, 0, single, r * p, p);
            }
            int widest = widest(whole.network());
            long perDirection = 4L * c.data().size() * widest;
            for (int batch : new int[] {1, 3, 5}) {
                EmpiricalRisk small = c.risk(batch * perDirection, NetworkWorkspace.HESSIAN_BUDGET);
                assertEquals(batch, small.hessianBlockSize(), "directions per batch");
                double[] out = new double[count * p];
                small.hessianVectorProducts(theta, dirs, count, out);
                assertClose(c.model() + " batched products in batches of " + batch, single, out, 0, REL);
                assertClose(c.model() + " Hessian by stacked products in blocks of " + batch, hessian(whole, theta),
                        small.hessianByProducts(theta, new double[p * p]), 0, REL);
            }
        }
    }

    @Test
    void blockSizeFollowsTheTangentBudget() {
        Case c = CASES.get(0);
        EmpiricalRisk f = c.risk();
        // 16M doubles / (4 · 7 samples · width 5) = 119 837 directions, capped at P = 20 + 24 + 10 = 54
        assertEquals(54, f.dim());
        assertEquals(54, f.hessianBlockSize());
        assertEquals(2, c.risk(4 * 7 * 5 * 2 + 139, 1).hessianBlockSize());
        assertEquals(1, c.risk(1, 1).hessianBlockSize());
        assertEquals(54, f.fork().hessianBlockSize());
        assertEquals(3, c.risk(4 * 7 * 5 * 3, 1).fork().hessianBlockSize(), "fork keeps the budget");
        assertThatThrownBy(() -> c.risk(0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> c.risk(1, 0)).isInstanceOf(IllegalArgumentException.class);
        NetworkWorkspace ws = new NetworkWorkspace(f.network(), 7);
        assertThatThrownBy(() -> ws.hessian(new double[7 * 4], true, new double[54 * 54], 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("budget");
    }

    @Test
    void forkKeepsTheHessianBudget() {
        Case c = CASES.get(1);
        EmpiricalRisk f = c.risk(EmpiricalRisk.TANGENT_BUDGET, 1);
        double[] theta = DerivativeChecks.point(f.network());
        assertClose("forked chunked Hessian", hessian(c.risk(), theta), hessian(f.fork(), theta), 0, REL);
    }

    /** An objective that keeps {@link Objective}'s default Hessian and batched products, with a given block size. */
    private static Objective plain(EmpiricalRisk inner, int blockSize) {
        return new Objective() {
            @Override
            public int dim() {
                return inner.dim();
            }

            @Override
            public double value(double[] theta) {
                return inner.value(theta);
            }

            @Override
            public double valueAndGradient(double[] theta, double[] gradOut) {
                return inner.valueAndGradient(theta, gradOut);
            }

            @Override
            public void hessianVectorProduct(double[] theta, double[] v, double[] out) {
                inner.hessianVectorProduct(theta, v, out);
            }

            @Override
            public int hessianBlockSize() {
                return blockSize > 0 ? blockSize : Objective.super.hessianBlockSize();
            }

            @Override
            public Objective fork() {
                return this;
            }
        };
    }

    @Test
    void defaultBlockHessianOverSeveralBlocksEqualsTheStructuredHessian() {
        // P = 40 + 66 + 14 = 120 > 64: the default block size of 64 takes two blocks
        Case big = new Case("mlp:3-10-6-2:tanh", "mse", Problems.gaussian(6, 3, 2, 25));
        EmpiricalRisk inner = big.risk();
        assertEquals(120, inner.dim());
        double[] theta = DerivativeChecks.point(inner.network());
        double[] reference = hessian(inner, theta);
        assertEquals(64, plain(inner, 0).hessianBlockSize());
        for (int block : new int[] {0, 1, 7, 200}) {
            assertClose("default block Hessian, block size " + block, reference, hessian(plain(inner, block), theta),
                    0, REL);
        }
    }

    @Test
    void gaussNewtonWithSeveralOutputsIsSumOfJtLambdaJ() {
        for (Case c : CASES) {
            EmpiricalRisk f = c.risk();
            double[] theta = DerivativeChecks.point(f.network());
            int p = f.dim();
            int n = c.data().size();
            int k = f.network().outputDim();
            assertThat(k).isGreaterThan(1);
            double[] jac = f.jacobian(theta, new double[n * k * p]);
            double[] out = f.predictions(theta, new double[n * k]);
            Loss loss = f.loss();
            double[] blocks = new double[n * k * k];
            loss.hessianBlocks(out, c.data().targets().data(), n, k, blocks);
            double[] expected = new double[p * p];
            for (int i = 0; i < n; i++) {
                for (int a = 0; a < k; a++) {
                    for (int b = 0; b < k; b++) {
                        double lam = blocks[i * k * k + a * k + b];
                        for (int r = 0; r < p; r++) {
                            for (int s = 0; s < p; s++) {
                                expected[r * p + s] += jac[(i * k + a) * p + r] * lam * jac[(i * k + b) * p + s];
                            }
                        }
                    }
                }
            }
            assertClose(c.model() + " × " + c.loss() + " Gauss–Newton", expected,
                    f.gaussNewton(theta, new double[p * p]), 0, REL);
        }
    }

    private static int widest(Network net) {
        int widest = 1;
        for (var layer : net.layers()) {
            widest = Math.max(widest, Math.max(layer.outputs(), layer.inputs()));
        }
        return widest;
    }
}
