package org.flowscape.operation.basins;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Locale;
import org.flowscape.geometry.basins.KktCertificate;
import org.flowscape.loss.SquaredError;
import org.flowscape.operation.basins.BasinAt;
import org.flowscape.operation.basins.BasinsSettings;
import org.flowscape.operation.JsonOutput;
import org.flowscape.operation.AnalysisJson;

/** Renders {@code basins --params FILE}: the basin value of one network with its KKT certificate. */
public final class BasinAtReport {
    private BasinAtReport() {
    }

    public static void text(PrintWriter out, BasinAt a, BasinsSettings s) {
        KktCertificate c = a.basin().certificate();
        out.printf(Locale.ROOT, "data      %s   m = %d, d = %d   loss %s%n", a.data().spec(), a.data().size(),
                a.data().inputDim(), new SquaredError(s.loss()).spec());
        out.printf(Locale.ROOT, "network   %s   width k = %d (theta from %s)%n", "mlp:" + a.network().d() + "-"
                + a.network().k() + "-1:relu:nobias", a.network().k(), s.params());
        out.println("L(W)      " + AnalysisJson.num(a.loss()));
        out.println("Bas(W)    " + AnalysisJson.num(a.basin().value()) + "   (" + a.basin().groups()
                + " groups, " + a.basin().method() + ")");
        out.printf(Locale.ROOT, "kkt       %s: gap %.3e (tolerance %.1e), primal violation %.3e, stationarity %.3e, "
                + "complementarity %.3e%n", c.certified() ? "certified" : "NOT certified", c.gap(), c.tolerance(),
                c.primalViolation(), c.stationarity(), c.complementarity());
    }

    public static ObjectNode json(BasinAt a, BasinsSettings s) {
        KktCertificate c = a.basin().certificate();
        ObjectNode doc = JsonOutput.document("basins");
        doc.put("data", a.data().spec());
        doc.put("m", a.data().size());
        doc.put("d", a.data().inputDim());
        doc.put("loss", new SquaredError(s.loss()).spec());
        doc.put("params", s.params().toString());
        doc.put("width", a.network().k());
        doc.put("initial_loss", a.loss());
        doc.put("basin_value", a.basin().value());
        doc.put("groups", a.basin().groups());
        doc.put("method", a.basin().method());
        ObjectNode k = doc.putObject("kkt");
        k.put("certified", c.certified());
        k.put("gap", c.gap());
        k.put("tolerance", c.tolerance());
        k.put("primal_violation", c.primalViolation());
        k.put("dual_violation", c.dualViolation());
        k.put("stationarity", c.stationarity());
        k.put("complementarity", c.complementarity());
        doc.set("minimizer", JsonOutput.array(a.basin().minimizer().theta()));
        return doc;
    }
}
