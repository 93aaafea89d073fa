package org.flowscape.operation.eval;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Locale;
import org.flowscape.operation.eval.Evaluation;
import org.flowscape.operation.JsonOutput;

/**
 * Renders the optional parts of an {@link Evaluation} ({@code --print-hessian}, {@code --hvp}, {@code --jacobian},
 * {@code --conserved}) as text and as fields of the {@code eval} JSON document ({@code docs/cli.md}).
 */
public final class EvalExtrasReport {
    private EvalExtrasReport() {
    }

    public static void text(Evaluation e, PrintWriter out) {
        if (e.hessianMatrix() != null) {
            int p = e.problem().dim();
            out.printf(Locale.ROOT, "H         %d x %d, row by row%n", p, p);
            for (int i = 0; i < p; i++) {
                out.println("  " + row(e.hessianMatrix(), i * p, p));
            }
        }
        for (int i = 0; i < e.hvps().size(); i++) {
            Evaluation.Hvp h = e.hvps().get(i);
            out.println("H.v       v = " + row(h.v(), 0, h.v().length));
            out.println("          H.v = " + row(h.hv(), 0, h.hv().length));
        }
        if (e.jacobian() != null) {
            Evaluation.JacobianSpectrum j = e.jacobian();
            out.printf(Locale.ROOT, "jacobian  %d x %d   rank %d   (sigma <= %s = zero_tol x sigma_max does not "
                    + "count)%n", j.rows(), j.cols(), j.rank(), EvalReport.num(j.threshold()));
            out.println("  sigma    " + row(j.values(), 0, j.values().length));
        }
        for (Evaluation.Conserved c : e.conserved()) {
            out.printf(Locale.ROOT, "conserved %s (%s): %s%n", c.name(), c.monitor(),
                    row(c.values(), 0, c.values().length));
        }
    }

    public static void json(Evaluation e, ObjectNode doc) {
        if (e.hessianMatrix() != null) {
            int p = e.problem().dim();
            ArrayNode rows = doc.putArray("hessian_matrix");
            for (int i = 0; i < p; i++) {
                ArrayNode r = rows.addArray();
                for (int k = 0; k < p; k++) {
                    r.add(e.hessianMatrix()[i * p + k]);
                }
            }
        }
        if (!e.hvps().isEmpty()) {
            ArrayNode hv = doc.putArray("hvp");
            for (Evaluation.Hvp h : e.hvps()) {
                ObjectNode o = hv.addObject();
                o.set("v", JsonOutput.array(h.v()));
                o.set("hv", JsonOutput.array(h.hv()));
            }
        }
        if (e.jacobian() != null) {
            ObjectNode j = doc.putObject("jacobian");
            j.put("rows", e.jacobian().rows());
            j.put("cols", e.jacobian().cols());
            j.put("rank", e.jacobian().rank());
            j.put("threshold", e.jacobian().threshold());
            j.set("singular_values", JsonOutput.array(e.jacobian().values()));
        }
        if (!e.conserved().isEmpty()) {
            ArrayNode cs = doc.putArray("conserved");
            for (Evaluation.Conserved c : e.conserved()) {
                ObjectNode o = cs.addObject();
                o.put("monitor", c.monitor());
                o.put("name", c.name());
                o.set("values", JsonOutput.array(c.values()));
            }
        }
    }

    private static String row(double[] a, int from, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(i == 0 ? "" : " ").append(EvalReport.num(a[from + i]));
        }
        return b.toString();
    }
}
