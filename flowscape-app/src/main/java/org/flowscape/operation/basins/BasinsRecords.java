package org.flowscape.operation.basins;

import org.flowscape.experiment.BasinRow;
import org.flowscape.experiment.Outcome;
import org.flowscape.experiment.RecordSink;
import org.flowscape.geometry.basins.BoundEntry;
import org.flowscape.geometry.basins.KktCertificate;
import org.flowscape.geometry.basins.WidthResult;
import org.flowscape.geometry.basins.Wilson;

/**
 * Writes a {@code basins} result into a {@link RecordSink}. Monte Carlo: one {@link BasinRow} per (width, start);
 * metric {@code basin_alpha}; per width K {@code p_basin/k=K} with {@code p_basin_lower/k=K},
 * {@code p_basin_upper/k=K} (Wilson 95%), {@code exact_basin/k=K} (the exact P[Bas ≤ α] where a closed form
 * exists), {@code certified/k=K}, {@code max_kkt_gap/k=K}, when trained
 * {@code mean_final_loss/k=K} and {@code p_trained/k=K}, and for each applicable bound B {@code bound_B/k=K},
 * {@code estimate_B/k=K} and {@code exact_B/k=K} where a closed form exists; outcome {@code not_converged} when some
 * basin value was not certified. One network: a {@link BasinRow} (start 0), metrics {@code basin_value},
 * {@code initial_loss}, {@code kkt_gap}, {@code kkt_primal_violation}, {@code kkt_stationarity},
 * {@code kkt_complementarity}, {@code certified} (1 or 0), {@code groups}.
 */
public final class BasinsRecords {
    private BasinsRecords() {
    }

    /** Records the Monte Carlo {@code r}. */
    public static void record(BasinsResult r, RecordSink sink) {
        int uncertified = 0;
        double alpha = r.config().alpha();
        sink.metric("basin_alpha", alpha); // the report's threshold of a good basin
        for (WidthResult w : r.widths()) {
            String k = "/k=" + w.width();
            for (int i = 0; i < w.inits(); i++) {
                sink.basin(new BasinRow(i, w.width(), r.dataSpec(), w.basinValue()[i], w.kktGap()[i],
                        w.finalLoss()[i]));
            }
            Wilson p = w.basinBelow(alpha);
            sink.metric("p_basin" + k, p.estimate());
            sink.metric("p_basin_lower" + k, p.lower());
            sink.metric("p_basin_upper" + k, p.upper());
            double exact = r.exact(w);
            if (!Double.isNaN(exact)) {
                sink.metric("exact_basin" + k, exact);
            }
            sink.metric("certified" + k, w.certifiedCount());
            sink.metric("max_kkt_gap" + k, w.maxGap());
            if (r.config().trained()) {
                sink.metric("mean_final_loss" + k, w.meanFinalLoss());
                sink.metric("p_trained" + k, w.trainedBelow(alpha).estimate());
            }
            for (BoundEntry b : r.bounds(w)) {
                sink.metric("bound_" + b.name() + k, b.bound());
                sink.metric("estimate_" + b.name() + k, b.estimate().estimate());
                if (!Double.isNaN(b.exact())) {
                    sink.metric("exact_" + b.name() + k, b.exact());
                }
            }
            uncertified += w.inits() - w.certifiedCount();
        }
        if (r.widths().size() < r.config().widths().length) {
            sink.outcome(Outcome.TIMEOUT, "stopped at the time limit after " + r.widths().size() + " of "
                    + r.config().widths().length + " widths (the finished widths are kept)");
        } else if (uncertified > 0) {
            sink.outcome(Outcome.NOT_CONVERGED, uncertified + " basin value(s) without a KKT certificate at gap "
                    + r.config().tolerance());
        }
    }

    /** Records the basin of one network. */
    public static void record(BasinAt a, RecordSink sink) {
        KktCertificate c = a.basin().certificate();
        sink.basin(new BasinRow(0, a.network().k(), a.dataSpec(), a.basin().value(), c.gap(), Double.NaN));
        sink.metric("basin_value", a.basin().value());
        sink.metric("initial_loss", a.loss());
        sink.metric("kkt_gap", c.gap());
        sink.metric("kkt_primal_violation", c.primalViolation());
        sink.metric("kkt_stationarity", c.stationarity());
        sink.metric("kkt_complementarity", c.complementarity());
        sink.metric("certified", c.certified() ? 1 : 0);
        sink.metric("groups", a.basin().groups());
        if (!c.certified()) {
            sink.outcome(Outcome.NOT_CONVERGED, "the basin value has no KKT certificate at gap " + c.tolerance()
                    + " (gap " + c.gap() + ")");
        }
    }
}
