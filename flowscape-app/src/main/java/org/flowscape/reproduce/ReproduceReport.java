package org.flowscape.reproduce;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.flowscape.report.Figure;

/**
 * Writes a reproduction's results: {@code results.json} (every claim with its verdict, deciding number, details,
 * tables, sizes, seed, tolerances, timings and figures as data) and {@code report.html} (the verdict table, then a
 * section per paper with the figures as inline SVG, built with the report module's {@code HtmlReport}).
 */
public final class ReproduceReport {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The page's file name, as a study's report is named ({@code flowscape report}). */
    public static final String PAGE = "report.html";

    private ReproduceReport() {
    }

    /** Writes both files into {@code dir} (created if needed) and returns the page's path. */
    public static Path write(Path dir, List<ClaimResult> results, Invocation p) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("results.json"), MAPPER.writeValueAsString(json(results, p)),
                StandardCharsets.UTF_8);
        return ReproducePage.page(results, p).write(dir.resolve(PAGE));
    }

    /** The JSON document of the results. */
    public static ObjectNode json(List<ClaimResult> results, Invocation p) {
        ObjectNode doc = MAPPER.createObjectNode();
        doc.put("command", "reproduce");
        ObjectNode prov = doc.putObject("provenance");
        prov.put("version", p.machine().codeVersion());
        prov.put("command_line", p.command());
        prov.put("scale", p.scale().label());
        prov.put("seed", p.seed());
        prov.put("threads", p.threads());
        prov.put("java", p.machine().jdk());
        prov.put("blas", p.machine().backend());
        prov.put("started", p.started().toString());
        prov.put("seconds", p.seconds());
        ArrayNode claims = doc.putArray("claims");
        for (ClaimResult r : results) {
            claims.add(claim(r));
        }
        return doc;
    }

    static ObjectNode claim(ClaimResult r) {
        ObjectNode o = MAPPER.createObjectNode();
        Claim c = r.claim();
        o.put("id", c.id());
        o.put("paper", c.paper());
        o.put("statement", c.statement());
        o.put("basis", c.basis().tag());
        o.put("evidence", c.evidence().label());
        o.put("scale", r.scale().label());
        o.put("verdict", r.verdict().label());
        o.put("deciding", r.judgement().deciding());
        ArrayNode details = o.putArray("details");
        r.judgement().details().forEach(details::add);
        ArrayNode table = o.putArray("table");
        for (List<String> row : r.judgement().table()) {
            ArrayNode a = table.addArray();
            row.forEach(a::add);
        }
        o.put("seed", r.spec().seed());
        ObjectNode sizes = o.putObject("sizes");
        r.spec().params().forEach(sizes::put);
        ObjectNode tol = o.putObject("tolerances");
        r.spec().tolerances().forEach(tol::put);
        o.put("outcome", r.records().outcome().column());
        o.put("message", r.records().message());
        o.put("seconds", r.seconds());
        ObjectNode metrics = o.putObject("metrics");
        r.records().metrics().forEach(metrics::put);
        ArrayNode figures = o.putArray("figures");
        for (Figure f : r.figures()) {
            figures.add(FigureJson.write(f));
        }
        return o;
    }

    /** Claims per verdict, for the summary line. */
    public static Map<Verdict, Long> counts(List<ClaimResult> results) {
        Map<Verdict, Long> m = new java.util.EnumMap<>(Verdict.class);
        for (Verdict v : Verdict.values()) {
            m.put(v, results.stream().filter(r -> r.verdict() == v).count());
        }
        return m;
    }
}
