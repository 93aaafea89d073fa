package org.flowscape.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.flowscape.linalg.Vectors;
import org.flowscape.rng.Seeds;
import org.junit.jupiter.api.Test;

/** The blocked classical Gram–Schmidt of Lanczos against modified Gram–Schmidt and against orthogonality itself. */
class ReorthogonalizationTest {

    @Test
    void removesEveryBasisComponentAsModifiedGramSchmidtDoes() {
        SplittableRandom r = Seeds.stream(15, "reorthogonalization-test");
        int p = 101;
        for (int rows : new int[] {1, 3, 4, 7, 12}) {
            double[][] q = new double[rows][];
            double[] flat = new double[rows * p];
            double[] coefficients = new double[rows];
            for (int j = 0; j < rows; j++) {
                double[] v = new double[p];
                Seeds.gaussian(r, 1.0, v);
                Lanczos.orthogonalize(v, flat, j, p);
                Lanczos.orthogonalize(v, flat, j, p);
                Vectors.scale(1 / Vectors.norm2(v), v);
                q[j] = v;
                System.arraycopy(v, 0, flat, j * p, p);
            }
            double[] w = new double[p];
            Seeds.gaussian(r, 1.0, w);
            double[] mgs = w.clone();
            Lanczos.orthogonalize(mgs, flat, rows, p);
            Reorthogonalization.orthogonalize(w, q, rows, coefficients);
            for (int i = 0; i < p; i++) {
                assertThat(w[i]).isCloseTo(mgs[i], org.assertj.core.api.Assertions.within(1e-13));
            }
            for (int j = 0; j < rows; j++) {
                assertThat(Math.abs(Vectors.dot(w, q[j]))).as("rows %d, component %d", rows, j)
                        .isLessThan(1e-13 * Vectors.norm2(w));
            }
        }
    }
}
