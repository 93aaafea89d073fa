package org.flowscape.report;

import java.util.List;
import org.flowscape.experiment.Provenance;
import org.flowscape.graph.Barrier;
import org.flowscape.graph.CensusComparison;
import org.flowscape.graph.Edge;
import org.flowscape.graph.GraphPoint;
import org.flowscape.graph.GraphResult;
import org.flowscape.graph.Rates;
import org.flowscape.graph.Sampling;

/**
 * The HTML report of {@code flowscape graph --out DIR}: what was sampled (stated as a sample, with counts), the
 * disconnectivity graph ({@link TreeSvg}), the minima, transition states, barriers and rates, and the settings.
 */
public final class GraphPage {
    /** Barrier rows shown (all are in graph.json and the store). */
    static final int BARRIER_ROWS = 60;

    private GraphPage() {
    }

    /** The page for {@code r}; {@code problem} names the objective, {@code seconds} the wall time. */
    public static HtmlReport of(GraphResult r, String problem, double seconds, CensusComparison census) {
        Provenance prov = Provenance.current();
        HtmlReport page = new HtmlReport("Landscape graph: " + problem)
                .provenance("seed", Long.toString(r.config().seed()))
                .provenance("code", prov.codeVersion()).provenance("JDK", prov.jdk())
                .provenance("BLAS", prov.backend())
                .provenance("wall time", Numbers.sig(seconds, 3) + " s")
                .intro("Minima and transition states found by basin hopping, doubly-nudged elastic bands, hybrid "
                        + "eigenvector-following and checked quenches (docs/graph.md). This is a sample of the "
                        + "landscape, not a census: the counts below say how much was found and proved.");
        Section sampled = sampling(page, r.sampling());
        if (census != null) {
            sampled.paragraph("Against the certified census of the box (" + (census.censusComplete() ? "complete"
                    : "incomplete: some boxes were left undecided") + "): " + census.censusMinima() + " certified "
                    + "minima, of which the graph found " + census.foundMinima() + "; " + census.censusSaddles()
                    + " certified index-1 saddles, of which the graph found " + census.foundSaddles() + ".");
        }
        Figure tree = new Figure("disconnectivity", "Disconnectivity graph", "", "loss L", Figure.Scale.LINEAR,
                Figure.Scale.LINEAR, Figure.Kind.LINES, List.of(), null, 0, "Minima (labelled by id) are leaves at "
                + "their loss; groups merge at the lowest transition state joining them along verified edges. Grid "
                + "lines every " + Numbers.sig(r.tree().step(), 3) + " (the energy step, chosen from the data).");
        page.section("tree", "Disconnectivity graph").figure(tree, TreeSvg.render(r.tree()));
        points(page.section("minima", "Minima"), "minima", r.minima());
        points(page.section("saddles", "Transition states"), "transition states", r.saddles());
        barriers(page, r);
        rates(page, r.rates());
        return page;
    }

    private static Section sampling(HtmlReport page, Sampling s) {
        Table t = Table.builder("What the search found", "quantity", "value")
                .row(Cell.text("minima (one per symmetry orbit)"), Cell.count(s.minima()))
                .row(Cell.text("minima certified (index 0 proved)"), Cell.count(s.minimaCertified()))
                .row(Cell.text("transition states"), Cell.count(s.saddles()))
                .row(Cell.text("transition states certified (index 1 proved)"), Cell.count(s.saddlesCertified()))
                .row(Cell.text("edges verified (two quenches, two different minima)"), Cell.count(s.edgesVerified()))
                .row(Cell.text("connected components"), Cell.count(s.components()))
                .row(Cell.text("fraction of minima connected to the lowest"), Cell.number(s.connectedFraction()))
                .row(Cell.text("elastic bands / saddle searches / searches not ending at index 1"),
                        Cell.text(s.bands() + " / " + s.saddleSearches() + " / " + s.saddleFailures()))
                .build();
        return page.section("sampling", "Sampling").table(t);
    }

    private static void points(Section s, String what, List<GraphPoint> points) {
        Table.Builder t = Table.builder("The " + what, "id", "loss", "|grad L|", "index", "lambda_min",
                "log |det H|", "certified");
        for (GraphPoint p : points) {
            t.row(Cell.count(p.id()), Cell.number(p.loss()), Cell.number(p.gradNorm()), Cell.count(p.index()),
                    Cell.number(p.lambdaMin()), Cell.number(p.logDet()),
                    Cell.text(p.certified() ? "index " + p.certifiedIndex() : "no: " + p.certificate()));
        }
        s.table(t.build());
    }

    private static void barriers(HtmlReport page, GraphResult r) {
        Table.Builder t = Table.builder("Lowest barrier along the graph for each pair (an upper bound on the true "
                + "lowest barrier; certified when every point and quench on the path is)", "a", "b", "height",
                "from a", "from b", "path (TS ids)", "certified");
        int shown = 0;
        for (Barrier b : r.barriers()) {
            if (shown++ == BARRIER_ROWS) {
                break;
            }
            t.row(Cell.count(b.from()), Cell.count(b.to()), Cell.number(b.height()), Cell.number(b.fromBarrier()),
                    Cell.number(b.toBarrier()), Cell.text(b.connected() ? b.path().toString() : "not connected"),
                    Cell.text(b.certified() ? "yes" : "no"));
        }
        Section s = page.section("barriers", "Barriers").table(t.build());
        if (r.barriers().size() > BARRIER_ROWS) {
            s.paragraph(r.barriers().size() + " pairs in all; graph.json and the store hold every one.");
        }
        Table.Builder e = Table.builder("Edges", "transition state", "minimum (−v)", "minimum (+v)", "verified",
                "note");
        for (Edge x : r.edges()) {
            e.row(Cell.count(x.ts()), Cell.count(x.minus()), Cell.count(x.plus()), Cell.text(x.verified() ? "yes"
                    : "no"), Cell.text(x.note()));
        }
        s.table(e.build());
    }

    private static void rates(HtmlReport page, Rates.Result rates) {
        Table.Builder t = Table.builder("Rates k(a → b) by graph transformation at T = "
                + Numbers.sig(rates.temperature(), 4) + " (" + rates.model().spec() + " prefactor)", "a", "b",
                "rate");
        int shown = 0;
        for (Rates.Pair p : rates.pairs()) {
            if (shown++ == BARRIER_ROWS) {
                break;
            }
            t.row(Cell.count(p.from()), Cell.count(p.to()), Cell.number(p.rate()));
        }
        Section s = page.section("rates", "Rates").table(t.build());
        if (rates.edgesWithoutRate() > 0) {
            s.paragraph(rates.edgesWithoutRate() + " verified edge(s) have no rate: a Hessian at one end has zero "
                    + "modes (a continuous symmetry; add weight decay) or its determinant was not computed.");
        }
    }
}
