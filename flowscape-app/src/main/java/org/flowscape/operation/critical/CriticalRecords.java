package org.flowscape.operation.critical;

import org.flowscape.analysis.Certificate;
import org.flowscape.analysis.CriticalPointReport;
import org.flowscape.experiment.CriticalPointRow;
import org.flowscape.experiment.Outcome;
import org.flowscape.experiment.RecordSink;

/**
 * Writes a {@link CriticalRun} into a {@link RecordSink}: one {@code critical_points} row per converged start
 * ({@code idx} = the start's index, 0 for the given θ); metrics {@code starts} (polished), {@code converged},
 * {@code orbits} (distinct points modulo permutations and sign flips); outcome {@code timeout} when a time limit
 * stopped it (the points so far kept), {@code not_converged} when no start converged, else {@code ok}.
 */
public final class CriticalRecords {
    private CriticalRecords() {
    }

    /** Records {@code run}. */
    public static void record(CriticalRun run, RecordSink sink) {
        for (CriticalRun.Point pt : run.points()) {
            if (pt.polish().converged()) {
                sink.criticalPoint(row(pt));
            }
        }
        int wanted = run.wanted();
        sink.metric("starts", run.points().size());
        sink.metric("converged", run.convergedCount());
        sink.metric("orbits", run.orbits().size());
        if (run.stopped()) {
            sink.outcome(Outcome.TIMEOUT, "stopped at the time limit after " + run.points().size() + " of "
                    + wanted + " starts (" + run.convergedCount() + " converged, kept)");
        } else if (run.convergedCount() == 0) {
            sink.outcome(Outcome.NOT_CONVERGED, "no start polished to |grad| <= " + run.settings().gradientTol());
        } else {
            sink.outcome(Outcome.OK, run.convergedCount() + " of " + wanted + " starts converged, "
                    + run.orbits().size() + " distinct");
        }
    }

    private static CriticalPointRow row(CriticalRun.Point pt) {
        CriticalPointReport r = pt.report();
        Certificate c = pt.certificate();
        boolean certified = c != null && c.certified();
        boolean efficient = pt.redundancy() != null && !pt.redundancy().redundant();
        return new CriticalPointRow(Math.max(0, pt.start()), r.value(), r.gradientNorm(), r.index(), r.nullity(),
                r.orbitDimension(), efficient, certified, certified ? c.radius() : Double.NaN,
                r.spectrum().eigen().min(), r.spectrum().eigen().max());
    }
}
