package org.flowscape.geometry.basins;

import org.flowscape.linalg.Matrix;

/**
 * Exact basin facts for singleton data, every x_t non-zero in at most one coordinate (Theorem 2's setting; the
 * orthonormal data X = I of Theorem 4 is the special case of one point per coordinate). Points on coordinate j with
 * sign σ of that coordinate form a group; a neuron is active on the whole group iff sign(w_{ij}) = σ, so on it the
 * network predicts |x_t|·γ with γ any real when neurons of both output signs are active there, γ ≥ 0 (≤ 0) with only
 * positive (negative) ones, and 0 with none. Hence, with s the loss factor ({@code docs/basins.md}):
 * <ul>
 *   <li>α* = Σ_groups min_γ s·Σ_t (|x_t|γ − y_t)², the best value over every width (Theorem 2's α);</li>
 *   <li>Bas = α* exactly when every group whose optimal γ* is non-zero has an active neuron with sign v = sign γ*;
 *       otherwise Bas &gt; α*;</li>
 *   <li>P[Bas ≤ α*] = Σ_p C(n,p) 2^{−n} Π_j P_p(cover T⁺_j) P_{n−p}(cover T⁻_j), where p neurons have v &gt; 0,
 *       T^±_j is the set of sides of coordinate j that need a neuron of output sign ±, and a side set T is covered
 *       by q neurons choosing sides by fair coins with probability Σ_{S ⊆ T} (−1)^{|S|} (1 − |S|/2)^q.</li>
 * </ul>
 * For theory.md D.5's data this gives Σ_p C(n,p) 2^{−n} (1 − 2^{1−p})^d, for X = I and y &gt; 0
 * Σ_p C(n,p) 2^{−n} (1 − 2^{−p})^m.
 *
 * @param d     input dimension
 * @param alpha α*
 * @param need  d × 2 × 2 flags: need[(j*2 + side)*2 + sign] with side 0 for x &gt; 0, 1 for x &lt; 0 and sign 0 for
 *              v &gt; 0, 1 for v &lt; 0
 */
public record SingletonExact(int d, double alpha, boolean[] need) {

    /** True when every row of {@code x} has at most one non-zero entry. */
    public static boolean applies(Matrix x) {
        for (int t = 0; t < x.rows(); t++) {
            int nonzero = 0;
            for (int c = 0; c < x.cols(); c++) {
                nonzero += x.get(t, c) != 0 ? 1 : 0;
            }
            if (nonzero > 1) {
                return false;
            }
        }
        return true;
    }

    /**
     * The facts for singleton data (x, y) and loss factor {@code scale}.
     *
     * @throws IllegalArgumentException when some row has two non-zero entries
     */
    public static SingletonExact of(Matrix x, Matrix y, double scale) {
        if (!applies(x)) {
            throw new IllegalArgumentException("the data are not singleton data (a row has two non-zero inputs)");
        }
        int d = x.cols();
        double[] sxy = new double[2 * d];
        double[] sxx = new double[2 * d];
        double alpha = 0;
        for (int t = 0; t < x.rows(); t++) {
            double yt = y.get(t, 0);
            alpha += scale * yt * yt;
            for (int c = 0; c < d; c++) {
                double v = x.get(t, c);
                if (v != 0) {
                    int group = 2 * c + (v > 0 ? 0 : 1);
                    sxy[group] += Math.abs(v) * yt;
                    sxx[group] += v * v;
                }
            }
        }
        boolean[] need = new boolean[4 * d];
        for (int g = 0; g < 2 * d; g++) {
            if (sxy[g] != 0) {
                alpha -= scale * sxy[g] * sxy[g] / sxx[g];
                need[2 * g + (sxy[g] > 0 ? 0 : 1)] = true;
            }
        }
        return new SingletonExact(d, Math.max(alpha, 0), need);
    }

    /** P[Bas ≤ α*] at width n under Assumption 1 (any spherically symmetric initialization). */
    public double probability(int width) {
        double total = 0;
        for (int p = 0; p <= width; p++) {
            double prod = 1;
            for (int j = 0; j < d; j++) {
                prod *= cover(sides(j, 0), p) * cover(sides(j, 1), width - p);
            }
            total += binomial(width, p) * Math.pow(0.5, width) * prod;
        }
        return total;
    }

    /** Whether the initialization {@code net} is in a basin of value α* (its groups' needs are all met). */
    public boolean good(ReluNet net) {
        for (int j = 0; j < d; j++) {
            for (int side = 0; side < 2; side++) {
                for (int sign = 0; sign < 2; sign++) {
                    if (need[(j * 2 + side) * 2 + sign] && !covered(net, j, side, sign)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    private static boolean covered(ReluNet net, int j, int side, int sign) {
        for (int i = 0; i < net.k(); i++) {
            double w = net.w()[i * net.d() + j];
            boolean sideOk = side == 0 ? w > 0 : w < 0;
            boolean signOk = sign == 0 ? net.v()[i] >= 0 : net.v()[i] < 0;
            if (sideOk && signOk) {
                return true;
            }
        }
        return false;
    }

    private int sides(int j, int sign) {
        int count = 0;
        for (int side = 0; side < 2; side++) {
            count += need[(j * 2 + side) * 2 + sign] ? 1 : 0;
        }
        return count;
    }

    /** P(q fair side-coins cover a set of {@code size} required sides), by inclusion–exclusion. */
    static double cover(int size, int q) {
        double sum = 0;
        for (int s = 0; s <= size; s++) {
            double miss = 1 - s / 2.0;
            sum += (s % 2 == 0 ? 1 : -1) * binomial(size, s) * (q == 0 ? 1 : Math.pow(miss, q));
        }
        return sum;
    }

    static double binomial(int n, int k) {
        double r = 1;
        for (int i = 1; i <= k; i++) {
            r = r * (n - k + i) / i;
        }
        return r;
    }
}
