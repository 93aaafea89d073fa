package org.flowscape.data;

import org.flowscape.linalg.Matrix;
import org.flowscape.model.Activation;
import org.flowscape.model.Models;
import org.flowscape.model.Network;
import org.flowscape.rng.Seeds;

/**
 * {@code teacher:n=N,d=D,width=H[,act=ACT][,noise=E][,k=K],seed=S}: a realisable regression problem.
 * <ul>
 *   <li>Inputs x_i ~ N(0, I_d), i.i.d., from the stream (S, "inputs"), row by row.</li>
 *   <li>The teacher is the network {@code mlp:D-H-K:ACT} (ACT on the hidden layer, linear output, with biases;
 *       ACT default {@code tanh}, K default 1) at the parameters {@link Network#initialize(long)} gives for the
 *       seed {@code Seeds.derive(S, "teacher", 0)}: every weight N(0, 1/fan_in) (LeCun), i.e. hidden weights
 *       N(0, 1/D) and output weights N(0, 1/H), and all biases 0.</li>
 *   <li>Targets y_i = teacher(x_i) + ε_i with ε_i ~ N(0, E² I_k) from the stream (S, "noise"); E default 0.</li>
 * </ul>
 * Cost O(n·H·(D + K)).
 */
public final class TeacherData {
    private TeacherData() {
    }

    /** The teacher network {@code mlp:d-width-k:act}. */
    public static Network network(int d, int width, int k, Activation act) {
        return Models.mlp("mlp:" + d + "-" + width + "-" + k + ":" + act.spec(), new int[] {d, width, k}, act, true);
    }

    /** The teacher's parameters for root seed {@code seed}. */
    public static double[] parameters(Network teacher, long seed) {
        return teacher.initialize(Seeds.derive(seed, "teacher", 0));
    }

    /** n samples labelled by a random teacher plus N(0, noise²) noise. */
    public static Dataset generate(String spec, int n, int d, int width, int k, Activation act, double noise,
            long seed) {
        Matrix x = Generated.gaussian(seed, "inputs", n, d, 1);
        Network teacher = network(d, width, k, act);
        Matrix y = teacher.predict(parameters(teacher, seed), x);
        addNoise(y, noise, seed);
        return new Dataset(spec, x, y);
    }

    /** Adds independent N(0, noise²) deviates from the stream (seed, "noise") to every entry (overwritten). */
    static void addNoise(Matrix y, double noise, long seed) {
        if (noise == 0) {
            return;
        }
        double[] e = Seeds.gaussian(Seeds.stream(seed, "noise"), noise, new double[y.data().length]);
        for (int i = 0; i < e.length; i++) {
            y.data()[i] += e[i];
        }
    }
}
