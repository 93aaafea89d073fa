package org.flowscape.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import org.flowscape.analysis.Certificate;
import org.flowscape.analysis.PolishResult;
import org.flowscape.operation.NtkSummary;
import org.flowscape.operation.JsonOutput;
import org.flowscape.operation.AnalysisJson;

/** Renders an {@link AnalyzeRun} as text or as the {@code analyze} JSON document of {@code docs/interop.md}. */
final class AnalyzeReport {
    private AnalyzeReport() {
    }

    static void text(AnalyzeRun run, Weights w, Path polished, PrintWriter out) {
        var p = run.problem();
        out.println("model     " + p.modelSpec() + "   P = " + p.dim());
        out.println("weights   " + p.thetaSource() + " (" + w.format() + ")");
        out.println("data      " + p.dataSpec() + "   n = " + p.dataSize());
        out.println("loss      " + p.lossSpec() + "   " + p.lossFormula());
        PolishResult pr = run.polish();
        if (pr != null) {
            out.printf(Locale.ROOT, "polish    %s %s after %d iterations, |grad| %s%s%n",
                    pr.config().method().name().toLowerCase(Locale.ROOT), pr.status(), pr.iterations(),
                    AnalysisJson.num(pr.gradientNorm()), polished == null ? "" : "; written to " + polished);
        }
        out.println("L         " + AnalysisJson.num(run.value()));
        out.println("|grad L|  " + AnalysisJson.num(run.gradNorm()));
        AnalyzeRun.Extremes h = run.hessian();
        out.printf(Locale.ROOT, "hessian   %s, extremal eigenvalues (residual |Hv - lambda v|):%n", h.method());
        for (int i = 0; i < h.values().length; i++) {
            out.printf(Locale.ROOT, "  lambda %s   residual %s%s%n", AnalysisJson.num(h.values()[i]),
                    AnalysisJson.num(h.residuals()[i]), h.converged()[i] ? "" : "   (not converged)");
        }
        if (run.report() != null) {
            out.printf(Locale.ROOT, "  index %d, nullity %d (symmetry orbit explains %d)%n", run.report().index(),
                    run.report().nullity(), run.report().nullityExplained());
        }
        out.println("density   " + AnalysisJson.densityLine(run.density()));
        NtkSummary ntk = run.ntk();
        out.println("ntk       " + (!ntk.computed() ? "skipped: " + ntk.skipReason()
                : "lambda_min " + AnalysisJson.num(ntk.min()) + "   lambda_max " + AnalysisJson.num(ntk.max())
                + "   (n*k = " + ntk.size() + ")"));
        AnalyzeRun.Verdict v = run.verdict();
        out.println("verdict   " + v.type() + certificateText(v.certificate()) + "  [" + v.basis() + "]");
        out.flush();
    }

    private static String certificateText(Certificate c) {
        if (c == null) {
            return ", not certified";
        }
        return c.certified() ? ", CERTIFIED (index " + c.index() + (c.digits() > Certificate.DOUBLE ? ", in "
                + c.digits() + "-digit arithmetic" : "") + ")" : ", certificate " + c.status() + ": "
                + c.reason();
    }

    static ObjectNode json(AnalyzeRun run, Weights w, Path polished) {
        ObjectNode doc = JsonOutput.document("analyze");
        doc.set("problem", AnalysisJson.problem(run.problem()));
        var s = run.settings();
        ObjectNode settings = doc.putObject("settings");
        settings.put("grad_tol", s.gradientTol());
        settings.put("zero_tol_rel", s.zeroTol());
        settings.put("extremes", s.extremes());
        settings.put("dense_max", s.denseMax());
        settings.put("lanczos_steps", s.lanczosSteps());
        settings.put("ntk_max", s.ntkMax());
        settings.put("certify", s.certify());
        settings.put("probe_seed", s.seed());
        ObjectNode weights = doc.putObject("weights");
        weights.put("format", w.format());
        if (w.keys() != null) {
            weights.set("keys", JsonOutput.MAPPER.valueToTree(w.keys()));
        }
        PolishResult pr = run.polish();
        if (pr == null) {
            doc.putNull("polish");
        } else {
            ObjectNode o = doc.putObject("polish");
            o.put("method", pr.config().method().name().toLowerCase(Locale.ROOT));
            o.put("status", pr.status().name().toLowerCase(Locale.ROOT));
            o.put("converged", pr.converged());
            o.put("iterations", pr.iterations());
            o.put("gradient_tol", pr.config().gradientTolerance());
            o.put("output", polished == null ? null : polished.toString());
        }
        doc.put("loss", run.value());
        doc.put("gradient_norm", run.gradNorm());
        AnalyzeRun.Extremes h = run.hessian();
        ObjectNode hess = doc.putObject("hessian");
        hess.put("method", h.method());
        hess.put("threshold", h.threshold());
        hess.set("eigenvalues", JsonOutput.array(h.values()));
        hess.set("residuals", JsonOutput.array(h.residuals()));
        hess.set("converged", AnalysisJson.booleans(h.converged()));
        if (run.report() != null) {
            hess.put("index", run.report().index());
            hess.put("nullity", run.report().nullity());
            hess.put("nullity_explained_by_symmetry", run.report().nullityExplained());
        }
        if (h.lanczos() != null) {
            hess.set("lanczos", AnalysisJson.lanczos(h.lanczos()));
        }
        doc.set("density", AnalysisJson.density(run.density()));
        ObjectNode ntk = doc.putObject("ntk");
        ntk.put("size", run.ntk().size());
        ntk.put("lambda_min", run.ntk().min());
        ntk.put("lambda_max", run.ntk().max());
        ntk.put("skipped", run.ntk().computed() ? null : run.ntk().skipReason());
        ObjectNode verdict = doc.putObject("verdict");
        verdict.put("type", run.verdict().type().toLowerCase(Locale.ROOT));
        verdict.put("basis", run.verdict().basis());
        Certificate c = run.verdict().certificate();
        verdict.put("certified", c != null && c.certified());
        if (c == null) {
            verdict.putNull("certificate");
        } else {
            ObjectNode co = verdict.putObject("certificate");
            co.put("status", c.status().name().toLowerCase(Locale.ROOT));
            co.put("reason", c.reason());
            co.put("index", c.index());
            co.put("radius", c.radius());
        }
        return doc;
    }
}
