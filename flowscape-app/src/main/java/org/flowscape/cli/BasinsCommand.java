package org.flowscape.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.flowscape.data.Dataset;
import org.flowscape.geometry.basins.BasinStudyConfig;
import org.flowscape.geometry.basins.BoundEntry;
import org.flowscape.geometry.basins.WidthResult;
import org.flowscape.geometry.basins.Wilson;
import org.flowscape.loss.SquaredError;
import org.flowscape.operation.basins.BasinAt;
import org.flowscape.operation.basins.BasinsOperation;
import org.flowscape.operation.basins.BasinsResult;
import org.flowscape.operation.basins.BasinsSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import org.flowscape.operation.JsonOutput;
import org.flowscape.operation.AnalysisJson;
import org.flowscape.operation.basins.BasinAtReport;

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

    @Option(names = "--widths", paramLabel = "K,K,...", defaultValue = BasinsSettings.WIDTHS, split = ",",
            description = "Hidden widths (default ${DEFAULT-VALUE}).")
    private int[] widths;

    @Option(names = "--inits", paramLabel = "N", defaultValue = BasinsSettings.INITS,
            description = "Starts per width (default ${DEFAULT-VALUE}).")
    private int inits;

    @Option(names = "--data", paramLabel = "D", required = true,
            description = "Data spec with one target column, e.g. gaussian:n=20,d=5,seed=1 (docs/cli.md).")
    private String data;

    @Option(names = "--alpha", paramLabel = "A", defaultValue = BasinsSettings.ALPHA,
            description = "Threshold (default ${DEFAULT-VALUE}).")
    private double alpha;

    @Option(names = "--loss", paramLabel = "L", defaultValue = BasinsSettings.LOSS,
            description = "mse (1/(2m) sum r^2, default) or mse-mean (1/m sum r^2, the paper's convention).")
    private String loss;

    @Option(names = "--train", paramLabel = "none|gd|gf", defaultValue = BasinsSettings.TRAIN,
            description = "Also train each start: gd (full-batch descent) or gf (gradient flow, DOP853).")
    private String train;

    @Option(names = "--steps", paramLabel = "N", defaultValue = BasinsSettings.STEPS,
            description = "Descent steps; the flow runs to time steps*eta (default ${DEFAULT-VALUE}).")
    private int steps;

    @Option(names = "--eta", paramLabel = "E", defaultValue = BasinsSettings.ETA,
            description = "Step size (default ${DEFAULT-VALUE}).")
    private double eta;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0",
            description = "Root seed of the starts (default 0).")
    private long seed;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "1",
            description = "Worker threads; results are identical for any value (default 1).")
    private int threads;

    @Option(names = "--kkt-tol", paramLabel = "T", defaultValue = BasinsSettings.KKT_TOL,
            description = "KKT gap accepted as certified (default ${DEFAULT-VALUE}).")
    private double kktTol;

    @Option(names = "--init-scale", paramLabel = "S", defaultValue = BasinsSettings.INIT_SCALE,
            description = "Scale s of the starts: weights ~ N(0, s^2/fan-in) or N(0, s^2) (default ${DEFAULT-VALUE}).")
    private double initScale;

    @Option(names = "--init", paramLabel = "fan-in|standard", defaultValue = BasinsSettings.INIT,
            description = "fan-in: w ~ N(0, s^2 I/d), v ~ N(0, s^2/k) (the paper's Assumption 1, default); "
                    + "standard: every weight ~ N(0, s^2).")
    private String init;

    @Option(names = "--single-neuron",
            description = "Output weights fixed to +1 (only w is drawn): the single-neuron model x -> [w.x]_+ of the "
                    + "hardness results at width 1. Not with --train.")
    private boolean singleNeuron;

    @Option(names = "--params", paramLabel = "FILE",
            description = "Instead of random starts, the basin value Bas(W) of this network with its KKT "
                    + "certificate: theta = [W (k x d, row-major), v (k)] as JSON or .npy; k = P/(d+1).")
    private Path params;

    @Option(names = "--json", description = "Print one JSON document (fields in docs/basins.md) instead of text.")
    private boolean json;

    @Override
    public Integer call() throws Exception {
        BasinsSettings s = new BasinsSettings(data, widths, inits, alpha, train, steps, eta, seed, threads, kktTol,
                BasinsSettings.loss(loss), BasinsSettings.init(initScale, init, singleNeuron), params);
        s.validate();
        Dataset d = BasinsOperation.data(s);
        PrintWriter out = spec.commandLine().getOut();
        if (params != null) {
            BasinAt a = BasinsOperation.at(d, s);
            if (json) {
                JsonOutput.print(out, BasinAtReport.json(a, s));
            } else {
                BasinAtReport.text(out, a, s);
            }
            return ExitCodes.OK;
        }
        BasinsResult r = BasinsOperation.run(d, s);
        if (json) {
            JsonOutput.print(out, json(r));
        } else {
            text(out, r);
        }
        return ExitCodes.OK;
    }

    private static void text(PrintWriter out, BasinsResult res) {
        Dataset d = res.data();
        BasinStudyConfig c = res.config();
        out.printf(Locale.ROOT, "data      %s   m = %d, d = %d   loss %s   seed %d   %d starts per width%n",
                d.spec(), d.size(), d.inputDim(), new SquaredError(c.normalization()).spec(), c.seed(), c.inits());
        out.printf(Locale.ROOT, "%6s  %-28s  %9s  %9s  %s%n", "width", "P[Bas <= " + AnalysisJson.num(c.alpha())
                + "] (95% Wilson)", "certified", "max gap", c.trained() ? "mean final loss, P[final <= alpha]" : "");
        for (WidthResult r : res.widths()) {
            Wilson w = r.basinBelow(c.alpha());
            String trained = c.trained() ? AnalysisJson.num(r.meanFinalLoss()) + ", " + band(r.trainedBelow(c.alpha()))
                    : "";
            out.printf(Locale.ROOT, "%6d  %-28s  %9s  %9s  %s%n", r.width(), band(w),
                    r.certifiedCount() + "/" + r.inits(), String.format(Locale.ROOT, "%.1e", r.maxGap()), trained);
            double exact = res.exact(r);
            if (!Double.isNaN(exact)) {
                out.printf(Locale.ROOT, "        %-12s P[Bas <= %s] = %s (closed form, beside the estimate above)%n",
                        "exact", AnalysisJson.num(c.alpha()), AnalysisJson.num(exact));
            }
            for (BoundEntry b : res.bounds(r)) {
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

    private static ObjectNode json(BasinsResult res) {
        Dataset d = res.data();
        BasinStudyConfig c = res.config();
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
        ObjectNode init = doc.putObject("init");
        init.put("scale", c.initialization().scale());
        init.put("distribution", c.initialization().fanIn() ? "fan-in" : "standard");
        init.put("single_neuron", c.initialization().fixedOutput());
        ArrayNode widths = doc.putArray("widths");
        for (WidthResult r : res.widths()) {
            ObjectNode w = widths.addObject();
            w.put("width", r.width());
            putWilson(w.putObject("estimate"), r.basinBelow(c.alpha()));
            w.put("exact", res.exact(r));
            w.put("certified", r.certifiedCount());
            w.put("max_kkt_gap", r.maxGap());
            w.put("zero_predictor_loss", r.zeroLoss());
            if (c.trained()) {
                w.put("mean_final_loss", r.meanFinalLoss());
                putWilson(w.putObject("trained_estimate"), r.trainedBelow(c.alpha()));
            }
            ArrayNode bounds = w.putArray("bounds");
            for (BoundEntry b : res.bounds(r)) {
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
