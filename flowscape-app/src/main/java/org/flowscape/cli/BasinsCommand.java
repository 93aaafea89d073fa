package org.flowscape.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.flowscape.data.Dataset;
import org.flowscape.data.Datasets;
import org.flowscape.geometry.basins.BasinBounds;
import org.flowscape.geometry.basins.BasinMonteCarlo;
import org.flowscape.geometry.basins.BasinSolver;
import org.flowscape.geometry.basins.BasinStudyConfig;
import org.flowscape.geometry.basins.BoundEntry;
import org.flowscape.geometry.basins.WidthResult;
import org.flowscape.geometry.basins.Wilson;
import org.flowscape.loss.SquaredError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code flowscape basins}: P[Bas ≤ α] against width for two-layer ReLU networks, with the paper's bounds. */
@Command(name = "basins", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Monte Carlo over random initializations of sum_j v_j [w_j.x]_+ (no biases; w ~ N(0, I/d),",
            "v ~ N(0, 1/k)): each start's basin value (an exact convex program with a KKT certificate), the",
            "probability P[Bas <= alpha] with a Wilson 95%% band, Safran-Shamir's bounds beside their own estimates,",
            "and optionally where descent or flow from each start ends. Example: flowscape basins --widths 1,2,4,8",
            "--inits 200 --data teacher:n=50,d=5,width=2,act=relu,seed=1 --train gd"})
public final class BasinsCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--widths", paramLabel = "K,K,...", defaultValue = "1,2,4,8,16,32", split = ",",
            description = "Hidden widths (default ${DEFAULT-VALUE}).")
    private int[] widths;

    @Option(names = "--inits", paramLabel = "N", defaultValue = "1000", description = "Starts per width (default 1000).")
    private int inits;

    @Option(names = "--data", paramLabel = "D", required = true,
            description = "Data spec with one target column, e.g. gaussian:n=20,d=5,seed=1 (docs/cli.md).")
    private String data;

    @Option(names = "--alpha", paramLabel = "A", defaultValue = "0.01", description = "Threshold (default 0.01).")
    private double alpha;

    @Option(names = "--loss", paramLabel = "L", defaultValue = "mse",
            description = "mse (1/(2m) sum r^2, default) or mse-mean (1/m sum r^2, the paper's convention).")
    private String loss;

    @Option(names = "--train", paramLabel = "none|gd|gf", defaultValue = "none",
            description = "Also train each start: gd (full-batch descent) or gf (gradient flow, DOP853).")
    private String train;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "5000",
            description = "Descent steps; the flow runs to time steps*eta (default ${DEFAULT-VALUE}).")
    private int steps;

    @Option(names = "--eta", paramLabel = "E", defaultValue = "0.05", description = "Step size (default 0.05).")
    private double eta;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "Root seed of the starts (default 0).")
    private long seed;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "1",
            description = "Worker threads; results are identical for any value (default 1).")
    private int threads;

    @Option(names = "--kkt-tol", paramLabel = "T", defaultValue = "1e-9",
            description = "KKT gap accepted as certified (default ${DEFAULT-VALUE}).")
    private double kktTol;

    @Option(names = "--json", description = "Print one JSON document (fields in docs/basins.md) instead of text.")
    private boolean json;

    @Override
    public Integer call() throws Exception {
        BasinStudyConfig config = config();
        Dataset d = Datasets.parse(data);
        if (d.targetDim() != 1) {
            throw new IllegalArgumentException("--data has " + d.targetDim() + " target columns; basins need one "
                    + "(e.g. drop k=... from the spec)");
        }
        double scale = BasinSolver.scale(config.normalization(), d.size());
        List<WidthResult> results = BasinMonteCarlo.run(d, config);
        if (json) {
            JsonOutput.print(spec.commandLine().getOut(), json(d, config, scale, results));
        } else {
            text(spec.commandLine().getOut(), d, config, scale, results);
        }
        return ExitCodes.OK;
    }

    private BasinStudyConfig config() {
        for (int k : widths) {
            if (k < 1 || k > 4096) {
                throw new IllegalArgumentException("--widths must be integers in 1..4096, got " + k);
            }
        }
        if (inits < 1) {
            throw new IllegalArgumentException("--inits must be >= 1, got " + inits);
        }
        if (!Double.isFinite(alpha) || alpha < 0) {
            throw new IllegalArgumentException("--alpha must be a finite number >= 0, got " + alpha);
        }
        String t = train.toLowerCase(Locale.ROOT);
        if (!t.equals("none") && !t.equals("gd") && !t.equals("gf")) {
            throw new IllegalArgumentException("--train must be none, gd or gf, got '" + train + "'");
        }
        if (!t.equals("none") && (steps < 1 || !(eta > 0) || !Double.isFinite(eta))) {
            throw new IllegalArgumentException("--steps must be >= 1 and --eta a finite number > 0 when training");
        }
        if (threads < 1 || !(kktTol > 0)) {
            throw new IllegalArgumentException("--threads must be >= 1 and --kkt-tol > 0");
        }
        SquaredError.Normalization norm = switch (loss.trim().toLowerCase(Locale.ROOT)) {
            case "mse" -> SquaredError.Normalization.HALF_MEAN;
            case "mse-mean" -> SquaredError.Normalization.MEAN;
            default -> throw new IllegalArgumentException("--loss must be mse or mse-mean for basins, got '" + loss
                    + "'");
        };
        return new BasinStudyConfig(widths, inits, alpha, seed, t, steps, eta, threads, kktTol, norm);
    }

    private static void text(PrintWriter out, Dataset d, BasinStudyConfig c, double scale, List<WidthResult> rs) {
        out.printf(Locale.ROOT, "data      %s   m = %d, d = %d   loss %s   seed %d   %d starts per width%n",
                d.spec(), d.size(), d.inputDim(), new SquaredError(c.normalization()).spec(), c.seed(), c.inits());
        out.printf(Locale.ROOT, "%6s  %-28s  %9s  %9s  %s%n", "width", "P[Bas <= " + AnalysisJson.num(c.alpha())
                + "] (95% Wilson)", "certified", "max gap", c.trained() ? "mean final loss, P[final <= alpha]" : "");
        for (WidthResult r : rs) {
            Wilson w = r.basinBelow(c.alpha());
            String trained = c.trained() ? AnalysisJson.num(r.meanFinalLoss()) + ", " + band(r.trainedBelow(c.alpha()))
                    : "";
            out.printf(Locale.ROOT, "%6d  %-28s  %9s  %9s  %s%n", r.width(), band(w),
                    r.certifiedCount() + "/" + r.inits(), String.format(Locale.ROOT, "%.1e", r.maxGap()), trained);
            for (BoundEntry b : BasinBounds.entries(d, scale, c.alpha(), r)) {
                out.printf(Locale.ROOT, "        %-12s P[%s] >= %s   estimate %s%s%s%n", b.name(), b.event()
                        + (Double.isNaN(b.alpha()) ? "" : ", alpha = " + AnalysisJson.num(b.alpha())),
                        AnalysisJson.num(b.bound()), band(b.estimate()),
                        Double.isNaN(b.exact()) ? "" : "   exact " + AnalysisJson.num(b.exact()),
                        b.note().isEmpty() ? "" : "   (" + b.note() + ")");
            }
        }
    }

    private static String band(Wilson w) {
        return String.format(Locale.ROOT, "%.4f [%.4f, %.4f]", w.estimate(), w.lower(), w.upper());
    }

    private static ObjectNode json(Dataset d, BasinStudyConfig c, double scale, List<WidthResult> rs) {
        ObjectNode doc = JsonOutput.document("basins");
        doc.put("data", d.spec());
        doc.put("m", d.size());
        doc.put("d", d.inputDim());
        doc.put("loss", new SquaredError(c.normalization()).spec());
        doc.put("alpha", c.alpha());
        doc.put("seed", c.seed());
        doc.put("inits", c.inits());
        doc.put("train", c.train());
        if (c.trained()) {
            doc.put("steps", c.steps());
            doc.put("eta", c.eta());
        }
        doc.put("kkt_tolerance", c.tolerance());
        ArrayNode widths = doc.putArray("widths");
        for (WidthResult r : rs) {
            ObjectNode w = widths.addObject();
            w.put("width", r.width());
            putWilson(w.putObject("estimate"), r.basinBelow(c.alpha()));
            w.put("certified", r.certifiedCount());
            w.put("max_kkt_gap", r.maxGap());
            w.put("zero_predictor_loss", r.zeroLoss());
            if (c.trained()) {
                w.put("mean_final_loss", r.meanFinalLoss());
                putWilson(w.putObject("trained_estimate"), r.trainedBelow(c.alpha()));
            }
            ArrayNode bounds = w.putArray("bounds");
            for (BoundEntry b : BasinBounds.entries(d, scale, c.alpha(), r)) {
                ObjectNode o = bounds.addObject();
                o.put("name", b.name());
                o.put("event", b.event());
                o.put("alpha", b.alpha());
                o.put("bound", b.bound());
                putWilson(o.putObject("estimate"), b.estimate());
                o.put("exact", b.exact());
                o.put("note", b.note());
            }
            w.set("basin_values", JsonOutput.array(r.basinValue()));
            if (c.trained()) {
                w.set("final_losses", JsonOutput.array(r.finalLoss()));
            }
        }
        return doc;
    }

    private static void putWilson(ObjectNode o, Wilson w) {
        o.put("p", w.estimate());
        o.put("lower", w.lower());
        o.put("upper", w.upper());
        o.put("successes", w.successes());
        o.put("trials", w.trials());
    }
}
