package org.flowscape.dynamics;

import java.util.ArrayList;
import java.util.List;
import org.flowscape.analysis.Lanczos;
import org.flowscape.analysis.LanczosConfig;
import org.flowscape.analysis.LanczosResult;
import org.flowscape.objective.Objective;

/**
 * The edge-of-stability monitor of gradient descent (Cohen et al., ICLR 2021): λ_max(H) by Lanczos on Hessian-vector
 * products every {@code every}-th iterate, against the stability threshold 2/η of descent with step η. Where
 * λ_max &gt; 2/η descent is locally unstable along the top eigenvector and no longer tracks the gradient flow. The
 * monitor records the series, every crossing of the threshold (an <i>entry</i> from below to above, a
 * <i>departure</i> from above to below, between consecutive observations) and how many observations lie within the
 * relative {@code margin} below it or above it ("at the edge"). Cost per observation: one Lanczos run of up to
 * {@link #LANCZOS_ITERATIONS} HVPs (a few dozen for a well-separated λ_max).
 */
public final class EdgeOfStabilityMonitor implements StepObserver {
    /** The default observation interval (iterates). */
    public static final int DEFAULT_EVERY = 10;
    /** The default margin: within 5% below 2/η counts as at the edge. */
    public static final double DEFAULT_MARGIN = 0.05;
    /** The most Lanczos steps per observation. */
    public static final int LANCZOS_ITERATIONS = 100;

    /**
     * One crossing of the threshold.
     *
     * @param step     the iterate where it was first observed
     * @param time     its time Σ η_j
     * @param lambdaMax λ_max there
     * @param entry    true for an entry (now above 2/η), false for a departure (now at or below)
     */
    public record Crossing(long step, double time, double lambdaMax, boolean entry) {
    }

    private final int every;
    private final double eta;
    private final double margin;
    private final long seed;
    private Objective objective;
    private final Series sharpness = new Series();
    private final List<Crossing> crossings = new ArrayList<>();
    private int atEdge;
    private Boolean above;

    /**
     * @param every  observe every {@code every}-th iterate (and the first), &ge; 1
     * @param eta    the constant descent step η &gt; 0
     * @param margin the relative band below 2/η counted as at the edge, in [0, 1)
     * @param seed   the seed of Lanczos' start vectors (stream (seed, "lanczos", 0))
     */
    public EdgeOfStabilityMonitor(int every, double eta, double margin, long seed) {
        this.every = org.flowscape.internal.Checks.positive("every", every);
        if (!(eta > 0) || !(margin >= 0 && margin < 1)) {
            throw new IllegalArgumentException("the edge-of-stability monitor needs a step eta > 0 and a margin in "
                    + "[0, 1), got " + eta + " and " + margin);
        }
        this.eta = eta;
        this.margin = margin;
        this.seed = seed;
    }

    @Override
    public void start(Objective f, FlowPoint initial) {
        objective = f.fork();
        record(initial);
    }

    @Override
    public void onStep(FlowPoint point) {
        if (point.step() % every == 0) {
            record(point);
        }
    }

    private void record(FlowPoint point) {
        LanczosResult r = Lanczos.extremal(objective, point.theta(),
                new LanczosConfig(1, 0, LANCZOS_ITERATIONS, LanczosConfig.DEFAULT_RESIDUAL, seed));
        double lambda = r.max();
        sharpness.add(point.time(), lambda);
        double edge = threshold();
        boolean now = lambda > edge;
        if (lambda >= (1 - margin) * edge) {
            atEdge++;
        }
        if (above != null && now != above) {
            crossings.add(new Crossing(point.step(), point.time(), lambda, now));
        }
        above = now;
    }

    /** λ_max at the observed iterates (times Σ η_j). */
    public Series sharpness() {
        return sharpness;
    }

    /** 2/η. */
    public double threshold() {
        return 2 / eta;
    }

    /** Entries and departures in order. */
    public List<Crossing> crossings() {
        return List.copyOf(crossings);
    }

    /** Observations with λ_max ≥ (1 − margin)·2/η. */
    public int observationsAtEdge() {
        return atEdge;
    }

    /** The margin. */
    public double margin() {
        return margin;
    }

    /** Whether the first observation was already above 2/η (null before any observation). */
    public Boolean startedAbove() {
        return sharpness.size() == 0 ? null : sharpness.values()[0] > threshold();
    }
}
