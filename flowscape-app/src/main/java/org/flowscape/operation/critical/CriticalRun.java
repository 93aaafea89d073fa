package org.flowscape.operation.critical;

import java.util.ArrayList;
import java.util.List;
import org.flowscape.analysis.Census;
import org.flowscape.analysis.Certificate;
import org.flowscape.analysis.precise.Certification;
import org.flowscape.analysis.Classifier;
import org.flowscape.analysis.CriticalPointReport;
import org.flowscape.analysis.PolishConfig;
import org.flowscape.analysis.PolishMethod;
import org.flowscape.analysis.PolishResult;
import org.flowscape.analysis.Redundancy;
import org.flowscape.analysis.RedundancyReport;
import org.flowscape.analysis.ShallowNetwork;
import org.flowscape.linalg.Tolerance;
import org.flowscape.loss.Loss;
import org.flowscape.loss.SquaredError;
import org.flowscape.objective.ModelObjective;
import org.flowscape.objective.Objective;
import org.flowscape.rng.Seeds;
import org.flowscape.spec.Problem;

/**
 * The computation behind {@code flowscape critical}: from each start (the given θ, or N seeded random
 * initializations warm-started by trust-region Newton), polish, classify, optionally certify, analyze redundancy for
 * shallow networks, and count the converged points modulo the discrete symmetries.
 *
 * @param problem  the problem
 * @param settings what was asked
 * @param points   one result per start, in start order
 * @param orbits   the census of the converged points
 * @param stopped  true when a cancellation (a time limit) stopped the run before every start was polished; the
 *                 points finished until then are kept (a start interrupted mid-polish is kept as not converged)
 */
public record CriticalRun(Problem problem, Settings settings, List<Point> points, List<Census.Orbit> orbits,
        boolean stopped) {

    /**
     * The options of one run.
     *
     * @param method          newton, lm or gn
     * @param gradientTol     the polish target ‖∇L‖ ≤ this
     * @param maxIterations   the polish limit
     * @param warmIterations  trust-region Newton iterations before polishing random starts (0: none)
     * @param zeroTol         relative eigenvalue tolerance
     * @param certify         run the interval certification
     * @param starts          number of random starts (0: polish the loaded θ)
     * @param seed            root seed of the starts
     */
    public record Settings(PolishMethod method, double gradientTol, int maxIterations, int warmIterations,
            double zeroTol, boolean certify, int starts, long seed) {
        public Settings {
            if (starts < 0 || maxIterations < 0 || warmIterations < 0 || !(gradientTol >= 0) || !(zeroTol >= 0)) {
                throw new IllegalArgumentException("--starts, --max-iterations, --warm-iterations, --grad-tol and "
                        + "--zero-tol must be >= 0");
            }
        }
    }

    /** Default of a study run's {@code starts} (the command's is 0: polish the given θ). */
    public static final String STUDY_STARTS = "8";

    /** The study keys with their defaults (the flag without {@code --}). */
    public static java.util.Map<String, String> studyDefaults() {
        java.util.Map<String, String> m = new java.util.TreeMap<>();
        m.put("starts", STUDY_STARTS);
        m.put("polish", POLISH);
        m.put("certify", "false");
        m.put("max-iterations", MAX_ITERATIONS);
        m.put("warm-iterations", WARM_ITERATIONS);
        return m;
    }

    /** The study tolerances with their defaults. */
    public static java.util.Map<String, Double> studyTolerances() {
        return java.util.Map.of("grad-tol", org.flowscape.operation.Tolerances.GRAD_TOL_VALUE, "zero-tol",
                org.flowscape.operation.Tolerances.ZERO_TOL_VALUE);
    }

    /** The settings of a study run: its keys and tolerances over {@link #studyDefaults()}, its seed. */
    public static Settings of(org.flowscape.experiment.RunSpec spec) {
        org.flowscape.operation.RunSettings s = org.flowscape.operation.RunSettings.of(spec, studyDefaults());
        java.util.Map<String, Double> tol = spec.tolerances();
        return new Settings(polishMethod(s.text("polish")),
                tol.getOrDefault("grad-tol", org.flowscape.operation.Tolerances.GRAD_TOL_VALUE),
                s.smallInteger("max-iterations"), s.smallInteger("warm-iterations"),
                tol.getOrDefault("zero-tol", org.flowscape.operation.Tolerances.ZERO_TOL_VALUE), s.flag("certify"),
                s.smallInteger("starts"), spec.seed());
    }

    /** Default of {@code polish}. */
    public static final String POLISH = "newton";
    /** Default of {@code max-iterations}. */
    public static final String MAX_ITERATIONS = "200";
    /** Default of {@code warm-iterations}. */
    public static final String WARM_ITERATIONS = "200";

    /** The largest P the dense polisher accepts. */
    public static final int MAX_PARAMETERS = 2000;

    /**
     * The polishing method named {@code name}: {@code newton}, {@code lm} or {@code gn} (Gauss–Newton, squared-error
     * losses only: see {@link #checkMethod}).
     *
     * @throws IllegalArgumentException for any other name
     */
    public static PolishMethod polishMethod(String name) {
        return switch (name.toLowerCase(java.util.Locale.ROOT)) {
            case "newton" -> PolishMethod.NEWTON;
            case "lm" -> PolishMethod.LEVENBERG_MARQUARDT;
            case "gn" -> PolishMethod.GAUSS_NEWTON;
            default -> throw new IllegalArgumentException("unknown --polish '" + name + "'; use newton, lm or gn");
        };
    }

    /** The option value naming {@code method} (the inverse of {@link #polishMethod}). */
    public static String polishName(PolishMethod method) {
        return switch (method) {
            case NEWTON -> "newton";
            case LEVENBERG_MARQUARDT -> "lm";
            case GAUSS_NEWTON -> "gn";
        };
    }

    /**
     * Checks that {@code method} applies to {@code loss}: Gauss–Newton needs a squared-error loss.
     *
     * @throws IllegalArgumentException naming the loss and the alternatives otherwise
     */
    public static void checkMethod(PolishMethod method, Loss loss) {
        if (method == PolishMethod.GAUSS_NEWTON && !(loss instanceof SquaredError)) {
            throw new IllegalArgumentException("--polish gn (Gauss-Newton) needs a squared-error loss (mse, mse-mean, "
                    + "frobenius) but the loss is " + loss.spec() + "; use --polish newton or lm");
        }
    }

    /**
     * Checks that a problem of {@code p} parameters is small enough for the dense polisher.
     *
     * @throws IllegalArgumentException above {@link #MAX_PARAMETERS}
     */
    public static void checkSize(int p) {
        if (p > MAX_PARAMETERS) {
            throw new IllegalArgumentException("critical polishes with dense Hessians, limited to P <= "
                    + MAX_PARAMETERS + " parameters; this model has P = " + p + "; use a smaller model");
        }
    }

    /**
     * One start's outcome.
     *
     * @param start       the start index (−1 for the loaded θ)
     * @param warm        the warm start's result, or null
     * @param polish      the polish result
     * @param report      the classification at the polished point
     * @param certificate the certificate, or null when not asked for
     * @param redundancy  the redundancy report for shallow networks, or null
     * @param orbit       index into {@link CriticalRun#orbits}, or −1 when not converged
     */
    public record Point(int start, PolishResult warm, PolishResult polish, CriticalPointReport report,
            Certificate certificate, RedundancyReport redundancy, int orbit) {
    }

    /**
     * Runs the analysis, stopping at the cancellation installed on this thread
     * ({@link org.flowscape.operation.Deadline}, a study run's time limit).
     */
    public static CriticalRun run(Problem problem, Settings s) {
        return run(problem, s, org.flowscape.internal.Cancellation::requested);
    }

    /**
     * Runs the analysis, checking {@code cancelled} before each start: once it is true the remaining starts are
     * skipped (the points found so far are kept and counted, and the run says it {@link #stopped}).
     */
    public static CriticalRun run(Problem problem, Settings s, java.util.function.BooleanSupplier cancelled) {
        Objective f = problem.objective();
        ModelObjective model = problem.isClosedForm() ? null : problem.modelObjective();
        if (model == null && (s.method() == PolishMethod.GAUSS_NEWTON || s.certify())) {
            throw new IllegalArgumentException("a closed-form model " + problem.modelSpec() + " has no residuals for "
                    + "--polish gn and no --certify here; use --polish newton or lm, and 'flowscape census --box' "
                    + "to certify its critical points");
        }
        if (model != null) {
            checkMethod(s.method(), model.loss());
        }
        Tolerance zero = new Tolerance(0, s.zeroTol());
        PolishConfig config = new PolishConfig(s.method(), s.gradientTol(), s.maxIterations(), 1.0, 1e6);
        List<Point> points = new ArrayList<>();
        List<double[]> converged = new ArrayList<>();
        int count = s.starts() == 0 ? 1 : s.starts();
        for (int i = 0; i < count && !cancelled.getAsBoolean(); i++) {
            double[] start = s.starts() == 0 ? problem.theta()
                    : problem.initialize(Seeds.derive(s.seed(), "critical-start", i));
            PolishResult warm = null;
            if (s.starts() > 0 && s.warmIterations() > 0) {
                warm = org.flowscape.analysis.Polisher.polish(f, start,
                        new PolishConfig(PolishMethod.NEWTON, 1e-6, s.warmIterations(), 1.0, 1e6));
                start = warm.theta();
            }
            PolishResult polish = org.flowscape.analysis.Polisher.polish(f, start, config);
            CriticalPointReport report = Classifier.classify(f, polish.theta(), s.gradientTol(), zero,
                    org.flowscape.analysis.SymmetryOrbit.DEFAULT_RANK);
            Certificate cert = s.certify() ? Certification.certify(model, polish.theta(), zero) : null;
            RedundancyReport redundancy = model == null ? null : redundancy(model, polish);
            points.add(new Point(s.starts() == 0 ? -1 : i, warm, polish, report, cert, redundancy, -1));
            if (polish.converged()) {
                converged.add(polish.theta());
            }
        }
        List<Census.Orbit> orbits = problem.model() instanceof org.flowscape.model.Network net
                ? Census.orbits(net, converged, 1e-8) : Census.distinct(converged, 1e-8);
        boolean stopped = points.size() < count || points.stream().anyMatch(CriticalRun::interrupted);
        return new CriticalRun(problem, s, withOrbits(points, orbits), orbits, stopped);
    }

    private static boolean interrupted(Point p) {
        return p.polish().status() == org.flowscape.analysis.PolishStatus.CANCELLED
                || p.warm() != null && p.warm().status() == org.flowscape.analysis.PolishStatus.CANCELLED;
    }

    private static RedundancyReport redundancy(ModelObjective f, PolishResult polish) {
        try {
            ShallowNetwork.of(f.network(), polish.theta());
        } catch (IllegalArgumentException notShallow) {
            return null;
        }
        return Redundancy.analyze(f, polish.theta(), Redundancy.DEFAULT_RULES, Redundancy.DEFAULT_RANK);
    }

    private static List<Point> withOrbits(List<Point> points, List<Census.Orbit> orbits) {
        List<Point> out = new ArrayList<>();
        int convergedIndex = 0;
        for (Point p : points) {
            int orbit = -1;
            if (p.polish().converged()) {
                for (int o = 0; o < orbits.size(); o++) {
                    if (orbits.get(o).members().contains(convergedIndex)) {
                        orbit = o;
                    }
                }
                convergedIndex++;
            }
            out.add(new Point(p.start(), p.warm(), p.polish(), p.report(), p.certificate(), p.redundancy(), orbit));
        }
        return out;
    }

    /** The starts asked for (1 when the given θ is polished). */
    public int wanted() {
        return Math.max(1, settings.starts());
    }

    /** How many points converged. */
    public long convergedCount() {
        return points.stream().filter(p -> p.polish().converged()).count();
    }
}
