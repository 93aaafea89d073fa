package org.flowscape.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.flowscape.data.Dataset;
import org.flowscape.linalg.Matrix;
import org.flowscape.linalg.SingularValues;
import org.flowscape.loss.Losses;
import org.flowscape.model.Models;
import org.flowscape.objective.EmpiricalRisk;
import org.flowscape.rng.Seeds;

/**
 * Workload W2 (BENCHMARKS.md): the deep linear network W4W3W2W1 of 20 × 20 matrices with ½‖W4W3W2W1 − Φ‖²_F, Φ a
 * seeded Gaussian matrix scaled to spectral norm 1, balanced init W_i = 0.3·Q_i with Q_i seeded orthogonal (left
 * singular vectors of a Gaussian matrix) and the sign of det(W4W3W2W1) made equal to det Φ's by flipping a row of
 * Q_1. Data X = I_20, Y = Φᵀ, so that the network's prediction matrix is (W4⋯W1)ᵀ and the frobenius loss is
 * ½‖W − Φ‖²_F.
 *
 * @param phi    Φ, 20 × 20
 * @param theta0 the initial θ in layer order (W1 first, each row-major), length 1600
 */
public record W2Workload(Matrix phi, double[] theta0) {
    /** Matrix size. */
    public static final int N = 20;
    /** Depth. */
    public static final int DEPTH = 4;
    /** Init scale. */
    public static final double SCALE = 0.3;
    /** Root seed. */
    public static final long SEED = 2;

    /** The seeded workload. */
    public static W2Workload create() {
        Matrix g = gaussian(Seeds.stream(SEED, "w2-phi"));
        SingularValues sv = SingularValues.of(g.copy());
        double[] phi = g.data().clone();
        for (int i = 0; i < phi.length; i++) {
            phi[i] /= sv.values()[0];
        }
        double[] theta = new double[DEPTH * N * N];
        int sign = 1;
        for (int l = 0; l < DEPTH; l++) {
            Matrix q = SingularValues.decompose(gaussian(Seeds.stream(SEED, "w2-init", l))).u();
            sign *= Long.signum(Math.round(Math.signum(determinant(q.data()))));
            for (int i = 0; i < N * N; i++) {
                theta[l * N * N + i] = SCALE * q.data()[i];
            }
        }
        if (sign != Math.signum(determinant(phi))) {
            for (int j = 0; j < N; j++) {
                theta[j] = -theta[j];
            }
        }
        return new W2Workload(new Matrix(N, N, phi), theta);
    }

    /** The objective ½‖W4W3W2W1 − Φ‖²_F. */
    public EmpiricalRisk objective() {
        Dataset d = new Dataset("identity:20,target=phi", Matrix.identity(N), phi.transpose());
        return new EmpiricalRisk(Models.parse("linear:20x20x20x20x20"), Losses.parse("frobenius"), d);
    }

    /** Writes Φ and θ0 as JSON ({"n", "depth", "phi": [...], "theta0": [...]}) for the peer script. */
    public void write(Path file) throws IOException {
        StringBuilder b = new StringBuilder("{\"n\": ").append(N).append(", \"depth\": ").append(DEPTH);
        b.append(", \"phi\": ").append(array(phi.data())).append(", \"theta0\": ").append(array(theta0)).append("}\n");
        Files.writeString(file, b);
    }

    private static String array(double[] v) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < v.length; i++) {
            b.append(i == 0 ? "" : ", ").append(v[i]);
        }
        return b.append(']').toString();
    }

    private static Matrix gaussian(SplittableRandom r) {
        return new Matrix(N, N, Seeds.gaussian(r, 1.0, new double[N * N]));
    }

    /** det of an N × N row-major matrix by Gaussian elimination with partial pivoting (read only). */
    static double determinant(double[] m) {
        double[] a = m.clone();
        double det = 1;
        for (int c = 0; c < N; c++) {
            int p = c;
            for (int r = c + 1; r < N; r++) {
                if (Math.abs(a[r * N + c]) > Math.abs(a[p * N + c])) {
                    p = r;
                }
            }
            if (a[p * N + c] == 0) {
                return 0;
            }
            if (p != c) {
                for (int j = 0; j < N; j++) {
                    double t = a[c * N + j];
                    a[c * N + j] = a[p * N + j];
                    a[p * N + j] = t;
                }
                det = -det;
            }
            det *= a[c * N + c];
            for (int r = c + 1; r < N; r++) {
                double f = a[r * N + c] / a[c * N + c];
                for (int j = c; j < N; j++) {
                    a[r * N + j] -= f * a[c * N + j];
                }
            }
        }
        return det;
    }
}
