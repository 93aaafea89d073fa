package org.flowscape.graph;

import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.flowscape.objective.Objective;
import org.flowscape.rng.Seeds;

/**
 * Basin hopping (Li &amp; Scheraga, PNAS 84, 6611, 1987; Wales &amp; Doye, J. Phys. Chem. A 101, 5111, 1997): perturb
 * the current minimum by a Gaussian step, quench ({@link Quench#descend}), keep every new minimum in the database and
 * move to the quenched minimum by the Metropolis rule at {@link GraphConfig#hopTemperature}. Hop i draws from stream
 * (seed, "basin-hop", i), so the sequence depends on the seed only. The step size is multiplied by {@value #ADAPT}
 * after every {@value #ADAPT_EVERY} hops that accepted more than half, divided by it otherwise. A quench that does
 * not converge, or converges to a point of index &gt; 0, is counted and not stored.
 */
public final class BasinHopping {
    /** The step's adaptation factor. */
    public static final double ADAPT = 1.1;
    /** Hops between adaptations. */
    public static final int ADAPT_EVERY = 10;

    /**
     * What basin hopping did.
     *
     * @param hops            hops made
     * @param accepted        hops accepted by the Metropolis rule
     * @param failedQuenches  quenches that did not converge
     * @param saddleQuenches  quenches that converged to a point of index &gt; 0 (not stored)
     * @param finalStep       the step size at the end
     */
    public record Stats(int hops, int accepted, int failedQuenches, int saddleQuenches, double finalStep) {
    }

    private BasinHopping() {
    }

    /**
     * Hops from {@code start} (read only) until the database holds {@link GraphConfig#minima} minima or the hops run
     * out; {@code progress} hears one line per new minimum.
     */
    public static Stats run(Objective objective, double[] start, GraphConfig config, PointAnalysis analysis,
            LandscapeDatabase db, Consumer<String> progress) {
        double step = config.hopStep();
        QuenchResult q = Quench.descend(objective, start, config);
        double[] current = q.theta();
        double currentLoss = q.loss();
        int failed = 0;
        int saddle = 0;
        if (!store(q, analysis, db, progress)) {
            failed++;
        }
        int accepted = 0;
        int window = 0;
        int hops = 0;
        for (int i = 0; i < config.hops() && db.minima().size() < config.minima(); i++) {
            SplittableRandom rng = Seeds.stream(config.seed(), "basin-hop", i);
            double[] trial = current.clone();
            for (int j = 0; j < trial.length; j++) {
                trial[j] += step * Seeds.gaussian(rng);
            }
            hops++;
            QuenchResult r = Quench.descend(objective, trial, config);
            if (!r.converged()) {
                failed++;
            } else if (!store(r, analysis, db, progress)) {
                saddle++;
            } else if (r.loss() <= currentLoss
                    || rng.nextDouble() < Math.exp(-(r.loss() - currentLoss) / config.hopTemperature())) {
                current = r.theta();
                currentLoss = r.loss();
                accepted++;
                window++;
            }
            if (hops % ADAPT_EVERY == 0) {
                step = window * 2 > ADAPT_EVERY ? step * ADAPT : step / ADAPT;
                window = 0;
            }
        }
        return new Stats(hops, accepted, failed, saddle, step);
    }

    /** Stores a converged quench when it is a minimum; false when it is not (index &gt; 0 or not converged). */
    private static boolean store(QuenchResult q, PointAnalysis analysis, LandscapeDatabase db,
            Consumer<String> progress) {
        if (!q.converged()) {
            return false;
        }
        LocalSpectrum s = analysis.spectrum(q.theta());
        if (s.index() != 0) {
            return false;
        }
        GraphPoint entry = analysis.entry(q.theta(), s);
        if (db.findMinimum(entry) < 0) {
            int id = db.addMinimum(analysis.certified(entry, q.theta()));
            progress.accept("minimum " + id + " at L = " + q.loss());
        }
        return true;
    }
}
