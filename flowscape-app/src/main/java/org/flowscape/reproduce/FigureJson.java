package org.flowscape.reproduce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.flowscape.report.Figure;

/**
 * A {@link Figure} as JSON and back, losslessly (bands, bins and contours included; non-finite numbers as the
 * strings {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"}): the form of {@code results.json}'s figures and of
 * the figures a reproduction stores with its verdicts.
 */
final class FigureJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private FigureJson() {
    }

    static ObjectNode write(Figure f) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("id", f.id());
        o.put("title", f.title());
        o.put("x_label", f.xLabel());
        o.put("y_label", f.yLabel());
        o.put("x_scale", f.xScale().name().toLowerCase(Locale.ROOT));
        o.put("y_scale", f.yScale().name().toLowerCase(Locale.ROOT));
        o.put("kind", f.kind().name().toLowerCase(Locale.ROOT));
        o.put("bins", f.bins());
        o.put("caption", f.caption());
        ArrayNode curves = o.putArray("curves");
        for (Figure.Curve c : f.curves()) {
            ObjectNode k = curves.addObject();
            k.put("name", c.name());
            k.put("style", c.style().name().toLowerCase(Locale.ROOT));
            k.set("x", numbers(c.x()));
            k.set("y", numbers(c.y()));
            if (c.lower() != null) {
                k.set("lower", numbers(c.lower()));
                k.set("upper", numbers(c.upper()));
            }
        }
        if (f.heatMap() != null) {
            ObjectNode h = o.putObject("heat_map");
            h.put("z_label", f.heatMap().zLabel());
            h.put("contours", f.heatMap().contours());
            h.set("x", numbers(f.heatMap().x()));
            h.set("y", numbers(f.heatMap().y()));
            ArrayNode z = h.putArray("z");
            for (double[] row : f.heatMap().z()) {
                z.add(numbers(row));
            }
        }
        return o;
    }

    static Figure read(JsonNode o) {
        List<Figure.Curve> curves = new ArrayList<>();
        for (JsonNode k : o.get("curves")) {
            curves.add(new Figure.Curve(k.get("name").asText(), numbers(k.get("x")), numbers(k.get("y")),
                    k.has("lower") ? numbers(k.get("lower")) : null, k.has("upper") ? numbers(k.get("upper")) : null,
                    Figure.Style.valueOf(k.get("style").asText().toUpperCase(Locale.ROOT))));
        }
        Figure.HeatMap heat = null;
        JsonNode h = o.get("heat_map");
        if (h != null && !h.isNull()) {
            double[][] z = new double[h.get("z").size()][];
            for (int i = 0; i < z.length; i++) {
                z[i] = numbers(h.get("z").get(i));
            }
            heat = new Figure.HeatMap(numbers(h.get("x")), numbers(h.get("y")), z, h.get("z_label").asText(),
                    h.path("contours").asBoolean(false));
        }
        return new Figure(o.get("id").asText(), o.get("title").asText(), o.get("x_label").asText(),
                o.get("y_label").asText(), scale(o.get("x_scale")), scale(o.get("y_scale")),
                Figure.Kind.valueOf(o.get("kind").asText().toUpperCase(Locale.ROOT)), curves, heat,
                o.path("bins").asInt(0), o.get("caption").asText());
    }

    private static Figure.Scale scale(JsonNode n) {
        return Figure.Scale.valueOf(n.asText().toUpperCase(Locale.ROOT));
    }

    static ArrayNode numbers(double[] v) {
        ArrayNode a = MAPPER.createArrayNode();
        for (double x : v) {
            if (Double.isFinite(x)) {
                a.add(x);
            } else {
                a.add(Double.toString(x));
            }
        }
        return a;
    }

    static double[] numbers(JsonNode a) {
        double[] v = new double[a.size()];
        for (int i = 0; i < v.length; i++) {
            JsonNode n = a.get(i);
            v[i] = n.isNumber() ? n.asDouble() : Double.parseDouble(n.asText());
        }
        return v;
    }
}
