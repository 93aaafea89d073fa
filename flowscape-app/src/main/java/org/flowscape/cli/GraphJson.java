package org.flowscape.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.flowscape.graph.Barrier;
import org.flowscape.graph.CensusComparison;
import org.flowscape.graph.DisconnectivityTree;
import org.flowscape.graph.Edge;
import org.flowscape.graph.GraphConfig;
import org.flowscape.graph.GraphPoint;
import org.flowscape.graph.GraphResult;
import org.flowscape.graph.Rates;
import org.flowscape.graph.Sampling;
import org.flowscape.operation.JsonOutput;

/** The {@code graph --json} document (fields in {@code docs/cli.md} and {@code docs/graph.md}). */
final class GraphJson {
    private GraphJson() {
    }

    /** The whole result as one document. */
    static ObjectNode of(GraphCommand.Run run) {
        GraphResult r = run.result();
        ObjectNode doc = JsonOutput.document("graph");
        ObjectNode prob = doc.putObject("problem");
        prob.put("model", run.model());
        prob.put("data", run.data());
        prob.put("loss", run.loss());
        prob.put("parameters", run.parameters());
        prob.put("theta_source", run.thetaSource());
        config(doc.putObject("settings"), r.config(), run);
        doc.put("seconds", run.seconds());
        sampling(doc.putObject("sampling"), r.sampling(), r);
        points(doc.putArray("minima"), r.minima());
        points(doc.putArray("transition_states"), r.saddles());
        ArrayNode edges = doc.putArray("edges");
        for (Edge e : r.edges()) {
            ObjectNode o = edges.addObject();
            o.put("ts", e.ts());
            o.put("minus", e.minus());
            o.put("plus", e.plus());
            o.put("verified", e.verified());
            o.put("note", e.note());
        }
        barriers(doc.putArray("barriers"), r.barriers());
        tree(doc.putObject("tree"), r.tree());
        rates(doc.putObject("rates"), r.rates());
        if (run.census() == null) {
            doc.putNull("census");
        } else {
            CensusComparison c = run.census();
            ObjectNode o = doc.putObject("census");
            o.put("complete", c.censusComplete());
            o.put("certified_minima", c.censusMinima());
            o.put("found_minima", c.foundMinima());
            o.put("certified_saddles", c.censusSaddles());
            o.put("found_saddles", c.foundSaddles());
            o.put("graph_minima_in_box", c.graphMinimaInBox());
            o.put("graph_saddles_in_box", c.graphSaddlesInBox());
        }
        return doc;
    }

    private static void config(ObjectNode o, GraphConfig c, GraphCommand.Run run) {
        o.put("seed", c.seed());
        o.put("minima", c.minima());
        o.put("hops", c.hops());
        o.put("hop_step", c.hopStep());
        o.put("hop_temperature", c.hopTemperature());
        o.put("images", c.images());
        o.put("spring", c.spring());
        o.put("band_iterations", c.bandIterations());
        o.put("band_tolerance", c.bandTolerance());
        o.put("grad_tol", c.gradTol());
        o.put("zero_rel", c.zero().rel());
        o.put("max_step", c.maxStep());
        o.put("push_off", c.pushOff());
        o.put("saddle_iterations", c.saddleIterations());
        o.put("dense_limit", c.denseLimit());
        o.put("connect_attempts", c.connectAttempts());
        o.put("neighbours", c.neighbours());
        o.put("identity_tol", c.identityTol());
        o.put("certify", c.certify());
        o.put("temperature", run.result().rates().temperature());
        o.put("rate_model", run.result().rates().model().spec());
    }

    private static void sampling(ObjectNode o, Sampling s, GraphResult r) {
        o.put("minima", s.minima());
        o.put("transition_states", s.saddles());
        o.put("minima_certified", s.minimaCertified());
        o.put("transition_states_certified", s.saddlesCertified());
        o.put("edges_verified", s.edgesVerified());
        o.put("components", s.components());
        o.put("connected_fraction", s.connectedFraction());
        o.put("bands", s.bands());
        o.put("saddle_searches", s.saddleSearches());
        o.put("saddle_failures", s.saddleFailures());
        o.put("hops", r.hopping().hops());
        o.put("hops_accepted", r.hopping().accepted());
        o.put("failed_quenches", r.hopping().failedQuenches());
        o.put("quenches_to_saddles", r.hopping().saddleQuenches());
    }

    private static void points(ArrayNode a, List<GraphPoint> points) {
        for (GraphPoint p : points) {
            ObjectNode o = a.addObject();
            o.put("id", p.id());
            o.put("loss", p.loss());
            o.put("grad_norm", p.gradNorm());
            o.put("index", p.index());
            o.put("nullity", p.nullity());
            o.put("lambda_min", p.lambdaMin());
            o.put("lambda_next", p.lambdaNext());
            o.put("log_det", p.logDet());
            o.put("certified", p.certified());
            o.put("certified_index", p.certifiedIndex());
            o.put("certificate", p.certificate());
            o.set("theta", JsonOutput.array(p.theta()));
        }
    }

    private static void barriers(ArrayNode a, List<Barrier> barriers) {
        for (Barrier b : barriers) {
            ObjectNode o = a.addObject();
            o.put("from", b.from());
            o.put("to", b.to());
            o.put("connected", b.connected());
            o.put("height", b.height());
            o.put("from_barrier", b.fromBarrier());
            o.put("to_barrier", b.toBarrier());
            ArrayNode path = o.putArray("path");
            b.path().forEach(path::add);
            o.put("certified", b.certified());
            o.put("certified_height", b.certifiedHeight());
        }
    }

    private static void tree(ObjectNode o, DisconnectivityTree t) {
        o.put("energy_step", t.step());
        ArrayNode roots = o.putArray("roots");
        t.roots().forEach(roots::add);
        ArrayNode nodes = o.putArray("nodes");
        for (DisconnectivityTree.Node n : t.nodes()) {
            ObjectNode x = nodes.addObject();
            x.put("id", n.id());
            x.put("height", n.height());
            x.put("minimum", n.minimum());
            ArrayNode kids = x.putArray("children");
            n.children().forEach(kids::add);
        }
        ArrayNode levels = o.putArray("levels");
        for (DisconnectivityTree.Level l : t.levels()) {
            ObjectNode x = levels.addObject();
            x.put("energy", l.energy());
            ArrayNode groups = x.putArray("groups");
            for (List<Integer> g : l.groups()) {
                ArrayNode ga = groups.addArray();
                g.forEach(ga::add);
            }
        }
    }

    private static void rates(ObjectNode o, Rates.Result r) {
        o.put("temperature", r.temperature());
        o.put("model", r.model().spec());
        o.put("edges_without_rate", r.edgesWithoutRate());
        ArrayNode pairs = o.putArray("pairs");
        for (Rates.Pair p : r.pairs()) {
            ObjectNode x = pairs.addObject();
            x.put("from", p.from());
            x.put("to", p.to());
            x.put("rate", p.rate());
        }
    }
}
