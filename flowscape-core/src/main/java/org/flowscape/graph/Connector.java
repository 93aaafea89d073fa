package org.flowscape.graph;

import java.util.function.Consumer;
import org.flowscape.objective.Objective;

/**
 * Connects two minima: a doubly-nudged elastic band between their canonical forms ({@link ElasticBand}), each of its
 * local maxima refined to an index-1 saddle ({@link SaddleSearch}), and each new transition state quenched off both
 * sides with checked push-offs ({@link Quench#fromSaddle}) to the minima it joins, which are added to the database
 * when new. Not thread-safe.
 */
final class Connector {
    /** Band maxima refined per band, highest first. */
    static final int CANDIDATES_PER_BAND = 3;

    private final Objective objective;
    private final GraphConfig config;
    private final PointAnalysis analysis;
    private final LandscapeDatabase db;
    private final Consumer<String> progress;
    int bands;
    int searches;
    int searchFailures;

    Connector(Objective objective, GraphConfig config, PointAnalysis analysis, LandscapeDatabase db,
            Consumer<String> progress) {
        this.objective = objective;
        this.config = config;
        this.analysis = analysis;
        this.db = db;
        this.progress = progress;
    }

    /** Runs one band between minima {@code a} and {@code b} of the database and refines its candidates. */
    void connect(int a, int b) {
        GraphPoint ma = db.minima().get(a);
        GraphPoint mb = db.minima().get(b);
        BandResult band = ElasticBand.relax(objective, ma.theta(), mb.theta(), config);
        bands++;
        int used = 0;
        for (int c : band.candidates()) {
            if (used++ == CANDIDATES_PER_BAND) {
                break;
            }
            searches++;
            SaddleResult s = SaddleSearch.refine(objective, band.image(c), config);
            if (!s.converged()) {
                searchFailures++;
                continue;
            }
            GraphPoint entry = analysis.entry(s.theta(), s.spectrum());
            if (db.findSaddle(entry) >= 0) {
                continue;
            }
            int ts = db.addSaddle(analysis.certified(entry, s.theta()));
            int minus = end(s, -1);
            int plus = end(s, +1);
            boolean verified = minus >= 0 && plus >= 0;
            String note = !verified ? "a quench did not reach a minimum" : minus == plus ? "both quenches reached "
                    + "minimum " + minus + ": a degenerate rearrangement between two copies in one symmetry orbit"
                    : "";
            db.addEdge(new Edge(ts, minus, plus, verified, note));
            progress.accept("transition state " + ts + " at L = " + s.loss() + " joins minima " + minus + " and "
                    + plus + (note.isEmpty() ? "" : " (" + note + ")"));
        }
    }

    /** The minimum reached off saddle {@code s} along {@code sign}·v, added to the database; −1 when none. */
    private int end(SaddleResult s, int sign) {
        LocalSpectrum spec = s.spectrum();
        QuenchResult q = Quench.fromSaddle(objective, s.theta(), spec.softest(), spec.lambdaMin(), sign, config,
                true);
        if (!q.converged()) {
            return -1;
        }
        LocalSpectrum at = analysis.spectrum(q.theta());
        if (at.index() != 0) {
            return -1;
        }
        GraphPoint entry = analysis.entry(q.theta(), at);
        int id = db.findMinimum(entry);
        if (id < 0) {
            id = db.addMinimum(analysis.certified(entry, q.theta()));
            progress.accept("minimum " + id + " at L = " + q.loss() + " (from a transition state)");
        }
        return id;
    }
}
