package org.flowscape.data;

import org.flowscape.linalg.Matrix;
import org.flowscape.model.Activation;
import org.flowscape.model.Network;
import org.flowscape.rng.Seeds;

/**
 * {@code lowdim:n=N,d=D,rank=R[,width=H][,act=ACT],seed=S}: data of low intrinsic dimension, the setting of Safran
 * and Shamir's Theorem 3 ({@code docs/theory.md} D.4).
 * <ul>
 *   <li>A basis Q (D × R, orthonormal columns) of a random R-dimensional subspace: modified Gram–Schmidt, applied
 *       twice, to a D × R standard normal matrix from the stream (S, "subspace").</li>
 *   <li>Inputs x_i = Q z_i / s with z_i ~ N(0, I_R) (stream (S, "inputs")) and s = max_i ‖Q z_i‖, so that
 *       max_i ‖x_i‖ = 1 and rank(X) = R (almost surely, R ≤ N required).</li>
 *   <li>Targets y_i = teacher(x_i), no noise: the teacher is {@code mlp:D-H-1:ACT} (H default 2, ACT default
 *       {@code relu}) initialized exactly as in {@link TeacherData} (LeCun weights, zero biases, seed
 *       {@code Seeds.derive(S, "teacher", 0)}), so the problem is realisable at width H.</li>
 * </ul>
 */
public final class LowRankData {
    private LowRankData() {
    }

    /** The orthonormal basis Q (d × rank, row-major) used for {@code seed}. */
    public static Matrix basis(int d, int rank, long seed) {
        double[] q = Seeds.gaussian(Seeds.stream(seed, "subspace"), 1, new double[Generated.cells("basis", d, rank)]);
        for (int c = 0; c < rank; c++) {
            for (int pass = 0; pass < 2; pass++) {
                for (int p = 0; p < c; p++) {
                    double dot = 0;
                    for (int m = 0; m < d; m++) {
                        dot += q[m * rank + p] * q[m * rank + c];
                    }
                    for (int m = 0; m < d; m++) {
                        q[m * rank + c] -= dot * q[m * rank + p];
                    }
                }
            }
            double norm = 0;
            for (int m = 0; m < d; m++) {
                norm += q[m * rank + c] * q[m * rank + c];
            }
            norm = Math.sqrt(norm);
            for (int m = 0; m < d; m++) {
                q[m * rank + c] /= norm;
            }
        }
        return new Matrix(d, rank, q);
    }

    /** n inputs in a random rank-dimensional subspace, scaled into the unit ball, labelled by a random teacher. */
    public static Dataset generate(String spec, int n, int d, int rank, int width, Activation act, long seed) {
        double[] q = basis(d, rank, seed).data();
        double[] z = Seeds.gaussian(Seeds.stream(seed, "inputs"), 1, new double[Generated.cells("inputs", n, rank)]);
        double[] x = new double[Generated.cells("inputs", n, d)];
        double maxNorm = 0;
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int m = 0; m < d; m++) {
                double v = 0;
                for (int c = 0; c < rank; c++) {
                    v += q[m * rank + c] * z[i * rank + c];
                }
                x[i * d + m] = v;
                s += v * v;
            }
            maxNorm = Math.max(maxNorm, Math.sqrt(s));
        }
        for (int i = 0; i < x.length; i++) {
            x[i] /= maxNorm;
        }
        Matrix inputs = new Matrix(n, d, x);
        Network teacher = TeacherData.network(d, width, 1, act);
        return new Dataset(spec, inputs, teacher.predict(TeacherData.parameters(teacher, seed), inputs));
    }
}
