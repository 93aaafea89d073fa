package org.flowscape.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.flowscape.census.CensusConfig;
import org.flowscape.census.CensusResult;
import org.flowscape.experiment.analyses.CensusRun;
import org.flowscape.graph.CensusComparison;
import org.flowscape.graph.GraphConfig;
import org.flowscape.graph.Identity;
import org.flowscape.graph.GraphResult;
import org.flowscape.graph.LandscapeSearch;
import org.flowscape.graph.PointCertifier;
import org.flowscape.graph.RateModel;
import org.flowscape.linalg.Tolerance;
import org.flowscape.objective.Objective;
import org.flowscape.report.GraphPage;
import org.flowscape.spec.Problem;
import org.flowscape.store.GraphStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import org.flowscape.operation.JsonOutput;

/** {@code flowscape graph}: minima, transition states, barriers, the disconnectivity graph and rates. */
@Command(name = "graph", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"The loss landscape as a graph: basin hopping for minima, doubly-nudged elastic bands and",
            "hybrid eigenvector-following for transition states, checked quenches for the edges; barriers, the",
            "disconnectivity tree and rates by graph transformation (docs/graph.md).",
            "Example: flowscape graph --model mlp:1-2-1:tanh --data smooth:n=20,d=1,seed=3 --minima 6 --seed 1"})
public final class GraphCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private ProblemOptions problem;

    @Option(names = "--minima", paramLabel = "N", defaultValue = "10",
            description = "Stop basin hopping after N distinct minima (default ${DEFAULT-VALUE}).")
    private int minima;

    @Option(names = "--hops", paramLabel = "N", defaultValue = "200",
            description = "At most N basin-hopping steps (default ${DEFAULT-VALUE}).")
    private int hops;

    @Option(names = "--hop-step", paramLabel = "S", defaultValue = "0.5",
            description = "First standard deviation of a hop's perturbation per coordinate (default "
                    + "${DEFAULT-VALUE}; adapted towards half the hops accepted).")
    private double hopStep;

    @Option(names = "--hop-temperature", paramLabel = "T", defaultValue = "1",
            description = "Metropolis temperature of basin hopping, in units of L (default ${DEFAULT-VALUE}).")
    private double hopTemperature;

    @Option(names = "--temperature", paramLabel = "T", defaultValue = "0.1",
            description = "Temperature of the rates, in units of L (default ${DEFAULT-VALUE}).")
    private double temperature;

    @Option(names = "--rate-model", paramLabel = "overdamped|htst", defaultValue = "overdamped",
            description = "overdamped: Kramers high friction (Langevin gradient flow); htst: harmonic TST with unit "
                    + "masses (default ${DEFAULT-VALUE}).")
    private String rateModel;

    @Option(names = "--connect", paramLabel = "N", defaultValue = "40",
            description = "At most N elastic bands (default ${DEFAULT-VALUE}).")
    private int connect;

    @Option(names = "--neighbours", paramLabel = "K", defaultValue = "2",
            description = "Connect each minimum to its K nearest (alignment distance) first (default "
                    + "${DEFAULT-VALUE}).")
    private int neighbours;

    @Option(names = "--images", paramLabel = "N", defaultValue = "12",
            description = "Interior images per elastic band (default ${DEFAULT-VALUE}).")
    private int images;

    @Option(names = "--max-step", paramLabel = "H", defaultValue = "0.1",
            description = "Largest step of quenches and saddle searches (default ${DEFAULT-VALUE}).")
    private double maxStep;

    @Option(names = "--grad-tol", paramLabel = "E", defaultValue = "1e-10",
            description = "Polish stationary points to |grad L| <= E (default ${DEFAULT-VALUE}).")
    private double gradTol;

    @Option(names = "--dense-limit", paramLabel = "P", defaultValue = "400",
            description = "Exact dense Hessians up to P parameters, Lanczos above (default ${DEFAULT-VALUE}).")
    private int denseLimit;

    @Option(names = "--census-box", paramLabel = "LO:HI[,LO:HI...]",
            description = "Also run the certified census in this box (as flowscape census --box) and say how many of "
                    + "its certified minima and index-1 saddles the graph found.")
    private String censusBox;

    @Option(names = "--no-certify", description = "Skip the interval certification of minima and saddles.")
    private boolean noCertify;

    @Option(names = "--progress", description = "Print progress lines on stderr even when it is not a terminal.")
    private boolean progress;

    @Option(names = "--json", description = "Print one JSON document (fields in docs/cli.md) instead of text.")
    private boolean json;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Also write DIR/results.duckdb (graph_* tables), DIR/graph.json and DIR/report.html.")
    private Path out;

    /**
     * One finished run with what the output needs about its problem.
     *
     * @param result      the graph
     * @param model       the model spec
     * @param data        the data spec
     * @param loss        the loss spec
     * @param parameters  P
     * @param thetaSource where the first θ came from
     * @param seconds     wall time of the search
     * @param census      the comparison with the certified census of {@code --census-box}, or null
     */
    record Run(GraphResult result, String model, String data, String loss, int parameters, String thetaSource,
            double seconds, CensusComparison census) {
    }

    @Override
    public Integer call() throws Exception {
        RateModel model = RateModel.parse(rateModel);
        GraphConfig config = config();
        if (!(temperature > 0) || !Double.isFinite(temperature)) {
            throw new IllegalArgumentException("--temperature must be a positive number, got " + temperature
                    + "; give e.g. --temperature 0.1 (in units of the loss)");
        }
        if (out != null) {
            org.flowscape.store.ResultStore.prepareDirectory(out);
        }
        Problem p = problem.load();
        Objective objective = p.objective();
        double[][] box = censusBox == null ? null : CensusRun.parseBox(censusBox, p.dim());
        Consumer<String> lines = progressLines();
        long start = System.nanoTime();
        GraphResult result = LandscapeSearch.run(objective, p.theta(), config, temperature, model,
                PointCertifier.forObjective(objective, config.zero()), lines);
        double seconds = (System.nanoTime() - start) / 1e9;
        CensusComparison census = null;
        if (box != null) {
            lines.accept("certified census in the box");
            CensusResult c = CensusRun.run(p, new CensusConfig(box[0], box[1], CensusConfig.DEFAULT_MIN_WIDTH,
                    CensusConfig.DEFAULT_MAX_BOXES, CensusConfig.DEFAULT_TIME_LIMIT, CensusConfig.DEFAULT_ZERO_TOL, 0,
                    config.seed()), null);
            census = CensusComparison.of(result, c, Identity.of(objective, config.identityTol()));
        }
        Run run = new Run(result, p.modelSpec(), p.dataSpec(), p.lossFormula(), p.dim(), p.thetaSource(),
                seconds, census);
        if (out != null) {
            GraphStore.write(out, GraphStore.key(config.seed()), run.model(), run.data(), run.loss(), seconds, result);
            java.nio.file.Files.writeString(out.resolve("graph.json"),
                    JsonOutput.MAPPER.writeValueAsString(GraphJson.of(run)) + "\n");
            GraphPage.of(result, run.model() + " on " + run.data() + ", loss " + run.loss(), seconds, census)
                    .write(out.resolve("report.html"));
        }
        if (json) {
            JsonOutput.print(spec.commandLine().getOut(), GraphJson.of(run));
        } else {
            GraphText.print(run, spec.commandLine().getOut(), out);
        }
        return result.minima().isEmpty() ? ExitCodes.INCONCLUSIVE : ExitCodes.OK;
    }

    private GraphConfig config() {
        if (minima < 1 || hops < 0 || connect < 0 || neighbours < 1 || images < 1 || denseLimit < 0) {
            throw new IllegalArgumentException("--minima, --neighbours and --images must be >= 1 and --hops, "
                    + "--connect and --dense-limit >= 0; got " + minima + ", " + neighbours + ", " + images + ", "
                    + hops + ", " + connect + ", " + denseLimit);
        }
        if (!(hopStep > 0) || !(hopTemperature > 0) || !(maxStep > 0) || !(gradTol > 0)) {
            throw new IllegalArgumentException("--hop-step, --hop-temperature, --max-step and --grad-tol must be "
                    + "positive numbers; got " + hopStep + ", " + hopTemperature + ", " + maxStep + ", " + gradTol);
        }
        long seed = problem.seed == null ? 0 : problem.seed;
        GraphConfig d = GraphConfig.defaults(seed);
        return new GraphConfig(minima, hops, hopStep, hopTemperature, images, d.spring(), d.bandIterations(),
                d.bandTolerance(), gradTol, new Tolerance(0, 1e-8), maxStep, Math.min(d.pushOff(), maxStep),
                d.saddleIterations(), denseLimit, connect, neighbours, d.identityTol(), !noCertify, seed);
    }

    private Consumer<String> progressLines() {
        if (!progress && System.console() == null) {
            return line -> { };
        }
        java.io.PrintWriter err = spec.commandLine().getErr();
        return line -> {
            err.println("graph: " + line);
            err.flush();
        };
    }
}
