package org.flowscape.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.function.IntFunction;
import org.flowscape.census.homotopy.Polynomial;
import org.flowscape.census.laws.LawsResult;
import org.flowscape.model.Network;
import org.flowscape.operation.JsonOutput;

/** Text and JSON for {@code flowscape laws}. */
final class LawsReport {
    private LawsReport() {
    }

    /** Parameter i as W{layer}[row,col] or b{layer}[j] (0-based positions, layers from 1). */
    static IntFunction<String> names(Network net) {
        return i -> net.layout().describe(i).replaceFirst("^layer(\\d+)\\.weight", "W$1")
                .replaceFirst("^layer(\\d+)\\.bias", "b$1");
    }

    static void text(LawsResult r, Network net, PrintWriter out) {
        IntFunction<String> names = names(net);
        out.printf("conservation laws of %s: D = %d parameters, phi = %s (%d components)%n", r.model(), r.parameters(),
                r.reparametrisation(), r.components());
        out.printf("  %-40s %d - %d = %d%n", "independent laws, D - dim Lie(grad phi)", r.parameters(),
                r.lie().dimension(), r.count());
        out.printf("  %-40s exact mod p = %d at a random point (seed %d); %d bracket levels, %s%n", "", r.prime(),
                r.seed(), r.lie().levels(), r.lie().closed() ? "algebra closed" : "rank stabilised");
        out.printf("  %-40s %d%n", "laws of degree <= 2 (discovered)", r.quadratic().size());
        out.printf("  %-40s %d, %s%n", "declared balancedness laws (closed form)", r.closedForm(),
                r.knownConserved() ? "all conserved" : "NOT all conserved");
        out.printf("  %-40s %s%n", "verdict", verdict(r));
        out.println("  quadratic laws:");
        List<Polynomial> laws = r.quadratic();
        for (int k = 0; k < laws.size(); k++) {
            out.printf("    %2d. %s%n", k + 1, laws.get(k).text(names));
        }
        out.printf("  time %.3f s%n", r.seconds());
        out.flush();
    }

    static String verdict(LawsResult r) {
        if (r.agrees()) {
            return "discovered = declared: the balancedness laws and no others";
        }
        if (r.count() > r.quadratic().size()) {
            return (r.count() - r.quadratic().size()) + " law(s) beyond degree 2";
        }
        return "discovered and declared laws differ";
    }

    static ObjectNode json(LawsResult r, Network net) {
        IntFunction<String> names = names(net);
        ObjectNode doc = JsonOutput.document("laws");
        doc.put("model", r.model());
        doc.put("parameters", r.parameters());
        doc.put("reparametrisation", r.reparametrisation());
        doc.put("components", r.components());
        doc.put("lie_dimension", r.lie().dimension());
        doc.put("laws", r.count());
        doc.put("quadratic_laws", r.quadratic().size());
        doc.put("declared_laws", r.closedForm());
        doc.put("declared_conserved", r.knownConserved());
        doc.put("agrees", r.agrees());
        doc.put("lie_levels", r.lie().levels());
        doc.put("lie_closed", r.lie().closed());
        ArrayNode ranks = doc.putArray("rank_by_level");
        r.lie().rankByLevel().forEach(ranks::add);
        ArrayNode laws = doc.putArray("quadratic");
        r.quadratic().forEach(p -> laws.add(p.text(names)));
        doc.put("prime", r.prime());
        doc.put("seed", r.seed());
        doc.put("seconds", r.seconds());
        return doc;
    }
}
