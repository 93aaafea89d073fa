package org.flowscape.graph;

import org.flowscape.analysis.DenseSpectrum;
import org.flowscape.analysis.Lanczos;
import org.flowscape.analysis.LanczosConfig;
import org.flowscape.analysis.LanczosResult;
import org.flowscape.objective.Objective;

/**
 * What the landscape search needs of the Hessian at a point: the two smallest eigenvalues, the unit eigenvector of the
 * smallest, the largest, the index and nullity, and log |det H|. Up to {@link GraphConfig#denseLimit} parameters from
 * the exact dense Hessian and LAPACK ({@link DenseSpectrum}); above, from Lanczos on Hessian-vector products (the two
 * smallest and the largest pair; index counted only up to 2, nullity and determinant not computed).
 *
 * @param lambdaMin  the smallest eigenvalue
 * @param lambdaNext the second smallest (NaN when P = 1)
 * @param lambdaMax  the largest eigenvalue
 * @param softest    the unit eigenvector of {@code lambdaMin}, length P
 * @param index      eigenvalues below −threshold (Lanczos: among the two smallest)
 * @param nullity    eigenvalues within the threshold of 0 (−1 when not computed)
 * @param logDet     Σ log |λ_i| over all P eigenvalues (NaN when not computed or when nullity &gt; 0)
 * @param dense      whether the dense route was taken
 */
public record LocalSpectrum(double lambdaMin, double lambdaNext, double lambdaMax, double[] softest, int index,
        int nullity, double logDet, boolean dense) {

    public LocalSpectrum {
        softest = softest.clone();
    }

    /**
     * The spectrum at θ (read only). Cost: dense, P HVPs and an O(P³) eigensolve; Lanczos, up to 300 HVPs.
     */
    public static LocalSpectrum at(Objective objective, double[] theta, GraphConfig config) {
        int p = objective.dim();
        if (p <= config.denseLimit()) {
            DenseSpectrum s = DenseSpectrum.of(objective, theta, config.zero());
            double[] v = s.values();
            double logDet = 0;
            for (double x : v) {
                logDet += Math.log(Math.abs(x));
            }
            return new LocalSpectrum(v[0], p > 1 ? v[1] : Double.NaN, v[p - 1], s.eigen().vector(0), s.index(),
                    s.nullity(), s.nullity() > 0 ? Double.NaN : logDet, true);
        }
        LanczosResult r = Lanczos.extremal(objective, theta, LanczosConfig.of(1, 2, config.seed()));
        double threshold = config.zero().threshold(r.spectralRadius());
        int index = 0;
        for (int i = 0; i < 2; i++) {
            if (r.values()[i] < -threshold) {
                index++;
            }
        }
        return new LocalSpectrum(r.values()[0], r.values()[1], r.max(), r.vector(0), index, -1, Double.NaN, false);
    }
}
