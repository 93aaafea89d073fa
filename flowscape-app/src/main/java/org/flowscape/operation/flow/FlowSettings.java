package org.flowscape.operation.flow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.flowscape.dynamics.Adam;
import org.flowscape.dynamics.BalanceMonitor;
import org.flowscape.dynamics.Descent;
import org.flowscape.dynamics.FlowConfig;
import org.flowscape.dynamics.FlowMethod;
import org.flowscape.dynamics.FlowResult;
import org.flowscape.dynamics.GradientDescent;
import org.flowscape.dynamics.GradientFlow;
import org.flowscape.dynamics.HeavyBall;
import org.flowscape.dynamics.Nesterov;
import org.flowscape.dynamics.NeuronBalanceMonitor;
import org.flowscape.dynamics.NtkMonitor;
import org.flowscape.dynamics.OneNeuronInvariantMonitor;
import org.flowscape.dynamics.Optimizer;
import org.flowscape.dynamics.PlMonitor;
import org.flowscape.dynamics.SampleGrid;
import org.flowscape.dynamics.Schedule;
import org.flowscape.dynamics.EdgeOfStabilityMonitor;
import org.flowscape.dynamics.SharpnessMonitor;
import org.flowscape.dynamics.StepObserver;
import org.flowscape.dynamics.StoppingRule;
import org.flowscape.experiment.RunSpec;
import org.flowscape.objective.Objective;
import org.flowscape.operation.RunSettings;

/**
 * The settings of one gradient-flow or descent run: the flags of {@code flowscape flow}, the keys of the {@code flow}
 * analysis of studies (the flag without its dashes; {@code rtol} and {@code atol} are study tolerances) and the
 * parameters a claim passes are this one record, with its defaults stated once below (the numbers a default
 * inherits from the core are read from the core: {@link FlowConfig#DEFAULT_RTOL}, {@link FlowConfig#DEFAULT_ATOL},
 * {@link Adam#BETA2}, {@link Adam#EPSILON}). How they become a {@link StoppingRule}, a {@link SampleGrid}, monitors
 * and a run. Every check throws {@link IllegalArgumentException} naming the option (as {@code --name}, which is also
 * the study key).
 *
 * @param method auto, dopri853, dopri54, rk4, stiff (flows) or gd, momentum, nesterov, adam (descent)
 * @param rtol relative tolerance of adaptive flows
 * @param atol absolute tolerance of adaptive flows
 * @param step fixed step or learning rate, or null
 * @param momentum momentum (beta1 for adam)
 * @param untilLoss stop once L ≤ this, or null
 * @param untilGrad stop once ‖∇L‖ ≤ this, or null
 * @param horizon final time, or null for the default
 * @param maxEvals budget of gradient evaluations
 * @param normBound divergence bound on ‖θ‖
 * @param monitors monitor names (imbalance, neurons, sigmoid, ntk, sharpness, pl)
 * @param optimum L* for the rate fit and the PL ratio
 * @param samples number of dense-output samples (0: none)
 * @param logGrid log-spaced samples instead of linear
 */
public record FlowSettings(String method, double rtol, double atol, Double step, double momentum, Double untilLoss,
        Double untilGrad, Double horizon, long maxEvals, double normBound, List<String> monitors, double optimum,
        int samples, boolean logGrid) {
    /** Default of {@code method}. */
    public static final String METHOD = "auto";
    /** Default of {@code rtol} (the core's). */
    public static final String RTOL = "" + FlowConfig.DEFAULT_RTOL;
    /** Default of {@code atol} (the core's). */
    public static final String ATOL = "" + FlowConfig.DEFAULT_ATOL;
    /** Default of {@code momentum} (also Adam's β1). */
    public static final String MOMENTUM = "0.9";
    /** Default of {@code max-evals}. */
    public static final String MAX_EVALS = "10000000";
    /** Default of {@code norm-bound}. */
    public static final String NORM_BOUND = "1e8";
    /** Default of {@code optimum}. */
    public static final String OPTIMUM = "0";
    /** Default of {@code samples}. */
    public static final String SAMPLES = "0";
    /** Horizon when neither a horizon nor a target is given. */
    public static final double DEFAULT_HORIZON = 100;
    /** Horizon when a target is given without a horizon. */
    public static final double TARGET_HORIZON = 1e6;

    public FlowSettings {
        monitors = List.copyOf(monitors);
    }

    /**
     * The study keys with their defaults ({@code ""}: unset), as {@link org.flowscape.experiment.Analysis#settings()}
     * lists them.
     */
    public static Map<String, String> studyDefaults() {
        Map<String, String> m = new TreeMap<>();
        m.put("method", METHOD);
        m.put("step", "");
        m.put("momentum", MOMENTUM);
        m.put("until-loss", "");
        m.put("until-grad", "");
        m.put("horizon", "");
        m.put("max-evals", MAX_EVALS);
        m.put("norm-bound", NORM_BOUND);
        m.put("monitor", "");
        m.put("optimum", OPTIMUM);
        m.put("samples", SAMPLES);
        m.put("log-grid", "false");
        return m;
    }

    /** The study tolerances with their defaults. */
    public static Map<String, Double> studyTolerances() {
        return Map.of("rtol", FlowConfig.DEFAULT_RTOL, "atol", FlowConfig.DEFAULT_ATOL);
    }

    /** The settings a study run gives (its parameters over {@link #studyDefaults()}, its tolerances). */
    public static FlowSettings of(RunSpec spec) {
        RunSettings s = RunSettings.of(spec, studyDefaults());
        double rtol = spec.tolerances().getOrDefault("rtol", FlowConfig.DEFAULT_RTOL);
        double atol = spec.tolerances().getOrDefault("atol", FlowConfig.DEFAULT_ATOL);
        return new FlowSettings(s.text("method"), rtol, atol, s.optionalReal("step"), s.real("momentum"),
                s.optionalReal("until-loss"), s.optionalReal("until-grad"), s.optionalReal("horizon"),
                s.integer("max-evals"), s.real("norm-bound"), s.list("monitor"), s.real("optimum"),
                s.smallInteger("samples"), s.flag("log-grid"));
    }

    /** Checks every setting without running anything. */
    public void validate() {
        stoppingRule();
        grid(1);
        check();
    }

    /** The stopping rule: horizon, evaluation budget, divergence bound and targets. */
    public StoppingRule stoppingRule() {
        boolean target = untilLoss != null || untilGrad != null;
        double t = horizon != null ? horizon : target ? TARGET_HORIZON : DEFAULT_HORIZON;
        if (!(t > 0) || !Double.isFinite(t)) {
            throw new IllegalArgumentException("--horizon must be a finite number > 0, got " + t);
        }
        if (maxEvals <= 0) {
            throw new IllegalArgumentException("--max-evals must be > 0, got " + maxEvals);
        }
        StoppingRule stop = StoppingRule.horizon(t).withMaxEvaluations(maxEvals).withNormBound(normBound);
        if (untilLoss != null) {
            stop = stop.withLossTarget(untilLoss);
        }
        if (untilGrad != null) {
            if (!(untilGrad >= 0)) {
                throw new IllegalArgumentException("--until-grad must be >= 0, got " + untilGrad);
            }
            stop = stop.withGradientTarget(untilGrad);
        }
        return stop;
    }

    /** The sample grid on [0, {@code t}]. */
    public SampleGrid grid(double t) {
        if (samples < 0) {
            throw new IllegalArgumentException("--samples must be >= 0, got " + samples);
        }
        if (samples == 0) {
            return SampleGrid.none();
        }
        if (logGrid) {
            if (samples < 2) {
                throw new IllegalArgumentException("--log-grid needs --samples >= 2, got " + samples);
            }
            return SampleGrid.log(t * 1e-4, t, samples);
        }
        return SampleGrid.linear(t, samples);
    }

    /** Fresh monitors by name, in the order asked (one set per run: monitors hold state). */
    public Map<String, StepObserver> monitors(Objective objective) {
        Map<String, StepObserver> m = new LinkedHashMap<>();
        for (String raw : monitors) {
            String name = raw.trim().toLowerCase(Locale.ROOT);
            StepObserver o = switch (name) {
                case "imbalance", "balance" -> new BalanceMonitor();
                case "neurons" -> new NeuronBalanceMonitor();
                case "sigmoid" -> new OneNeuronInvariantMonitor();
                case "ntk" -> new NtkMonitor();
                case "sharpness" -> new SharpnessMonitor(1, step == null ? Double.NaN : step);
                case "pl" -> new PlMonitor(optimum);
                case "eos" -> edgeOfStability();
                default -> throw new IllegalArgumentException("unknown monitor '" + raw + "'; use imbalance, neurons, "
                        + "sigmoid, ntk, sharpness, eos, pl (comma-separated)");
            };
            m.put(name, o);
        }
        return m;
    }

    /** The edge-of-stability monitor: needs a discrete method with a constant step. */
    private EdgeOfStabilityMonitor edgeOfStability() {
        if (step == null || optimizer() == null) {
            throw new IllegalArgumentException("--monitor eos compares lambda_max with 2/eta of descent: use it with "
                    + "--method gd (or another discrete method) and --step ETA");
        }
        return new EdgeOfStabilityMonitor(EdgeOfStabilityMonitor.DEFAULT_EVERY, step,
                EdgeOfStabilityMonitor.DEFAULT_MARGIN, 0);
    }

    /** Checks the method and step without running anything. */
    public void check() {
        if (optimizer() == null) {
            config();
        }
    }

    /**
     * Runs the flow or descent from {@code theta0} (read only).
     *
     * @param observers called at every accepted step
     */
    public FlowResult run(Objective f, double[] theta0, StoppingRule stop, SampleGrid grid,
            List<StepObserver> observers) {
        Optimizer descent = optimizer();
        if (descent != null) {
            return Descent.run(f, theta0, descent, stop, grid, new ArrayList<>(observers));
        }
        return GradientFlow.run(f, theta0, config(), stop, grid, new ArrayList<>(observers));
    }

    private FlowConfig config() {
        FlowMethod m = FlowMethod.parse(method);
        if (step == null && m == FlowMethod.RK4) {
            throw new IllegalArgumentException("--method rk4 needs a fixed step: add --step H (e.g. --step 1e-3)");
        }
        // the method goes last: FlowConfig.of(RK4) alone would be refused for its missing step
        FlowConfig config = FlowConfig.defaults().withTolerances(rtol, atol);
        if (step != null) {
            config = config.withStepSize(step);
        }
        return config.withMethod(m);
    }

    private Optimizer optimizer() {
        String m = method.trim().toLowerCase(Locale.ROOT);
        if (!List.of("gd", "momentum", "nesterov", "adam").contains(m)) {
            return null;
        }
        if (step == null) {
            throw new IllegalArgumentException("--method " + m + " needs a learning rate: add --step ETA (e.g. --step "
                    + "0.01)");
        }
        Schedule s = Schedule.constant(step);
        return switch (m) {
            case "gd" -> new GradientDescent(s);
            case "momentum" -> new HeavyBall(s, momentum);
            case "nesterov" -> new Nesterov(s, momentum);
            default -> new Adam(s, momentum, Adam.BETA2, Adam.EPSILON);
        };
    }
}
