package org.flowscape.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.flowscape.experiment.Provenance;
import org.flowscape.graph.Barrier;
import org.flowscape.graph.DisconnectivityTree;
import org.flowscape.graph.Edge;
import org.flowscape.graph.GraphConfig;
import org.flowscape.graph.GraphPoint;
import org.flowscape.graph.GraphResult;
import org.flowscape.graph.Rates;

/**
 * Writes a landscape graph ({@code flowscape graph --out DIR}) into the {@code graph_*} tables of
 * {@code DIR/results.duckdb} ({@code docs/store.md}), in one transaction: a rerun with the same key replaces the old
 * rows. The key is {@code graph-seed-S}.
 */
public final class GraphStore {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * What one graph row set needs.
     *
     * @param key     the run key
     * @param model   model spec
     * @param data    data spec
     * @param loss    loss spec
     * @param wallMs  wall time in milliseconds
     * @param result  the graph
     */
    public record Graph(String key, String model, String data, String loss, double wallMs, GraphResult result) {
    }

    private GraphStore() {
    }

    /** The run key of a graph searched with {@code seed}. */
    public static String key(long seed) {
        return "graph-seed-" + seed;
    }

    /** Opens (or creates) the store of {@code dir} and writes the graph. */
    public static void write(Path dir, String key, String model, String data, String loss, double seconds,
            GraphResult result) throws IOException, SQLException {
        try (ResultStore store = ResultStore.open(dir)) {
            store.writeGraph(new Graph(key, model, data, loss, 1000 * seconds, result));
        }
    }

    /** Deletes the key's old rows and appends the new ones, inside the caller's transaction. */
    static void rows(DuckDBConnection c, Graph g) throws SQLException {
        for (String table : StoreSchema.GRAPH_TABLES) {
            try (var ps = c.prepareStatement("DELETE FROM " + table + " WHERE run_key = ?")) {
                ps.setString(1, g.key());
                ps.execute();
            }
        }
        GraphResult r = g.result();
        Provenance prov = Provenance.current();
        try (DuckDBAppender a = ResultStore.appender(c, "graph_info")) {
            a.beginRow().append(g.key()).append(g.model()).append(g.data()).append(g.loss()).append(r.config().seed())
                    .append(r.rates().temperature()).append(r.rates().model().spec()).append(settings(r.config()))
                    .append(r.tree().step()).append(g.wallMs()).append(prov.codeVersion()).append(prov.jdk())
                    .append(prov.backend()).endRow();
        }
        points(c, "graph_minima", g.key(), r.minima());
        points(c, "graph_saddles", g.key(), r.saddles());
        try (DuckDBAppender a = ResultStore.appender(c, "graph_edges")) {
            for (Edge e : r.edges()) {
                a.beginRow().append(g.key()).append(e.ts()).append(e.minus()).append(e.plus()).append(e.verified())
                        .append(e.note()).endRow();
            }
        }
        try (DuckDBAppender a = ResultStore.appender(c, "graph_barriers")) {
            for (Barrier b : r.barriers()) {
                a.beginRow().append(g.key()).append(b.from()).append(b.to()).append(b.height())
                        .append(b.fromBarrier()).append(b.toBarrier()).append(json(b.path())).append(b.certified())
                        .append(b.certifiedHeight()).endRow();
            }
        }
        tree(c, g.key(), r.tree());
        try (DuckDBAppender a = ResultStore.appender(c, "graph_rates")) {
            for (Rates.Pair p : r.rates().pairs()) {
                a.beginRow().append(g.key()).append(p.from()).append(p.to()).append(p.rate()).endRow();
            }
        }
    }

    private static void points(DuckDBConnection c, String table, String key, List<GraphPoint> points)
            throws SQLException {
        try (DuckDBAppender a = ResultStore.appender(c, table)) {
            for (GraphPoint p : points) {
                a.beginRow().append(key).append(p.id()).append(p.loss()).append(p.gradNorm()).append(p.index())
                        .append(p.nullity()).append(p.lambdaMin()).append(p.lambdaNext()).append(p.logDet())
                        .append(p.certified()).append(p.certifiedIndex()).append(p.certificate())
                        .append(json(p.theta())).endRow();
            }
        }
    }

    private static void tree(DuckDBConnection c, String key, DisconnectivityTree t) throws SQLException {
        int[] parent = new int[t.nodes().size()];
        java.util.Arrays.fill(parent, -1);
        for (DisconnectivityTree.Node n : t.nodes()) {
            for (int child : n.children()) {
                parent[child] = n.id();
            }
        }
        try (DuckDBAppender a = ResultStore.appender(c, "graph_tree")) {
            for (DisconnectivityTree.Node n : t.nodes()) {
                a.beginRow().append(key).append(n.id()).append(n.height()).append(n.minimum()).append(parent[n.id()])
                        .endRow();
            }
        }
    }

    private static String settings(GraphConfig c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("minima", c.minima());
        m.put("hops", c.hops());
        m.put("hop_step", c.hopStep());
        m.put("hop_temperature", c.hopTemperature());
        m.put("images", c.images());
        m.put("spring", c.spring());
        m.put("band_iterations", c.bandIterations());
        m.put("band_tolerance", c.bandTolerance());
        m.put("grad_tol", c.gradTol());
        m.put("zero_rel", c.zero().rel());
        m.put("max_step", c.maxStep());
        m.put("push_off", c.pushOff());
        m.put("saddle_iterations", c.saddleIterations());
        m.put("dense_limit", c.denseLimit());
        m.put("connect_attempts", c.connectAttempts());
        m.put("neighbours", c.neighbours());
        m.put("identity_tol", c.identityTol());
        m.put("certify", c.certify());
        return json(m);
    }

    private static String json(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + o + " as JSON", e);
        }
    }
}
