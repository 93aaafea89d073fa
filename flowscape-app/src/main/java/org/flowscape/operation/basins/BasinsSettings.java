package org.flowscape.operation.basins;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.flowscape.experiment.RunSpec;
import org.flowscape.geometry.basins.BasinStudyConfig;
import org.flowscape.geometry.basins.Initialization;
import org.flowscape.loss.SquaredError;
import org.flowscape.operation.RunSettings;

/**
 * The settings of the {@code basins} operation: the flags of {@code flowscape basins}, the keys of the {@code basins}
 * study analysis (flag without dashes; {@code kkt-tol} is a study tolerance; the seed is the run's) and a claim's
 * parameters are this one record, parsed and checked here once, defaults stated once below.
 *
 * @param data the data spec (one target column)
 * @param widths the hidden widths, each in 1..4096
 * @param inits starts per width (≥ 1)
 * @param alpha the threshold of P[Bas ≤ α] (finite, ≥ 0)
 * @param train none, gd or gf
 * @param steps descent steps, or the flow's horizon steps·eta (≥ 1 when training)
 * @param eta step size (finite, &gt; 0 when training)
 * @param seed root seed of the starts
 * @param threads worker threads (results do not depend on it)
 * @param kktTol the KKT gap accepted as certified (&gt; 0)
 * @param loss mse (1/(2m) Σ r²) or mse-mean (1/m Σ r²)
 * @param init the start distribution (scale, fan-in or standard, single neuron)
 * @param params a network [W (k × d), v (k)] whose own basin value is asked for instead of the Monte Carlo, or null
 */
public record BasinsSettings(String data, int[] widths, int inits, double alpha, String train, int steps, double eta,
        long seed, int threads, double kktTol, SquaredError.Normalization loss, Initialization init, Path params) {
    /** Default of {@code widths}. */
    public static final String WIDTHS = "1,2,4,8,16,32";
    /** Default of {@code inits}. */
    public static final String INITS = "1000";
    /** Default of {@code alpha}. */
    public static final String ALPHA = "0.01";
    /** Default of {@code train}. */
    public static final String TRAIN = "none";
    /** Default of {@code steps}. */
    public static final String STEPS = "5000";
    /** Default of {@code eta}. */
    public static final String ETA = "0.05";
    /** Default of {@code kkt-tol}. */
    public static final String KKT_TOL = "1e-9";
    /** Default of {@code loss}. */
    public static final String LOSS = "mse";
    /** Default of {@code init-scale}. */
    public static final String INIT_SCALE = "1";
    /** Default of {@code init}: N(0, σ²/fan-in). */
    public static final String INIT = "fan-in";
    /** The largest width. */
    public static final int MAX_WIDTH = 4096;

    public BasinsSettings {
        widths = widths.clone();
    }

    /** The study keys with their defaults ({@code ""}: unset). */
    public static Map<String, String> studyDefaults() {
        Map<String, String> m = new TreeMap<>();
        m.put("widths", WIDTHS);
        m.put("inits", INITS);
        m.put("alpha", ALPHA);
        m.put("train", TRAIN);
        m.put("steps", STEPS);
        m.put("eta", ETA);
        m.put("loss", LOSS);
        m.put("init-scale", INIT_SCALE);
        m.put("init", INIT);
        m.put("single-neuron", "false");
        m.put("params", "");
        return m;
    }

    /** The study tolerances with their defaults. */
    public static Map<String, Double> studyTolerances() {
        return Map.of("kkt-tol", Double.parseDouble(KKT_TOL));
    }

    /** The settings of a study run ({@code width} is accepted for a single width). */
    public static BasinsSettings of(RunSpec spec) {
        RunSettings s = RunSettings.of(spec, studyDefaults());
        String data = spec.params().get("data");
        if (data == null || data.isBlank()) {
            throw new IllegalArgumentException("basins needs a 'data' parameter, e.g. gaussian:n=20,d=5,seed=1");
        }
        List<String> list = s.list(spec.params().containsKey("width") ? "width" : "widths");
        int[] widths = new int[list.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = integer("widths", list.get(i));
        }
        return new BasinsSettings(data, widths, integer("inits", s.text("inits")), s.real("alpha"), s.text("train"),
                integer("steps", s.text("steps")), s.real("eta"), spec.seed(), 1,
                spec.tolerances().getOrDefault("kkt-tol", Double.parseDouble(KKT_TOL)), loss(s.text("loss")),
                init(s.real("init-scale"), s.text("init"), s.flag("single-neuron")),
                s.isSet("params") ? Path.of(s.text("params")) : null);
    }

    /** The loss normalization named {@code name} (mse or mse-mean). */
    public static SquaredError.Normalization loss(String name) {
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "mse" -> SquaredError.Normalization.HALF_MEAN;
            case "mse-mean" -> SquaredError.Normalization.MEAN;
            default -> throw new IllegalArgumentException("--loss must be mse or mse-mean for basins, got '" + name
                    + "'");
        };
    }

    /** The start distribution: σ = {@code scale}, {@code fan-in} or {@code standard}, v fixed when single neuron. */
    public static Initialization init(double scale, String kind, boolean singleNeuron) {
        String k = kind.trim().toLowerCase(Locale.ROOT);
        if (!k.equals("fan-in") && !k.equals("standard")) {
            throw new IllegalArgumentException("--init must be fan-in (N(0, s^2/fan-in)) or standard (N(0, s^2)), "
                    + "got '" + kind + "'");
        }
        return new Initialization(scale, k.equals("fan-in"), singleNeuron);
    }

    /**
     * Checks every setting.
     *
     * @throws IllegalArgumentException naming the flag and the fix
     */
    public void validate() {
        for (int k : widths) {
            if (k < 1 || k > MAX_WIDTH) {
                throw new IllegalArgumentException("--widths must be integers in 1.." + MAX_WIDTH + ", got " + k);
            }
        }
        if (widths.length == 0) {
            throw new IllegalArgumentException("--widths needs at least one width, e.g. 1,2,4,8");
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
        if (init.fixedOutput() && !t.equals("none")) {
            throw new IllegalArgumentException("--single-neuron keeps the output weight fixed, which the trainers "
                    + "do not: drop --train");
        }
    }

    /** The core's Monte Carlo configuration (after {@link #validate()}). */
    public BasinStudyConfig config() {
        validate();
        return new BasinStudyConfig(widths, inits, alpha, seed, train.toLowerCase(Locale.ROOT), steps, eta, threads,
                kktTol, loss, init);
    }

    private static int integer(String name, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("basins setting '" + name + "' must be an integer, got '" + value
                    + "'");
        }
    }
}
