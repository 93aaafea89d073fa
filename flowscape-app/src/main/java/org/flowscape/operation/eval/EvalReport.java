package org.flowscape.operation.eval;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;

import org.flowscape.data.Dataset;
import org.flowscape.model.Model;
import org.flowscape.model.ParameterBlock;
import org.flowscape.operation.NtkSummary;
import org.flowscape.operation.eval.Evaluation;
import org.flowscape.spec.Problem;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.flowscape.operation.JsonOutput;

/** Renders an {@link Evaluation} as text for people or as the {@code eval} JSON document of {@code docs/cli.md}. */
public final class EvalReport {
    /** How many of the smallest and largest eigenvalues the text shows. */
    public static final int SHOWN = 5;

    private EvalReport() {
    }

    public static void text(Evaluation e, PrintWriter out) {
        Problem p = e.problem();
        Model net = p.model();
        Dataset d = p.data();
        out.println("model     " + p.modelSpec() + "   P = " + p.dim());
        if (net != null) {
            for (ParameterBlock b : net.layout().blocks()) {
                out.printf(Locale.ROOT, "          %-16s %-10s offset %d%n", b.name(), b.shape(), b.offset());
            }
            out.printf(Locale.ROOT, "data      %s   n = %d, d = %d, targets = %d%n", d.spec(), d.size(),
                    d.inputDim(), d.targetDim());
        } else {
            out.println("data      none (closed-form model)");
        }
        out.println("loss      " + p.lossSpec() + "   " + p.lossFormula());
        out.println("blas      " + e.blas() + (e.fallback().isEmpty() ? "" : "   (fallback: " + e.fallback() + ")"));
        out.println("theta     " + p.thetaSource());
        out.println("L         " + num(e.loss()));
        out.println("|grad|_2  " + num(e.gradientNorm()) + "   |grad|_inf " + num(e.gradientMax()));
        if (e.hessian() != null) {
            hessianText(e.hessian(), out);
            ntkText(e.ntk(), out);
        }
        EvalExtrasReport.text(e, out);
        StringBuilder t = new StringBuilder("time      ");
        for (Map.Entry<String, Double> entry : e.timingsMs().entrySet()) {
            t.append(entry.getKey()).append(' ').append(String.format(Locale.ROOT, "%.1f ms", entry.getValue()))
                    .append(", ");
        }
        out.println(t.substring(0, t.length() - 2));
        out.flush();
    }

    private static void hessianText(Evaluation.HessianSpectrum h, PrintWriter out) {
        double[] ev = h.eigenvalues();
        out.printf(Locale.ROOT, "hessian   %d x %d dense, all %d eigenvalues (--json prints them all)%n", ev.length,
                ev.length, ev.length);
        out.printf(Locale.ROOT, "  inertia   %d negative, %d zero, %d positive   (|lambda| <= %s = %s x spectral "
                        + "radius)%n", h.inertia().negative(), h.inertia().zero(), h.inertia().positive(),
                num(h.inertia().threshold()), num(h.zeroTol()));
        out.println("  lambda    min " + num(h.min()) + "   max " + num(h.max()));
        int shown = Math.min(SHOWN, ev.length);
        StringBuilder lo = new StringBuilder("  smallest ");
        StringBuilder hi = new StringBuilder("  largest  ");
        for (int i = 0; i < shown; i++) {
            lo.append(' ').append(num(ev[i]));
            hi.append(' ').append(num(ev[ev.length - shown + i]));
        }
        out.println(lo);
        out.println(hi);
    }

    private static void ntkText(NtkSummary ntk, PrintWriter out) {
        if (ntk.computed()) {
            out.printf(Locale.ROOT, "ntk       K = J J^T (%d x %d)   lambda_min %s   lambda_max %s%n", ntk.size(),
                    ntk.size(), num(ntk.min()), num(ntk.max()));
        } else {
            out.println("ntk       skipped: " + ntk.skipReason());
        }
    }

    public static String num(double v) {
        return String.format(Locale.ROOT, "%.10g", v);
    }

    public static ObjectNode json(Evaluation e) {
        ObjectNode doc = JsonOutput.document("eval");
        doc.set("problem", problemJson(e.problem()));
        ObjectNode blas = doc.putObject("blas");
        blas.put("backend", e.blas());
        blas.put("fallback_reason", e.fallback());
        ObjectNode theta = doc.putObject("theta");
        Problem p = e.problem();
        theta.put("source", p.spec().params() != null ? "file" : "seed");
        if (p.spec().params() != null) {
            theta.put("file", p.spec().params().toString());
        } else {
            theta.put("seed", p.spec().seedOrDefault());
        }
        doc.put("loss", e.loss());
        ObjectNode grad = doc.putObject("gradient");
        grad.put("norm2", e.gradientNorm());
        grad.put("norm_inf", e.gradientMax());
        doc.set("hessian", e.hessian() == null ? null : hessianJson(e.hessian()));
        doc.set("ntk", e.ntk() == null ? null : ntkJson(e.ntk()));
        EvalExtrasReport.json(e, doc);
        ObjectNode t = doc.putObject("timings_ms");
        e.timingsMs().forEach(t::put);
        return doc;
    }

    private static ObjectNode problemJson(Problem p) {
        ObjectNode o = JsonOutput.MAPPER.createObjectNode();
        ObjectNode model = o.putObject("model");
        model.put("spec", p.modelSpec());
        model.put("parameters", p.dim());
        if (p.isClosedForm()) {
            model.put("closed_form", true);
        } else {
            model.put("inputs", p.model().inputDim());
            model.put("outputs", p.model().outputDim());
        }
        ArrayNode layout = model.putArray("layout");
        for (ParameterBlock b : p.objective().layout().blocks()) {
            ObjectNode block = layout.addObject();
            block.put("name", b.name());
            block.put("layer", b.layer());
            block.put("kind", b.kind().name().toLowerCase(Locale.ROOT));
            block.put("offset", b.offset());
            block.putArray("shape").add(b.rows()).add(b.cols());
        }
        ObjectNode data = o.putObject("data");
        data.put("spec", p.dataSpec());
        data.put("n", p.dataSize());
        if (!p.isClosedForm()) {
            data.put("d", p.data().inputDim());
            data.put("targets", p.data().targetDim());
        }
        ObjectNode loss = o.putObject("loss");
        loss.put("spec", p.lossSpec());
        loss.put("formula", p.lossFormula());
        loss.put("l2", p.l2());
        return o;
    }

    private static ObjectNode hessianJson(Evaluation.HessianSpectrum h) {
        ObjectNode o = JsonOutput.MAPPER.createObjectNode();
        o.put("size", h.eigenvalues().length);
        o.put("min", h.min());
        o.put("max", h.max());
        ObjectNode inertia = o.putObject("inertia");
        inertia.put("negative", h.inertia().negative());
        inertia.put("zero", h.inertia().zero());
        inertia.put("positive", h.inertia().positive());
        inertia.put("zero_tol_rel", h.zeroTol());
        inertia.put("threshold", h.inertia().threshold());
        o.put("asymmetry", h.asymmetry());
        o.set("eigenvalues", JsonOutput.array(h.eigenvalues()));
        return o;
    }

    private static ObjectNode ntkJson(NtkSummary ntk) {
        ObjectNode o = JsonOutput.MAPPER.createObjectNode();
        o.put("size", ntk.size());
        o.put("computed", ntk.computed());
        if (ntk.computed()) {
            o.put("min", ntk.min());
            o.put("max", ntk.max());
        } else {
            o.putNull("min");
            o.putNull("max");
        }
        o.put("skipped_reason", ntk.skipReason());
        return o;
    }
}
