package org.flowscape.geometry;

import java.util.SplittableRandom;
import org.flowscape.data.Dataset;
import org.flowscape.loss.Losses;
import org.flowscape.model.Models;
import org.flowscape.model.Network;
import org.flowscape.objective.EmpiricalRisk;
import org.flowscape.rng.Seeds;
import org.flowscape.testing.Problems;

/** Small seeded networks and points for the geometry tests. */
final class GeometryFixtures {
    private GeometryFixtures() {
    }

    /** A ReLU MLP with biases on Gaussian data (mse). */
    static EmpiricalRisk reluRisk(String spec, int n, long seed) {
        Network net = Models.parse(spec);
        Dataset data = Problems.gaussian(n, net.inputDim(), net.outputDim(), seed);
        return new EmpiricalRisk(net, Losses.mse(), data);
    }

    /** Every entry of θ standard normal (biases included), from the stream (seed, "test-theta", index). */
    static double[] gaussianTheta(int p, long seed, int index) {
        SplittableRandom r = Seeds.stream(seed, "test-theta", index);
        return Seeds.gaussian(r, 1.0, new double[p]);
    }

    /** A random permutation of 0..n−1 (Fisher–Yates on the stream (seed, "test-perm", index)). */
    static int[] permutation(int n, long seed, int index) {
        SplittableRandom r = Seeds.stream(seed, "test-perm", index);
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
