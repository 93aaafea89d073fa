package org.flowscape.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import org.flowscape.spec.Problem;

/** Small shared pieces of the {@code critical} and {@code spectrum} JSON documents and text. */
final class AnalysisJson {
    private AnalysisJson() {
    }

    /** {@code problem}: model spec and P, data spec and n, loss spec and formula, θ source. */
    static ObjectNode problem(Problem p) {
        ObjectNode o = JsonOutput.MAPPER.createObjectNode();
        ObjectNode model = o.putObject("model");
        model.put("spec", p.network().spec());
        model.put("parameters", p.network().parameterCount());
        ObjectNode data = o.putObject("data");
        data.put("spec", p.data().spec());
        data.put("n", p.data().size());
        ObjectNode loss = o.putObject("loss");
        loss.put("spec", p.loss().spec());
        loss.put("formula", p.loss().formula());
        o.put("theta_source", p.thetaSource());
        return o;
    }

    /** A number for people: 10 significant digits. */
    static String num(double v) {
        return String.format(Locale.ROOT, "%.10g", v);
    }
}
