package org.flowscape.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.flowscape.analysis.LanczosResult;
import org.flowscape.analysis.SpectralDensity;
import org.flowscape.analysis.TraceEstimate;
import org.flowscape.operation.spectrum.SpectrumRun;
import org.flowscape.spec.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import org.flowscape.operation.JsonOutput;
import org.flowscape.operation.AnalysisJson;

/** {@code flowscape spectrum}: matrix-free Hessian spectra (Lanczos, traces, SLQ density) on HVPs. */
@Command(name = "spectrum", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Extremal Hessian eigenpairs by Lanczos with full reorthogonalization (true residuals),",
            "Hutchinson and Hutch++ traces and a stochastic Lanczos quadrature density, all on Hessian-vector",
            "products. Example: flowscape spectrum --model mlp:10-100-1:tanh --data gaussian:n=200,d=10,seed=1",
            "--top 5 --bottom 5"})
public final class SpectrumCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private ProblemOptions problem;

    @Option(names = "--top", paramLabel = "K", defaultValue = SpectrumRun.TOP,
            description = "Largest eigenpairs (default ${DEFAULT-VALUE}).")
    private int top;

    @Option(names = "--bottom", paramLabel = "K", defaultValue = SpectrumRun.BOTTOM,
            description = "Smallest eigenpairs (default ${DEFAULT-VALUE}).")
    private int bottom;

    @Option(names = "--max-iterations", paramLabel = "M", defaultValue = SpectrumRun.MAX_ITERATIONS,
            description = "Lanczos steps at most (default ${DEFAULT-VALUE}).")
    private int maxIterations;

    @Option(names = "--residual-tol", paramLabel = "REL", defaultValue = SpectrumRun.RESIDUAL_TOL,
            description = "A pair converged when |Hv - lambda v| <= REL * spectral radius (default ${DEFAULT-VALUE}).")
    private double residualTol;

    @Option(names = "--trace", description = "Estimate tr H by Hutchinson and Hutch++.")
    private boolean trace;

    @Option(names = "--trace-probes", paramLabel = "N", defaultValue = SpectrumRun.TRACE_PROBES,
            description = "Hutchinson probes, and Hutch++ matrix-vector products (default ${DEFAULT-VALUE}).")
    private int traceProbes;

    @Option(names = "--density", description = "Estimate the spectral density by stochastic Lanczos quadrature.")
    private boolean density;

    @Mixin
    private DensityOptions densityOptions = new DensityOptions();



    @Option(names = "--width", paramLabel = "REL", defaultValue = SpectrumRun.WIDTH,
            description = "SLQ Gaussian width relative to the node span (default ${DEFAULT-VALUE}).")
    private double width;


    @Option(names = "--json", description = "Print one JSON document (fields in docs/cli.md) instead of text.")
    private boolean json;

    @Override
    public Integer call() throws Exception {
        SpectrumRun.Settings settings = new SpectrumRun.Settings(top, bottom, maxIterations, residualTol, trace,
                traceProbes, density, densityOptions.probes(), densityOptions.steps(), densityOptions.grid(), width,
                densityOptions.probeSeed());
        Problem p = problem.load();
        SpectrumRun r = SpectrumRun.run(p.objective(), p.theta(), settings);
        LanczosResult lanczos = r.lanczos();
        TraceEstimate hutch = r.hutchinson();
        TraceEstimate hpp = r.hutchPlusPlus();
        SpectralDensity slq = r.density();
        if (json) {
            JsonOutput.print(spec.commandLine().getOut(), json(p, lanczos, hutch, hpp, slq));
        } else {
            text(spec.commandLine().getOut(), p, lanczos, hutch, hpp, slq);
        }
        return ExitCodes.OK;
    }

    private static void text(PrintWriter out, Problem p, LanczosResult l, TraceEstimate h, TraceEstimate hpp,
            SpectralDensity d) {
        out.println("model     " + p.modelSpec() + "   P = " + p.dim());
        out.println("theta     " + p.thetaSource());
        out.printf(Locale.ROOT, "lanczos   %s after %d steps; residual threshold %s%n", l.status(), l.iterations(),
                AnalysisJson.num(l.threshold()));
        for (int i = 0; i < l.count(); i++) {
            out.printf(Locale.ROOT, "  lambda %s   residual %s%s%n", AnalysisJson.num(l.values()[i]),
                    AnalysisJson.num(l.residuals()[i]), l.converged()[i] ? "" : "   (not converged)");
        }
        if (h != null) {
            out.println("trace     hutchinson " + AnalysisJson.num(h.estimate()) + " +- " + AnalysisJson.num(
                    h.standardError()) + "   hutch++ " + AnalysisJson.num(hpp.estimate()) + " +- "
                    + AnalysisJson.num(hpp.standardError()) + "   (standard errors)");
        }
        if (d != null) {
            out.println("density   " + AnalysisJson.densityLine(d));
        }
        out.flush();
    }

    private static ObjectNode json(Problem p, LanczosResult l, TraceEstimate h, TraceEstimate hpp,
            SpectralDensity d) {
        ObjectNode doc = JsonOutput.document("spectrum");
        doc.set("problem", AnalysisJson.problem(p));
        doc.set("lanczos", AnalysisJson.lanczos(l));
        if (h == null) {
            doc.putNull("trace");
        } else {
            ObjectNode t = doc.putObject("trace");
            t.set("hutchinson", trace(h));
            t.set("hutch_plus_plus", trace(hpp));
        }
        if (d == null) {
            doc.putNull("density");
        } else {
            doc.set("density", AnalysisJson.density(d));
        }
        return doc;
    }

    private static ObjectNode trace(TraceEstimate t) {
        ObjectNode o = JsonOutput.MAPPER.createObjectNode();
        o.put("estimate", t.estimate());
        o.put("standard_error", t.standardError());
        o.put("matvecs", t.matvecs());
        o.put("seed", t.seed());
        return o;
    }
}
