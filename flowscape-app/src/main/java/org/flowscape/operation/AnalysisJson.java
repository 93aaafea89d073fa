package org.flowscape.operation;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import org.flowscape.analysis.LanczosResult;
import org.flowscape.analysis.SpectralDensity;
import org.flowscape.spec.Problem;

/** Small shared pieces of the {@code critical}, {@code spectrum} and {@code analyze} JSON documents and text. */
public final class AnalysisJson {
    private AnalysisJson() {
    }

    /** {@code problem}: model spec and P, data spec and n, loss spec and formula, θ source. */
    public static ObjectNode problem(Problem p) {
        ObjectNode o = JsonOutput.MAPPER.createObjectNode();
        ObjectNode model = o.putObject("model");
        model.put("spec", p.modelSpec());
        model.put("parameters", p.dim());
        ObjectNode data = o.putObject("data");
        data.put("spec", p.dataSpec());
        data.put("n", p.dataSize());
        ObjectNode loss = o.putObject("loss");
        loss.put("spec", p.lossSpec());
        loss.put("formula", p.lossFormula());
        loss.put("l2", p.l2());
        o.put("theta_source", p.thetaSource());
        return o;
    }

    /** {@code lanczos}: status, steps, settings, threshold, and the Ritz values with residuals and convergence. */
    public static ObjectNode lanczos(LanczosResult l) {
        ObjectNode lz = JsonOutput.MAPPER.createObjectNode();
        lz.put("status", l.status().name().toLowerCase(Locale.ROOT));
        lz.put("iterations", l.iterations());
        lz.put("top", l.config().largest());
        lz.put("bottom", l.config().smallest());
        lz.put("residual_tol_rel", l.config().residualTolerance().rel());
        lz.put("threshold", l.threshold());
        lz.put("spectral_radius", l.spectralRadius());
        lz.put("seed", l.config().seed());
        lz.set("eigenvalues", JsonOutput.array(l.values()));
        lz.set("residuals", JsonOutput.array(l.residuals()));
        lz.set("converged", booleans(l.converged()));
        return lz;
    }

    /** {@code density}: the SLQ settings, grid, density and its standard error. */
    public static ObjectNode density(SpectralDensity d) {
        ObjectNode o = JsonOutput.MAPPER.createObjectNode();
        o.put("probes", d.probes());
        o.put("steps", d.steps());
        o.put("sigma", d.sigma());
        o.put("seed", d.seed());
        o.set("grid", JsonOutput.array(d.grid()));
        o.set("density", JsonOutput.array(d.density()));
        o.set("standard_error", JsonOutput.array(d.standardError()));
        return o;
    }

    /** A JSON array of booleans. */
    public static ArrayNode booleans(boolean[] values) {
        ArrayNode a = JsonOutput.MAPPER.createArrayNode();
        for (boolean b : values) {
            a.add(b);
        }
        return a;
    }

    /** The one-line text summary of an SLQ density. */
    public static String densityLine(SpectralDensity d) {
        return String.format(Locale.ROOT, "SLQ %d probes x %d steps, sigma %s, grid %s..%s (--json prints it)",
                d.probes(), d.steps(), num(d.sigma()), num(d.grid()[0]), num(d.grid()[d.grid().length - 1]));
    }

    /** A number for people: 10 significant digits. */
    public static String num(double v) {
        return String.format(Locale.ROOT, "%.10g", v);
    }
}
