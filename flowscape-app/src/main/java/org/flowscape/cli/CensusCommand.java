package org.flowscape.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.flowscape.census.BoxCensus;
import org.flowscape.census.CensusConfig;
import org.flowscape.census.CensusResult;
import org.flowscape.census.homotopy.HomotopyCensus;
import org.flowscape.census.homotopy.HomotopyCensusResult;
import org.flowscape.census.homotopy.HomotopySettings;
import org.flowscape.experiment.analyses.CensusRun;
import org.flowscape.spec.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import org.flowscape.operation.JsonOutput;

/** {@code flowscape census}: every critical point in a box, certified, and what is left undecided. */
@Command(name = "census", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Certified census of the critical points in a box by interval branch-and-bound: boxes",
            "without a critical point are excluded, each critical point is proved to exist and be unique (Krawczyk)",
            "with a proved Morse index; boxes that cannot be decided are reported with the reason. Models: fn:EXPR",
            "and squared-error networks with interval enclosures; --l2 makes a loss coercive. Example:",
            "flowscape census --model 'fn:0.5*(p1*p2-1)^2' --l2 0.19 --box -2:2",
            "--method homotopy: every complex critical point of a polynomial loss by homotopy continuation, each",
            "certified (complex Krawczyk) as distinct and real or non-real (docs/homotopy.md); no --box needed.",
            "Example:",
            "flowscape census --model 'fn:0.5*(p1*p2-1)^2' --l2 0.19 --method homotopy"})
public final class CensusCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private ProblemOptions problem;

    @Option(names = "--box", paramLabel = "LO:HI[,LO:HI...]",
            description = "The box: one range for every coordinate, or one per coordinate (needed by --method "
                    + "interval).")
    private String box;

    @Option(names = "--method", paramLabel = "M", defaultValue = "interval",
            description = "interval (certified branch-and-bound in --box, default) or homotopy (every complex "
                    + "critical point of a polynomial loss).")
    private String method;

    @Option(names = "--path-budget", paramLabel = "N", defaultValue = "20000",
            description = "homotopy: refuse a census that needs more than N paths (the Bezout number of the "
                    + "gradient system) (default ${DEFAULT-VALUE}).")
    private long pathBudget;

    @Option(names = "--min-width", paramLabel = "REL", defaultValue = "1e-4",
            description = "Do not split a box narrower than REL of the search box in every coordinate; it is left "
                    + "undecided (default ${DEFAULT-VALUE}).")
    private double minWidth;

    @Option(names = "--max-boxes", paramLabel = "N", defaultValue = "2000000",
            description = "Examine at most N boxes; the rest is reported undecided (default ${DEFAULT-VALUE}).")
    private long maxBoxes;

    @Option(names = "--time-limit", paramLabel = "SECONDS", defaultValue = "600",
            description = "Stop the branch-and-bound after this long; the rest is reported undecided "
                    + "(default ${DEFAULT-VALUE}).")
    private double timeLimit;

    @Option(names = "--zero-tol", paramLabel = "REL", defaultValue = "1e-8",
            description = "An undecided box whose Hessian at its centre has an eigenvalue within REL x spectral "
                    + "radius of 0 is reported degenerate (default ${DEFAULT-VALUE}).")
    private double zeroTol;

    @Option(names = "--samples", paramLabel = "N", defaultValue = "" + CensusConfig.DEFAULT_SAMPLES,
            description = "Random starts (seeded by --seed) polished by Newton for the sampled census that is "
                    + "checked against the certified points (default ${DEFAULT-VALUE}; 0: none).")
    private int samples;

    @Option(names = "--quiet", description = "No progress lines on stderr.")
    private boolean quiet;

    @Option(names = "--json", description = "Print one JSON document (fields in docs/census.md) instead of text.")
    private boolean json;

    @Override
    public Integer call() throws Exception {
        String m = method.strip().toLowerCase(Locale.ROOT);
        if (!"interval".equals(m) && !"homotopy".equals(m)) {
            throw new IllegalArgumentException("unknown --method '" + method + "'; use interval or homotopy");
        }
        Problem p = problem.load();
        if ("homotopy".equals(m)) {
            return homotopy(p);
        }
        if (box == null) {
            throw new IllegalArgumentException("census --method interval needs --box LO:HI[,LO:HI...], e.g. --box "
                    + "-2:2; or use --method homotopy for a polynomial loss");
        }
        double[][] b = CensusRun.parseBox(box, p.dim());
        long seed = problem.seed == null ? 0 : problem.seed;
        CensusConfig config = new CensusConfig(b[0], b[1], minWidth, maxBoxes, timeLimit, zeroTol, samples, seed);
        BoxCensus.Progress progress = quiet ? null : (boxes, waiting, points, decided, seconds) -> {
            if (seconds >= 2) {
                spec.commandLine().getErr().printf(Locale.ROOT, "census: %d boxes, %d waiting, %d points, %.4f%% "
                        + "of the volume decided, %.0f s%n", boxes, waiting, points, 100 * decided, seconds);
                spec.commandLine().getErr().flush();
            }
        };
        CensusResult r = CensusRun.run(p, config, progress);
        if (json) {
            JsonOutput.print(spec.commandLine().getOut(), CensusReport.json(p, r));
        } else {
            CensusReport.text(p, r, spec.commandLine().getOut());
        }
        return ExitCodes.OK;
    }

    private int homotopy(Problem p) {
        long seed = problem.seed == null ? 1 : problem.seed;
        HomotopySettings settings = HomotopySettings.defaults(seed).withPathBudget(pathBudget);
        HomotopyCensusResult r = HomotopyCensus.run(HomotopyInputs.polynomialLoss(p), settings,
                HomotopyInputs.patternCheck(p));
        if (json) {
            ObjectNode doc = JsonOutput.document("census");
            doc.put("model", p.modelSpec());
            doc.put("data", p.dataSpec());
            doc.put("loss", p.lossSpec());
            doc.put("l2", p.l2());
            JsonOutput.print(spec.commandLine().getOut(), HomotopyCensusReport.json(r, doc));
        } else {
            HomotopyCensusReport.text(r, spec.commandLine().getOut());
        }
        return HomotopyCensusReport.exitCode(r);
    }
}
