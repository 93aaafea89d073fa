package org.flowscape.graph;

import java.util.ArrayList;
import java.util.List;

/**
 * Kinetic rates between the minima of the database at temperature T: transition-state-theory rates over each verified
 * edge ({@link RateModel}), summed over the transition states that join a pair, then the A→B rate of the whole network
 * by {@link GraphTransformation}. A rate needs log |det H| at both ends (the dense spectrum without zero modes): an
 * edge without one contributes nothing and is counted in {@link Result#edgesWithoutRate}. Symmetry-equivalent copies
 * of a transition state are not counted (one entry per orbit), so path degeneracies are not included.
 */
public final class Rates {
    /** Network rates are computed for every ordered pair when there are at most this many minima. */
    public static final int MAX_PAIRS_MINIMA = 60;

    private Rates() {
    }

    /**
     * The rate of one ordered pair.
     *
     * @param from the starting minimum
     * @param to   the target minimum
     * @param rate k_{to←from} by graph transformation (1/s in units where the dynamics' time is 1), 0 when
     *             unreachable
     */
    public record Pair(int from, int to, double rate) {
    }

    /**
     * The rates.
     *
     * @param temperature      T
     * @param model            the prefactor used
     * @param direct           direct[i][j] = the summed TST rate j → i over single transition states
     * @param pairs            network rates for every ordered pair of connected minima (empty above
     *                         {@link #MAX_PAIRS_MINIMA})
     * @param edgesWithoutRate verified edges skipped for want of a determinant (zero modes, or P above the dense limit)
     */
    public record Result(double temperature, RateModel model, double[][] direct, List<Pair> pairs,
            int edgesWithoutRate) {
        public Result {
            pairs = List.copyOf(pairs);
        }
    }

    /** The TST rate a → b over transition state t: ν exp(−(L_t − L_a)/T). NaN when a determinant is missing. */
    public static double single(GraphPoint a, GraphPoint t, double temperature, RateModel model) {
        double nu = model.prefactor(a.logDet(), t.logDet(), t.lambdaMin());
        return nu * Math.exp(-(t.loss() - a.loss()) / temperature);
    }

    /** All rates of the database's minima, saddles and edges at {@code temperature} &gt; 0. */
    public static Result of(List<GraphPoint> minima, List<GraphPoint> saddles, List<Edge> edges, double temperature,
            RateModel model) {
        if (!(temperature > 0)) {
            throw new IllegalArgumentException("temperature must be > 0, got " + temperature);
        }
        int n = minima.size();
        double[][] k = new double[n][n];
        int missing = 0;
        for (Edge e : Barriers.ascending(edges, saddles)) {
            GraphPoint t = saddles.get(e.ts());
            double forward = single(minima.get(e.minus()), t, temperature, model);
            double backward = single(minima.get(e.plus()), t, temperature, model);
            if (!Double.isFinite(forward) || !Double.isFinite(backward)) {
                missing++;
                continue;
            }
            k[e.plus()][e.minus()] += forward;
            k[e.minus()][e.plus()] += backward;
        }
        List<Pair> pairs = new ArrayList<>();
        if (n <= MAX_PAIRS_MINIMA) {
            for (int a = 0; a < n; a++) {
                for (int b = 0; b < n; b++) {
                    if (a != b) {
                        pairs.add(new Pair(a, b, GraphTransformation.rate(k, a, b)));
                    }
                }
            }
        }
        return new Result(temperature, model, k, pairs, missing);
    }
}
