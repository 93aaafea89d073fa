package org.flowscape.analysis;

import java.util.Arrays;
import org.flowscape.linalg.SymmetricEigen;
import org.flowscape.objective.Objective;
import org.flowscape.rng.Seeds;

/**
 * Stochastic Lanczos quadrature (Golub–Meurant; Ghorbani, Krishnan, Xiao 2019) for the spectral density of H(θ):
 * for each random unit probe v, m Lanczos steps with full reorthogonalization give the Gauss quadrature (θ_k, τ_k²)
 * of the measure Σ_i (v·u_i)² δ_{λ_i}; averaging over probes estimates (1/P) Σ_i δ_{λ_i}. The probes advance in
 * lockstep so every step is one batched HVP call. Written here for the same reason as {@link Lanczos}. Cost: probes ·
 * steps HVPs, O(probes · steps² · P) for reorthogonalization and probes · steps · P doubles of bases.
 */
public final class StochasticLanczosQuadrature {
    private StochasticLanczosQuadrature() {
    }

    /**
     * The density at {@code gridPoints} points spanning the nodes ± 3σ, with σ = {@code relativeWidth} times the node
     * span (or times 1 when all nodes coincide). Probe r is Rademacher/√P from the stream {@code (seed, "slq", r)}.
     */
    public static SpectralDensity estimate(Objective objective, double[] theta, int probes, int steps,
            int gridPoints, double relativeWidth, long seed) {
        if (probes < 2 || steps < 1 || gridPoints < 2 || !(relativeWidth > 0)) {
            throw new IllegalArgumentException("SLQ needs probes >= 2, steps >= 1, gridPoints >= 2 and width > 0");
        }
        int p = objective.dim();
        int m = Math.min(steps, p);
        double[] nodes = new double[probes * m];
        double[] weights = new double[probes * m];
        Arrays.fill(nodes, Double.NaN);
        lanczosAll(objective, theta, probes, m, p, seed, nodes, weights);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double x : nodes) {
            if (!Double.isNaN(x)) {
                lo = Math.min(lo, x);
                hi = Math.max(hi, x);
            }
        }
        double sigma = relativeWidth * (hi > lo ? hi - lo : Math.max(1, Math.abs(hi)));
        double[] grid = new double[gridPoints];
        for (int g = 0; g < gridPoints; g++) {
            grid[g] = lo - 3 * sigma + (hi - lo + 6 * sigma) * g / (gridPoints - 1);
        }
        double[] mean = new double[gridPoints];
        double[] se = new double[gridPoints];
        smooth(nodes, weights, probes, m, grid, sigma, mean, se);
        return new SpectralDensity(grid, mean, se, nodes, weights, sigma, probes, m, seed);
    }

    private static void lanczosAll(Objective objective, double[] theta, int probes, int m, int p, long seed,
            double[] nodes, double[] weights) {
        double[] basis = new double[probes * m * p];
        double[] alpha = new double[probes * m];
        double[] beta = new double[probes * m];
        int[] length = new int[probes];
        boolean[] active = new boolean[probes];
        double[] current = new double[probes * p];
        for (int r = 0; r < probes; r++) {
            TraceEstimators.rademacher(Seeds.stream(seed, "slq", r), current, r * p, p);
            for (int i = 0; i < p; i++) {
                current[r * p + i] /= Math.sqrt(p);
            }
            active[r] = true;
        }
        double[] batch = new double[probes * p];
        double[] out = new double[probes * p];
        int[] who = new int[probes];
        double[] w = new double[p];
        for (int j = 0; j < m; j++) {
            int count = 0;
            for (int r = 0; r < probes; r++) {
                if (active[r]) {
                    System.arraycopy(current, r * p, basis, (r * m + j) * p, p);
                    System.arraycopy(current, r * p, batch, count * p, p);
                    who[count++] = r;
                }
            }
            if (count == 0 || j > 0 && org.flowscape.internal.Cancellation.requested()) {
                break; // cancelled: the quadrature of the steps done so far
            }
            objective.hessianVectorProducts(theta, batch, count, out);
            for (int c = 0; c < count; c++) {
                int r = who[c];
                System.arraycopy(out, c * p, w, 0, p);
                double a = 0;
                for (int i = 0; i < p; i++) {
                    a += current[r * p + i] * w[i];
                }
                alpha[r * m + j] = a;
                length[r] = j + 1;
                double[] q = Arrays.copyOfRange(basis, r * m * p, (r * m + j + 1) * p);
                Lanczos.orthogonalize(w, q, j + 1, p);
                Lanczos.orthogonalize(w, q, j + 1, p);
                double b = org.flowscape.linalg.Vectors.norm2(w);
                double scale = Math.max(Math.abs(a), Math.abs(j > 0 ? beta[r * m + j - 1] : 0));
                if (j + 1 == m || b <= Lanczos.BREAKDOWN_REL * Math.max(scale, b) || b == 0) {
                    active[r] = false;
                    continue;
                }
                beta[r * m + j] = b;
                for (int i = 0; i < p; i++) {
                    current[r * p + i] = w[i] / b;
                }
            }
        }
        for (int r = 0; r < probes; r++) {
            int len = length[r];
            SymmetricEigen e = Lanczos.tridiagonalEigen(Arrays.copyOfRange(alpha, r * m, r * m + len),
                    Arrays.copyOfRange(beta, r * m, r * m + len), len);
            for (int k = 0; k < len; k++) {
                double first = e.vectors()[k];
                nodes[r * m + k] = e.values()[k];
                weights[r * m + k] = first * first;
            }
        }
    }

    private static void smooth(double[] nodes, double[] weights, int probes, int m, double[] grid, double sigma,
            double[] mean, double[] se) {
        double norm = 1 / (sigma * Math.sqrt(2 * Math.PI));
        double[] perProbe = new double[probes];
        for (int g = 0; g < grid.length; g++) {
            for (int r = 0; r < probes; r++) {
                double s = 0;
                for (int k = 0; k < m; k++) {
                    double node = nodes[r * m + k];
                    if (!Double.isNaN(node)) {
                        double u = (grid[g] - node) / sigma;
                        s += weights[r * m + k] * norm * Math.exp(-0.5 * u * u);
                    }
                }
                perProbe[r] = s;
            }
            mean[g] = TraceEstimators.mean(perProbe);
            se[g] = TraceEstimators.standardError(perProbe);
        }
    }
}
