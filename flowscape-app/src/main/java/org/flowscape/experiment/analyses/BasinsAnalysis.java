package org.flowscape.experiment.analyses;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.flowscape.data.Dataset;
import org.flowscape.data.Datasets;
import org.flowscape.experiment.Analysis;
import org.flowscape.experiment.BasinRow;
import org.flowscape.experiment.Outcome;
import org.flowscape.experiment.RecordSink;
import org.flowscape.experiment.RunContext;
import org.flowscape.experiment.RunSpec;
import org.flowscape.geometry.basins.BasinBounds;
import org.flowscape.geometry.basins.BasinMonteCarlo;
import org.flowscape.geometry.basins.BasinSolver;
import org.flowscape.geometry.basins.BasinStudyConfig;
import org.flowscape.geometry.basins.BoundEntry;
import org.flowscape.geometry.basins.WidthResult;
import org.flowscape.geometry.basins.Wilson;
import org.flowscape.loss.SquaredError;

/**
 * {@code basins}: the Monte Carlo of {@code flowscape basins} for one run ({@code docs/basins.md}).
 *
 * <p>Parameters: {@code data} (a data spec with one target column, required), {@code widths} (comma list, or
 * {@code width}; default {@code 1,2,4,8}), {@code inits} (100), {@code alpha} (0.01), {@code train}
 * ({@code none}|{@code gd}|{@code gf}), {@code steps} (5000), {@code eta} (0.05), {@code loss} ({@code mse} or
 * {@code mse-mean}). Tolerance: {@code kkt-tol} (1e-9). Seed: the run's seed. Records: one {@link BasinRow} per
 * (width, initialization); metrics per width K: {@code p_basin/k=K} with {@code p_basin_lower/k=K},
 * {@code p_basin_upper/k=K} (Wilson 95%), {@code certified/k=K}, {@code max_kkt_gap/k=K}, when trained
 * {@code mean_final_loss/k=K} and {@code p_trained/k=K}, and for each applicable bound B {@code bound_B/k=K} and
 * {@code estimate_B/k=K}. The outcome is {@code not_converged} when some basin value was not certified. Runs on one
 * thread (the runner parallelizes across runs); results do not depend on it.
 */
public final class BasinsAnalysis implements Analysis {
    @Override
    public String name() {
        return "basins";
    }

    /** Default settings (for runners that list them). */
    @Override
    public Map<String, String> settings() {
        return Map.of("widths", "1,2,4,8", "inits", "100", "alpha", "0.01", "train", "none", "steps", "5000",
                "eta", "0.05", "loss", "mse");
    }

    /** Default tolerances. */
    @Override
    public Map<String, Double> tolerances() {
        return Map.of("kkt-tol", 1e-9);
    }

    /** Checks the run's parameters; throws IllegalArgumentException naming the problem. */
    @Override
    public void validate(RunSpec spec) {
        config(RunContext.of(spec));
        if (!spec.params().containsKey("data")) {
            throw new IllegalArgumentException("basins needs a 'data' parameter, e.g. gaussian:n=20,d=5,seed=1");
        }
    }

    @Override
    public void run(RunContext context, RecordSink sink) throws Exception {
        String dataSpec = context.param("data", null);
        if (dataSpec == null) {
            throw new IllegalArgumentException("basins needs a 'data' parameter, e.g. gaussian:n=20,d=5,seed=1");
        }
        Dataset data = Datasets.parse(dataSpec);
        BasinStudyConfig config = config(context);
        double scale = BasinSolver.scale(config.normalization(), data.size());
        List<WidthResult> results = BasinMonteCarlo.run(data, config);
        int uncertified = 0;
        sink.metric("basin_alpha", config.alpha()); // the report's threshold of a good basin
        for (WidthResult r : results) {
            String k = "/k=" + r.width();
            for (int i = 0; i < r.inits(); i++) {
                sink.basin(new BasinRow(i, r.width(), dataSpec, r.basinValue()[i], r.kktGap()[i], r.finalLoss()[i]));
            }
            Wilson w = r.basinBelow(config.alpha());
            sink.metric("p_basin" + k, w.estimate());
            sink.metric("p_basin_lower" + k, w.lower());
            sink.metric("p_basin_upper" + k, w.upper());
            sink.metric("certified" + k, r.certifiedCount());
            sink.metric("max_kkt_gap" + k, r.maxGap());
            if (config.trained()) {
                sink.metric("mean_final_loss" + k, r.meanFinalLoss());
                sink.metric("p_trained" + k, r.trainedBelow(config.alpha()).estimate());
            }
            for (BoundEntry b : BasinBounds.entries(data, scale, config.alpha(), r)) {
                sink.metric("bound_" + b.name() + k, b.bound());
                sink.metric("estimate_" + b.name() + k, b.estimate().estimate());
                if (!Double.isNaN(b.exact())) {
                    sink.metric("exact_" + b.name() + k, b.exact());
                }
            }
            uncertified += r.inits() - r.certifiedCount();
        }
        if (uncertified > 0) {
            sink.outcome(Outcome.NOT_CONVERGED, uncertified + " basin value(s) without a KKT certificate at gap "
                    + config.tolerance());
        }
    }

    private static BasinStudyConfig config(RunContext c) {
        String list = c.param("widths", c.param("width", "1,2,4,8"));
        String[] parts = list.split(",");
        int[] widths = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            widths[i] = positive("widths", parts[i]);
        }
        String train = c.param("train", "none").trim().toLowerCase(Locale.ROOT);
        if (!List.of("none", "gd", "gf").contains(train)) {
            throw new IllegalArgumentException("basins: train must be none, gd or gf, got '" + train + "'");
        }
        SquaredError.Normalization norm = switch (c.param("loss", "mse").trim().toLowerCase(Locale.ROOT)) {
            case "mse" -> SquaredError.Normalization.HALF_MEAN;
            case "mse-mean" -> SquaredError.Normalization.MEAN;
            default -> throw new IllegalArgumentException("basins: loss must be mse or mse-mean");
        };
        double alpha = number("alpha", c.param("alpha", "0.01"));
        double eta = number("eta", c.param("eta", "0.05"));
        if (alpha < 0 || !(eta > 0)) {
            throw new IllegalArgumentException("basins: alpha must be >= 0 and eta > 0");
        }
        return new BasinStudyConfig(widths, positive("inits", c.param("inits", "100")), alpha, c.spec().seed(),
                train, positive("steps", c.param("steps", "5000")), eta, 1, c.tolerance("kkt-tol", 1e-9), norm);
    }

    private static int positive(String name, String value) {
        try {
            int v = Integer.parseInt(value.trim());
            if (v >= 1) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("basins: " + name + " must be a positive integer, got '" + value + "'");
    }

    private static double number(String name, String value) {
        try {
            double v = Double.parseDouble(value.trim());
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("basins: " + name + " must be a finite number, got '" + value + "'");
    }
}
