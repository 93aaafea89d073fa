package org.flowscape.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import org.flowscape.graph.Barrier;
import org.flowscape.graph.DisconnectivityTree;
import org.flowscape.graph.Edge;
import org.flowscape.graph.GraphPoint;
import org.flowscape.graph.GraphResult;
import org.flowscape.graph.Rates;
import org.flowscape.graph.Sampling;

/** The text output of {@code flowscape graph}. */
final class GraphText {
    /** Barrier rows printed (all are in --json). */
    static final int BARRIER_ROWS = 20;

    private GraphText() {
    }

    static void print(GraphCommand.Run run, PrintWriter out, Path dir) {
        GraphResult r = run.result();
        Sampling s = r.sampling();
        out.printf(Locale.ROOT, "problem   %s on %s, loss %s, P = %d, theta from %s%n", run.model(), run.data(),
                run.loss(), run.parameters(), run.thetaSource());
        out.printf(Locale.ROOT, "sampled   %d minima (%d certified), %d transition states (%d certified), %d edges "
                + "verified; %d component(s), %.0f%% of the minima connected to the lowest%n", s.minima(),
                s.minimaCertified(), s.saddles(), s.saddlesCertified(), s.edgesVerified(), s.components(),
                100 * s.connectedFraction());
        out.printf(Locale.ROOT, "search    %d hops (%d accepted, %d quenches failed, %d ended at saddles), %d bands, "
                + "%d saddle searches (%d did not reach index 1), %.2f s%n", r.hopping().hops(),
                r.hopping().accepted(), r.hopping().failedQuenches(), r.hopping().saddleQuenches(), s.bands(),
                s.saddleSearches(), s.saddleFailures(), run.seconds());
        out.println("minima    id  loss                |grad|     index nullity  certified");
        for (GraphPoint m : r.minima()) {
            out.printf(Locale.ROOT, "          %-3d %-19.12g %-10.2e %-5d %-8d %s%n", m.id(), m.loss(), m.gradNorm(),
                    m.index(), m.nullity(), m.certified() ? "index " + m.certifiedIndex() : "no");
        }
        out.println("saddles   id  loss                lambda_min  joins     certified");
        for (GraphPoint t : r.saddles()) {
            Edge e = r.edges().stream().filter(x -> x.ts() == t.id()).findFirst().orElse(null);
            String joins = e == null ? "-" : e.minus() + "-" + e.plus() + (e.verified() ? "" : " (unverified)");
            out.printf(Locale.ROOT, "          %-3d %-19.12g %-11.4g %-9s %s%n", t.id(), t.loss(), t.lambdaMin(), joins,
                    t.certified() ? "index " + t.certifiedIndex() : "no");
        }
        out.println("barriers  a-b  height (upper bound)  from a      from b      path (TS ids)  certified");
        int shown = 0;
        for (Barrier b : r.barriers()) {
            if (shown++ == BARRIER_ROWS) {
                out.printf(Locale.ROOT, "          ... %d pairs in all (--json lists every one)%n",
                        r.barriers().size());
                break;
            }
            out.printf(Locale.ROOT, "          %d-%d  %-21.10g %-11.4g %-11.4g %-14s %s%n", b.from(), b.to(),
                    b.height(), b.fromBarrier(), b.toBarrier(), b.connected() ? b.path().toString() : "not connected",
                    b.certified() ? "yes" : "no");
        }
        DisconnectivityTree t = r.tree();
        out.printf(Locale.ROOT, "tree      %d node(s), %d root(s), energy step %.4g%n", t.nodes().size(),
                t.roots().size(), t.step());
        Rates.Result rates = r.rates();
        out.printf(Locale.ROOT, "rates     T = %.4g, %s prefactor%s%n", rates.temperature(), rates.model().spec(),
                rates.edgesWithoutRate() > 0 ? "; " + rates.edgesWithoutRate() + " edge(s) without a rate (zero "
                        + "Hessian modes: add weight decay, or a determinant was not computed)" : "");
        int lowest = lowest(r);
        for (Rates.Pair p : rates.pairs()) {
            if (p.from() == lowest || p.to() == lowest) {
                out.printf(Locale.ROOT, "          k(%d -> %d) = %.6g%n", p.from(), p.to(), p.rate());
            }
        }
        if (run.census() != null) {
            var c = run.census();
            out.printf(Locale.ROOT, "census    the certified census of the box (%s) holds %d minima and %d index-1 "
                    + "saddles; the graph found %d and %d of them (it has %d minima and %d saddles in the box)%n",
                    c.censusComplete() ? "complete" : "incomplete: some boxes undecided", c.censusMinima(),
                    c.censusSaddles(), c.foundMinima(), c.foundSaddles(), c.graphMinimaInBox(),
                    c.graphSaddlesInBox());
        }
        if (dir != null) {
            out.printf(Locale.ROOT, "wrote     %s (graph_* tables), %s, %s%n", dir.resolve("results.duckdb"),
                    dir.resolve("graph.json"), dir.resolve("report.html"));
        }
        out.flush();
    }

    private static int lowest(GraphResult r) {
        int best = -1;
        for (GraphPoint m : r.minima()) {
            if (best < 0 || m.loss() < r.minima().get(best).loss()) {
                best = m.id();
            }
        }
        return best;
    }
}
