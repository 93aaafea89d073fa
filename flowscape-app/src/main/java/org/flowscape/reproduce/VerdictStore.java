package org.flowscape.reproduce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.flowscape.experiment.Outcome;
import org.flowscape.experiment.Provenance;
import org.flowscape.experiment.RecordBuffer;
import org.flowscape.experiment.RunResult;
import org.flowscape.experiment.RunSpec;
import org.flowscape.report.Figure;
import org.flowscape.store.ResultStore;
import org.flowscape.store.StoreReader;

/**
 * A reproduction's verdicts in its own store ({@code DIR/results.duckdb}, beside the claims' runs), and the verdict
 * page drawn back from there. Rows, in the ordinary schema ({@code docs/store.md}, no new table):
 * <ul>
 * <li>one run {@code verdict/ID} per claim, analysis {@code verdict}, message {@code "LABEL: deciding text"}, its
 *     parameters {@code claim}, {@code verdict}, {@code order} and {@code result} (the claim's object of
 *     {@code results.json}: statement, deciding text, details, table, sizes, seed, tolerances, metrics and every
 *     figure, losslessly); metrics {@code verdict} (1 holds, 0 fails, −1 inconclusive) and {@code seconds}; and each
 *     figure curve as series {@code figure:FIGURE/CURVE} (x, y) so that the figure data can be queried with SQL;</li>
 * <li>one run {@code reproduce/invocation}, analysis {@code reproduce}: the command line, scale, seed, threads,
 *     start and wall time as parameters (code version, JDK and backend in the run's provenance columns).</li>
 * </ul>
 * {@code flowscape report DIR} on such a directory calls {@link #page(Path)}, which reads only these rows.
 */
public final class VerdictStore {
    /** The analysis name of verdict runs. */
    public static final String VERDICT = "verdict";
    private static final String INVOCATION = "reproduce/invocation";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private VerdictStore() {
    }

    /** Writes {@code results} (in order) and {@code invocation} into the store in {@code dir}. */
    public static void write(Path dir, List<ClaimResult> results, Invocation invocation) throws IOException,
            SQLException {
        try (ResultStore store = ResultStore.open(dir)) {
            for (int i = 0; i < results.size(); i++) {
                store.write(verdictRun(results.get(i), i, invocation));
            }
            store.write(invocationRun(invocation));
        }
    }

    /** Whether the store in {@code dir} holds a reproduction's verdicts. */
    public static boolean holdsVerdicts(Path dir) throws IOException {
        try (StoreReader r = StoreReader.open(dir)) {
            return !r.rows("SELECT 1 FROM runs WHERE analysis = ? LIMIT 1", VERDICT).isEmpty();
        }
    }

    /** Draws the verdict page from the store in {@code dir} into {@code dir/report.html}; returns its path. */
    public static Path page(Path dir) throws IOException {
        List<ClaimResult> results = new ArrayList<>();
        Invocation invocation;
        try (StoreReader r = StoreReader.open(dir)) {
            TreeMap<Integer, ClaimResult> ordered = new TreeMap<>();
            for (Object[] row : r.rows("SELECT params_json FROM runs WHERE analysis = ?", VERDICT)) {
                JsonNode params = MAPPER.readTree(String.valueOf(row[0]));
                ordered.put(params.get("order").asInt(), result(MAPPER.readTree(params.get("result").asText())));
            }
            results.addAll(ordered.values());
            List<Object[]> inv = r.rows("SELECT params_json, code_version, jdk, backend FROM runs WHERE run_key = ?",
                    INVOCATION);
            if (inv.isEmpty()) {
                throw new IllegalArgumentException(dir + " holds verdicts but no " + INVOCATION + " run; rerun "
                        + "flowscape reproduce into a fresh --out DIR");
            }
            invocation = invocation(inv.get(0));
        }
        return ReproducePage.page(results, invocation).write(dir.resolve(ReproduceReport.PAGE));
    }

    private static RunResult verdictRun(ClaimResult r, int order, Invocation inv) throws IOException {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("claim", r.claim().id());
        params.put("verdict", r.verdict().label());
        params.put("order", Integer.toString(order));
        params.put("result", MAPPER.writeValueAsString(ReproduceReport.claim(r)));
        RecordBuffer b = new RecordBuffer();
        b.metric("verdict", switch (r.verdict()) {
            case HOLDS -> 1;
            case FAILS -> 0;
            case INCONCLUSIVE -> -1;
        });
        b.metric("seconds", r.seconds());
        for (Figure f : r.figures()) {
            for (Figure.Curve c : f.curves()) {
                double[] x = c.x().length == c.y().length ? c.x() : index(c.y().length);
                b.series("figure:" + f.id() + "/" + c.name(), x, c.y());
            }
        }
        RunSpec spec = new RunSpec(VERDICT + "/" + r.claim().id(), VERDICT, params, r.spec().seed(), Map.of());
        return new RunResult(spec, Outcome.OK, r.verdict().label() + ": " + r.judgement().deciding(), inv.started(),
                r.seconds() * 1e3, inv.machine(), b);
    }

    private static RunResult invocationRun(Invocation inv) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("command", inv.command());
        params.put("scale", inv.scale().label());
        params.put("seed", Long.toString(inv.seed()));
        params.put("threads", Integer.toString(inv.threads()));
        params.put("started", inv.started().toString());
        params.put("seconds", Double.toString(inv.seconds()));
        RunSpec spec = new RunSpec(INVOCATION, "reproduce", params, inv.seed(), Map.of());
        return new RunResult(spec, Outcome.OK, "", inv.started(), inv.seconds() * 1e3, inv.machine(),
                new RecordBuffer());
    }

    private static double[] index(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
        }
        return x;
    }

    private static ClaimResult result(JsonNode o) {
        Claim claim = Claims.byId(o.get("id").asText());
        List<String> details = new ArrayList<>();
        o.get("details").forEach(d -> details.add(d.asText()));
        List<List<String>> table = new ArrayList<>();
        for (JsonNode row : o.get("table")) {
            List<String> cells = new ArrayList<>();
            row.forEach(c -> cells.add(c.asText()));
            table.add(cells);
        }
        Verdict verdict = Verdict.valueOf(o.get("verdict").asText().toUpperCase(Locale.ROOT));
        Judgement j = new Judgement(verdict, o.get("deciding").asText(), details, table);
        Map<String, String> sizes = new TreeMap<>();
        o.get("sizes").properties().forEach(e -> sizes.put(e.getKey(), e.getValue().asText()));
        Map<String, Double> tolerances = new TreeMap<>();
        o.get("tolerances").properties().forEach(e -> tolerances.put(e.getKey(), e.getValue().asDouble()));
        Records records = new Records();
        o.get("metrics").properties().forEach(e -> records.metric(e.getKey(), e.getValue().isNumber()
                ? e.getValue().asDouble() : Double.parseDouble(e.getValue().asText())));
        records.outcome(Outcome.valueOf(o.get("outcome").asText().toUpperCase(Locale.ROOT)),
                o.get("message").asText());
        List<Figure> figures = new ArrayList<>();
        o.get("figures").forEach(f -> figures.add(FigureJson.read(f)));
        Scale scale = Scale.parse(o.path("scale").asText("default"));
        RunSpec spec = new RunSpec("reproduce/" + claim.id() + "/" + scale.label(), claim.id(), sizes,
                o.get("seed").asLong(), tolerances);
        return new ClaimResult(claim, scale, spec, records, j, figures, o.get("seconds").asDouble());
    }

    private static Invocation invocation(Object[] row) throws IOException {
        JsonNode p = MAPPER.readTree(String.valueOf(row[0]));
        Provenance machine = new Provenance(String.valueOf(row[1]), String.valueOf(row[2]), String.valueOf(row[3]));
        return new Invocation(p.get("command").asText(), Scale.parse(p.get("scale").asText()),
                Long.parseLong(p.get("seed").asText()), Integer.parseInt(p.get("threads").asText()), machine,
                Instant.parse(p.get("started").asText()), Double.parseDouble(p.get("seconds").asText()));
    }
}
