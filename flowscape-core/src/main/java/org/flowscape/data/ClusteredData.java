package org.flowscape.data;

import java.util.SplittableRandom;
import org.flowscape.linalg.Matrix;
import org.flowscape.rng.Seeds;

/**
 * {@code clustered:n=N,d=D,clusters=C[,radius=R][,noise=E],seed=S}: the clustered-data setting of Safran and Shamir's
 * Theorem 5 ({@code docs/theory.md} D.4).
 * <ul>
 *   <li>Centres c_1, …, c_C i.i.d. uniform on the unit sphere S^{D−1} (stream (S, "centres")), so ‖c_j‖ = 1.</li>
 *   <li>Point i belongs to cluster j = i mod C (balanced, deterministic) and is uniform in the ball of radius R
 *       around c_j: x_i = c_j + R·U^{1/D}·u with u uniform on S^{D−1} and U ~ U(0,1) (stream (S, "inputs")).
 *       R defaults to the theorem's limit 2·sin(√(2π) / (16·D·√D)).</li>
 *   <li>Cluster targets ŷ_j = g(c_j) for one random smooth function g (a {@link FourierFunction} of lengthscale 1,
 *       streams (S, "cluster-targets…")), and y_i = ŷ_j + ε_i with ε_i ~ N(0, E²) (stream (S, "noise")), E default
 *       0. Without noise the targets are constant within a cluster, hence γ-Lipschitz there for every γ ≥ 0.</li>
 * </ul>
 */
public final class ClusteredData {
    private ClusteredData() {
    }

    /** The default radius 2·sin(√(2π) / (16·d·√d)) of Theorem 5 (with ‖c_j‖ = 1). */
    public static double theoremRadius(int d) {
        return 2 * Math.sin(Math.sqrt(2 * Math.PI) / (16 * d * Math.sqrt(d)));
    }

    /** The centres (C × d, row j the centre of cluster j) that {@link #generate} uses for {@code seed}. */
    public static Matrix centres(int clusters, int d, long seed) {
        double[] centres = new double[Generated.cells("centres", clusters, d)];
        SplittableRandom rc = Seeds.stream(seed, "centres");
        for (int j = 0; j < clusters; j++) {
            Generated.unitVector(rc, centres, j * d, d);
        }
        return new Matrix(clusters, d, centres);
    }

    /** n points in C balls of radius {@code radius} around random unit centres. */
    public static Dataset generate(String spec, int n, int d, int clusters, double radius, double noise, long seed) {
        double[] centres = centres(clusters, d, seed).data();
        FourierFunction g = new FourierFunction(seed, "cluster-targets", d, 1, 1.0);
        double[] centreTargets = new double[clusters];
        for (int j = 0; j < clusters; j++) {
            g.evaluate(centres, j * d, centreTargets, j);
        }
        double[] x = new double[Generated.cells("inputs", n, d)];
        double[] y = new double[n];
        SplittableRandom r = Seeds.stream(seed, "inputs");
        for (int i = 0; i < n; i++) {
            int j = i % clusters;
            Generated.unitVector(r, x, i * d, d);
            double rho = radius * Math.pow(r.nextDouble(), 1.0 / d);
            for (int m = 0; m < d; m++) {
                x[i * d + m] = centres[j * d + m] + rho * x[i * d + m];
            }
            y[i] = centreTargets[j];
        }
        Matrix targets = new Matrix(n, 1, y);
        TeacherData.addNoise(targets, noise, seed);
        return new Dataset(spec, new Matrix(n, d, x), targets);
    }
}
