package org.flowscape.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.flowscape.geometry.LinearPath;
import org.flowscape.geometry.MonotonePath;
import org.flowscape.geometry.MonotonePathConfig;
import org.flowscape.geometry.MonotonePathResult;
import org.flowscape.geometry.PathProfile;
import org.flowscape.geometry.PermutationAlignment;
import org.flowscape.linalg.Tolerance;
import org.flowscape.objective.ModelObjective;
import org.flowscape.objective.Objective;
import org.flowscape.spec.ParamsFile;
import org.flowscape.spec.Problem;
import org.flowscape.spec.ProblemSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import org.flowscape.operation.JsonOutput;
import org.flowscape.operation.AnalysisJson;

/** {@code flowscape path}: the loss along the straight path between two parameter files (docs/geometry.md). */
@Command(name = "path", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"The loss along the straight path between two parameter vectors: barrier (two conventions),",
            "monotonicity, optionally after aligning hidden units by weight matching, and optionally the",
            "monotone path of Safran-Shamir Theorem 1 (last-layer rescaling). Example: flowscape path",
            "--model mlp:2-8-1:relu:nobias --data gaussian:n=50,d=2,seed=1 --from a.json --to b.json --align --json"})
public final class PathCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private ProblemOptions problem;

    @Option(names = "--from", paramLabel = "FILE", required = true, description = "Start params (lambda = 0).")
    private Path from;

    @Option(names = "--to", paramLabel = "FILE", required = true, description = "End params (lambda = 1).")
    private Path to;

    @Option(names = "--align", description = "Permute the hidden units of --to to match --from (weight matching).")
    private boolean align;

    @Option(names = "--points", paramLabel = "N", defaultValue = "101",
            description = "Points on the path (default 101).")
    private int points;

    @Option(names = "--monotone-tol", paramLabel = "ABS", defaultValue = "0",
            description = "An increase of at most ABS still counts as monotone (default 0: exact).")
    private double monotoneTol;

    @Option(names = "--monotone-construction",
            description = "Also build and certify the Theorem 1 path (the model's last layer must be linear, no bias).")
    private boolean construction;

    @Option(names = "--json", description = "Print one JSON document (fields in docs/geometry.md) instead of text.")
    private boolean json;

    @Override
    public Integer call() throws Exception {
        if (problem.params != null || problem.seed != null) {
            throw new IllegalArgumentException("path reads both endpoints from --from and --to; drop --params and "
                    + "--seed");
        }
        if (points < 2 || !(monotoneTol >= 0)) {
            throw new IllegalArgumentException("--points must be >= 2 and --monotone-tol >= 0, got " + points
                    + " and " + monotoneTol);
        }
        Problem p = Problem.load(problem.file(java.util.Set.of()).spec().overriddenBy(
                new ProblemSpec(problem.model, problem.data, problem.loss, null, null, problem.l2)));
        double[] a = ParamsFile.read(from, p.dim());
        double[] b = ParamsFile.read(to, p.dim());
        Objective f = p.objective();
        Tolerance tol = new Tolerance(monotoneTol, 0);
        PathProfile plain = LinearPath.profile(f, a, b, points, tol);
        PermutationAlignment al = align ? PermutationAlignment.align(p.modelObjective().network(), a, b) : null;
        double[] end = al == null ? b : al.aligned();
        PathProfile aligned = al == null ? null : LinearPath.profile(f, a, end, points, tol);
        MonotonePathResult mono = construction
                ? MonotonePath.straight(p.modelObjective(), a, end, MonotonePathConfig.withPoints(points)) : null;
        double change = al == null ? 0 : functionChange(p.modelObjective(), b, end);
        if (json) {
            JsonOutput.print(spec.commandLine().getOut(), json(p, plain, al, aligned, change, mono));
        } else {
            text(spec.commandLine().getOut(), p, plain, aligned, change, mono);
        }
        return ExitCodes.OK;
    }

    /** max |f(aligned; X) − f(to; X)| over the data: 0 up to round-off, since alignment keeps the function. */
    private static double functionChange(ModelObjective f, double[] b, double[] aligned) {
        double[] pb = f.predictions(b, new double[f.outputCount()]);
        double[] pa = f.predictions(aligned, new double[f.outputCount()]);
        double m = 0;
        for (int i = 0; i < pa.length; i++) {
            m = Math.max(m, Math.abs(pa[i] - pb[i]));
        }
        return m;
    }

    private ObjectNode json(Problem p, PathProfile plain, PermutationAlignment al, PathProfile aligned,
            double change, MonotonePathResult mono) {
        ObjectNode doc = JsonOutput.document("path");
        doc.set("problem", AnalysisJson.problem(p));
        doc.put("from", from.toString());
        doc.put("to", to.toString());
        doc.put("barrier_convention", "barrier = max over lambda of L - ((1-lambda) L(0) + lambda L(1)); "
                + "barrier_above_endpoints = max L - max(L(0), L(1))");
        doc.set("path", GeometryJson.profile(plain));
        if (al == null) {
            doc.putNull("alignment");
        } else {
            ObjectNode o = doc.putObject("alignment");
            ArrayNode perms = o.putArray("permutations");
            for (int[] perm : al.permutations()) {
                ArrayNode row = perms.addArray();
                for (int i : perm) {
                    row.add(i);
                }
            }
            o.set("similarity", JsonOutput.array(al.similarity()));
            o.put("function_change", change);
            o.set("path", GeometryJson.profile(aligned));
        }
        if (mono == null) {
            doc.putNull("monotone_construction");
        } else {
            doc.set("monotone_construction", GeometryJson.monotone(mono));
        }
        return doc;
    }

    private static void text(PrintWriter out, Problem p, PathProfile plain, PathProfile aligned, double change,
            MonotonePathResult mono) {
        out.println("model       " + p.modelSpec() + "   P = " + p.dim());
        line(out, "straight", plain);
        if (aligned != null) {
            line(out, "aligned", aligned);
            out.println("            alignment changes the function by " + AnalysisJson.num(change)
                    + " (max |f(aligned) - f(to)| on the data)");
        }
        if (mono != null) {
            out.printf(Locale.ROOT, "theorem 1   %s: %s (%s); end scale c' = %s, end loss %s%n",
                    mono.status().name().toLowerCase(Locale.ROOT), mono.message(), mono.method(),
                    AnalysisJson.num(mono.endScale()), AnalysisJson.num(mono.targetLoss()));
        }
        out.flush();
    }

    private static void line(PrintWriter out, String name, PathProfile pp) {
        out.printf(Locale.ROOT, "%-11s L(0) %s  L(1) %s  barrier %s at lambda %s  above endpoints %s  %s%n", name,
                AnalysisJson.num(pp.losses()[0]), AnalysisJson.num(pp.losses()[pp.losses().length - 1]),
                AnalysisJson.num(pp.barrier()), AnalysisJson.num(pp.barrierLambda()),
                AnalysisJson.num(pp.barrierAboveEndpoints()),
                pp.monotone() ? "monotone" : "first increase at lambda " + AnalysisJson.num(pp.firstIncreaseLambda()));
    }
}
