package org.flowscape.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.flowscape.analysis.PolishMethod;
import org.flowscape.data.Dataset;
import org.flowscape.data.Datasets;
import org.flowscape.io.NpyArray;
import org.flowscape.io.Npz;
import org.flowscape.loss.Loss;
import org.flowscape.loss.Losses;
import org.flowscape.loss.SquaredError;
import org.flowscape.model.Model;
import org.flowscape.model.layers.ModelSpecs;
import org.flowscape.objective.Objectives;
import org.flowscape.model.Models;
import org.flowscape.model.Network;
import org.flowscape.objective.EmpiricalRisk;
import org.flowscape.operation.Tolerances;
import org.flowscape.operation.critical.CriticalRun;
import org.flowscape.spec.Problem;
import org.flowscape.spec.ProblemSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import org.flowscape.operation.JsonOutput;

/** {@code flowscape analyze}: bring a trained network (safetensors / npz) and its data, get its landscape facts. */
@Command(name = "analyze", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Analyze trained weights on data in one command: loss, |grad L|, extremal",
            "Hessian eigenvalues with residuals (dense or Lanczos by size), SLQ spectral",
            "density, NTK lambda_min, and whether the point is (after --polish) a",
            "certified minimum or saddle. See docs/interop.md. Example:",
            "  flowscape analyze --weights model.safetensors --arch mlp:784-128-10:relu",
            "    --data data.npz --loss xent"})
public final class AnalyzeCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--weights", required = true, paramLabel = "FILE",
            description = "State dict (.safetensors or .npz with 0.weight, 0.bias, ... or fc1.weight, ...), or a flat "
                    + "theta (.npy or JSON).")
    private Path weights;

    @Option(names = "--arch", required = true, paramLabel = "SPEC",
            description = "The architecture, e.g. mlp:784-128-10:relu (hidden activation; linear output) or "
                    + "layers:1x28x28/conv=8,3,1,1/relu/avgpool=2/flatten/dense=10 (docs/layers.md).")
    private String arch;

    @Option(names = "--data", required = true, paramLabel = "FILE|SPEC",
            description = "data.npz (arrays x: n x d, y: n x k or n), data.csv (last column the target), or any "
                    + "data spec such as npy:X=x.npy,Y=y.npy.")
    private String data;

    @Option(names = "--loss", paramLabel = "SPEC", defaultValue = "mse",
            description = "mse (1/2 mean over samples of |f - y|^2; default), mse-mean, xent, cost:EXPR.")
    private String loss;

    @Option(names = "--polish", description = "Polish theta to |grad L| <= --grad-tol first (P <= "
            + CriticalRun.MAX_PARAMETERS + "), and write the polished weights (see --out).")
    private boolean polish;

    @Option(names = "--polish-method", paramLabel = "newton|lm|gn", defaultValue = "newton",
            description = "newton: trust-region Newton (finds minima); lm: Levenberg-Marquardt on grad L = 0; "
                    + "gn: Gauss-Newton (squared-error losses).")
    private String polishMethod;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Where --polish writes the weights (default: WEIGHTS-STEM.polished.safetensors beside them).")
    private Path out;

    @Option(names = "--vectors", paramLabel = "FILE.npz",
            description = "Write theta, the reported eigenvalues, residuals and eigenvectors (rows, theta's order) as "
                    + "an .npz for NumPy.")
    private Path vectors;

    @Option(names = "--grad-tol", paramLabel = "E", defaultValue = Tolerances.GRAD_TOL,
            description = "|grad L| <= E counts as critical, and is the polish target (default ${DEFAULT-VALUE}).")
    private double gradTol;

    @Option(names = "--max-iterations", paramLabel = "K", defaultValue = "200",
            description = "Polishing iteration limit (default ${DEFAULT-VALUE}).")
    private int maxIterations;

    @Option(names = "--zero-tol", paramLabel = "REL", defaultValue = Tolerances.ZERO_TOL,
            description = "|lambda| <= REL * spectral radius counts as zero; also the Lanczos residual tolerance "
                    + "(default ${DEFAULT-VALUE}).")
    private double zeroTol;

    @Option(names = "--extremes", paramLabel = "K", defaultValue = "5",
            description = "Eigenvalues reported at each end of the spectrum (default ${DEFAULT-VALUE}).")
    private int extremes;

    @Option(names = "--dense-max", paramLabel = "P", defaultValue = "1500",
            description = "Dense Hessian up to P parameters, Lanczos above (default ${DEFAULT-VALUE}).")
    private int denseMax;

    @Option(names = "--lanczos-steps", paramLabel = "M", defaultValue = "300",
            description = "Lanczos steps at most (default ${DEFAULT-VALUE}).")
    private int lanczosSteps;

    @Mixin
    private DensityOptions densityOptions = new DensityOptions();



    @Option(names = "--ntk-max", paramLabel = "N", defaultValue = "4000",
            description = "Largest n*k for the NTK eigensolve (default ${DEFAULT-VALUE}).")
    private int ntkMax;

    @Option(names = "--no-certify", description = "Skip the interval certificate (tried when P <= 400).")
    private boolean noCertify;


    @Option(names = "--json", description = "Print one JSON document (fields in docs/interop.md) instead of text.")
    private boolean json;

    @Option(names = "--report", paramLabel = "DIR",
            description = "Also write analyze.json and analyze.txt into DIR (created if needed).")
    private Path report;

    @Override
    public Integer call() throws Exception {
        AnalyzeRun.Settings settings = settings();
        Model net = ModelSpecs.parse(arch);
        Dataset ds = Datasets.parse(dataSpec(data));
        Loss l = Losses.parse(loss);
        Objectives.of(net, l, ds); // checks that data, model and loss fit together
        if (polish && settings.method() == PolishMethod.GAUSS_NEWTON && !(l instanceof SquaredError)) {
            throw new IllegalArgumentException("--polish-method gn (Gauss-Newton) needs a squared-error loss (mse, "
                    + "mse-mean) but the loss is " + loss + "; use --polish-method newton or lm");
        }
        Weights w = Weights.read(weights, net);
        if (polish && net.parameterCount() > CriticalRun.MAX_PARAMETERS) {
            throw new IllegalArgumentException("--polish uses dense Hessians, limited to P <= "
                    + CriticalRun.MAX_PARAMETERS + "; this model has P = " + net.parameterCount()
                    + "; drop --polish to analyze the weights as they are");
        }
        Problem p = new Problem(new ProblemSpec(arch, data, loss, weights, null), net, ds, l, w.theta(),
                "file " + weights);
        AnalyzeRun run = AnalyzeRun.run(p, settings);
        Path polished = null;
        if (run.polish() != null) {
            polished = out != null ? out : defaultOut(weights);
            w.write(polished, net, run.theta());
        }
        if (vectors != null) {
            writeVectors(run, vectors);
        }
        if (report != null) {
            writeReport(run, w, polished);
        }
        if (json) {
            JsonOutput.print(spec.commandLine().getOut(), AnalyzeReport.json(run, w, polished));
        } else {
            AnalyzeReport.text(run, w, polished, spec.commandLine().getOut());
        }
        return run.polish() != null && !run.polish().converged() ? ExitCodes.INCONCLUSIVE : ExitCodes.OK;
    }

    private AnalyzeRun.Settings settings() {
        PolishMethod method;
        try {
            method = CriticalRun.polishMethod(polishMethod);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown --polish-method '" + polishMethod + "'; use newton, lm or gn",
                    e);
        }
        if (!(gradTol >= 0) || !(zeroTol >= 0) || maxIterations < 0 || extremes < 1 || denseMax < 0
                || lanczosSteps < 1 || densityOptions.probes() < 2 || densityOptions.steps() < 1
                || densityOptions.grid() < 2 || ntkMax < 0) {
            throw new IllegalArgumentException("need --grad-tol, --zero-tol, --max-iterations, --dense-max, "
                    + "--ntk-max >= 0, --extremes, --lanczos-steps, --steps >= 1, --probes, --grid >= 2");
        }
        return new AnalyzeRun.Settings(polish, method, gradTol, maxIterations, zeroTol, extremes, denseMax,
                lanczosSteps, densityOptions.probes(), densityOptions.steps(), densityOptions.grid(), !noCertify,
                ntkMax, densityOptions.probeSeed());
    }

    /** A data file becomes its spec by extension ({@code .npz}, {@code .csv}); anything else is a spec. */
    static String dataSpec(String data) {
        Path path;
        try {
            path = Path.of(data);
        } catch (java.nio.file.InvalidPathException e) {
            return data;
        }
        if (!Files.isRegularFile(path)) {
            return data;
        }
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".npz")) {
            return "npz:" + data;
        }
        if (name.endsWith(".csv")) {
            return "csv:" + data;
        }
        throw new IllegalArgumentException("--data " + data + " is a file but neither .npz nor .csv; give "
                + "npy:X=x.npy,Y=y.npy for a pair of .npy files, or save the data with numpy.savez(path, x=X, y=Y)");
    }

    private static Path defaultOut(Path weights) {
        String name = weights.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        return weights.resolveSibling(stem + ".polished.safetensors");
    }

    /** Writes θ, eigenvalues, residuals and eigenvectors (m × P) as an npz archive. */
    static void writeVectors(AnalyzeRun run, Path file) throws IOException {
        AnalyzeRun.Extremes h = run.hessian();
        int m = h.values().length;
        java.util.Map<String, NpyArray> arrays = new java.util.LinkedHashMap<>();
        arrays.put("theta", new NpyArray(new int[] {run.theta().length}, run.theta()));
        arrays.put("eigenvalues", new NpyArray(new int[] {m}, h.values()));
        arrays.put("residuals", new NpyArray(new int[] {m}, h.residuals()));
        arrays.put("eigenvectors", new NpyArray(new int[] {m, run.theta().length}, h.vectors()));
        Npz.write(file, arrays);
    }

    /** Writes {@code analyze.json} and {@code analyze.txt} into {@link #report} (replacing them). */
    private void writeReport(AnalyzeRun run, Weights w, Path polished) throws IOException {
        Files.createDirectories(report);
        StringWriter doc = new StringWriter();
        JsonOutput.print(new PrintWriter(doc), AnalyzeReport.json(run, w, polished));
        Files.writeString(report.resolve("analyze.json"), doc.toString());
        StringWriter text = new StringWriter();
        AnalyzeReport.text(run, w, polished, new PrintWriter(text));
        Files.writeString(report.resolve("analyze.txt"), text.toString());
    }
}
