package org.flowscape.linalg.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.flowscape.rng.Seeds;
import org.junit.jupiter.api.Test;

/** SmallGemm against a plain triple loop, on every transposition, offsets, leading dimensions and α, β. */
class SmallGemmTest {

    private static double entry(double[] x, int off, int ld, boolean trans, int r, int c) {
        return trans ? x[off + c * ld + r] : x[off + r * ld + c];
    }

    @Test
    void matchesTheTripleLoopOnEveryPathIncludingOffsetsAndBeta() {
        SplittableRandom r = Seeds.stream(15, "small-gemm-test");
        int[][] shapes = {{7, 1, 13}, {1, 9, 11}, {12, 9, 1}, {5, 3, 8}, {9, 2, 6}, {3, 8, 5}, {1, 1, 1}, {6, 6, 0}};
        for (int[] shape : shapes) {
            for (int mode = 0; mode < 4; mode++) {
                for (double beta : new double[] {0.0, 1.0, -0.5}) {
                    check(r, shape[0], shape[1], shape[2], (mode & 1) != 0, (mode & 2) != 0, 1.5, beta);
                }
            }
        }
    }

    private static void check(SplittableRandom r, int m, int n, int k, boolean ta, boolean tb, double alpha,
            double beta) {
        int lda = (ta ? m : k) + 2;
        int ldb = (tb ? k : n) + 1;
        int ldc = n + 3;
        int aOff = 5;
        int bOff = 2;
        int cOff = 4;
        double[] a = new double[aOff + (ta ? k : m) * lda];
        double[] b = new double[bOff + (tb ? n : k) * ldb];
        double[] c = new double[cOff + m * ldc];
        for (double[] x : new double[][] {a, b, c}) {
            for (int i = 0; i < x.length; i++) {
                x[i] = 2 * r.nextDouble() - 1;
            }
        }
        double[] want = c.clone();
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) {
                    s += entry(a, aOff, lda, ta, i, p) * entry(b, bOff, ldb, tb, p, j);
                }
                int at = cOff + i * ldc + j;
                want[at] = alpha * s + (beta == 0 ? 0 : beta * c[at]);
            }
        }
        SmallGemm.gemm(ta, tb, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
        for (int i = 0; i < c.length; i++) {
            assertThat(c[i]).as("%dx%dx%d ta=%s tb=%s beta=%s at %d", m, n, k, ta, tb, beta, i)
                    .isCloseTo(want[i], org.assertj.core.api.Assertions.within(1e-13));
        }
    }
}
