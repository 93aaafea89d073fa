package org.flowscape.experiment.analyses;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.flowscape.experiment.Analysis;
import org.flowscape.experiment.RecordSink;
import org.flowscape.experiment.RunContext;
import org.flowscape.geometry.LinearPath;
import org.flowscape.geometry.PathProfile;
import org.flowscape.geometry.PermutationAlignment;
import org.flowscape.geometry.Slice;
import org.flowscape.geometry.SlicePlan;
import org.flowscape.linalg.Tolerance;
import org.flowscape.objective.ModelObjective;
import org.flowscape.objective.Objective;
import org.flowscape.spec.ParamsFile;
import org.flowscape.spec.Problem;
import org.flowscape.spec.ProblemSpec;

/**
 * The {@code landscape} analysis: a loss slice around θ, and optionally the straight path from θ to a second point.
 *
 * <p>Parameters (strings, as in a study file): {@code model}, {@code data}, {@code loss} (default mse),
 * {@code params} (θ file; without it θ is drawn by {@code Network.initialize(init_seed)}, default the run seed),
 * {@code slice} (1d|2d, default 2d), {@code directions} (random|hessian|points:A,B,C, default random), {@code grid}
 * (default 51), {@code range} (default 1.0, or the 0.25 margin for points), {@code eigs} (true|false), {@code to}
 * (a params file: adds the path), {@code align} (true|false: weight-match {@code to} first), {@code points} (path
 * points, default 101). Random directions come from the run's seed, stream ("slice-direction", i). Tolerance
 * {@code monotone_tol} (absolute, default 0) is the slack of the path's monotonicity test.
 *
 * <p>Records: grids {@code loss}, {@code min_eigenvalue}, {@code max_eigenvalue} for a 2-D slice, or series of the
 * same names against x for a 1-D slice; series {@code path_loss} (against λ); metrics {@code origin_loss},
 * {@code min_loss}, {@code max_loss}, {@code range}, {@code grid}, and with a path {@code barrier},
 * {@code barrier_lambda}, {@code barrier_above_endpoints}, {@code path_monotone} (1 or 0),
 * {@code first_increase_lambda} (NaN when monotone) and, when aligned, {@code alignment_function_change}.
 */
public final class LandscapeAnalysis implements Analysis {
    /** The analysis name in study files. */
    public static final String NAME = "landscape";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void run(RunContext context, RecordSink sink) throws Exception {
        Problem p = Problem.load(problemSpec(context));
        Objective f = p.objective();
        SlicePlan plan = plan(context, p);
        Slice s = plan.run(f, p.theta());
        writeSlice(s, plan, sink);
        String to = context.param("to", null);
        if (to != null) {
            writePath(context, p, f, ParamsFile.read(Path.of(to), p.dim()), sink);
        }
    }

    private static ProblemSpec problemSpec(RunContext c) {
        String params = c.param("params", null);
        Long seed = params != null ? null : Long.valueOf(c.param("init_seed", Long.toString(c.spec().seed())));
        return new ProblemSpec(c.param("model", null), c.param("data", null), c.param("loss", null),
                params == null ? null : Path.of(params), seed, RunSettings.l2(c.spec().params()));
    }

    private static SlicePlan plan(RunContext c, Problem p) throws java.io.IOException {
        String slice = c.param("slice", "2d").trim().toLowerCase(Locale.ROOT);
        int dim = switch (slice) {
            case "1d" -> 1;
            case "2d" -> 2;
            default -> throw new IllegalArgumentException("landscape: slice must be 1d or 2d, got '" + slice + "'");
        };
        String kind = c.param("directions", "random").trim();
        List<double[]> points = new ArrayList<>();
        if (kind.toLowerCase(Locale.ROOT).startsWith("points:")) {
            for (String file : kind.substring("points:".length()).split(",")) {
                points.add(ParamsFile.read(Path.of(file.trim()), p.dim()));
            }
            kind = "points";
        }
        String range = c.param("range", null);
        return new SlicePlan(dim, kind, intParam(c, "grid", 51), range == null ? Double.NaN
                : Double.parseDouble(range), Boolean.parseBoolean(c.param("eigs", "false")), c.spec().seed(), points);
    }

    private static void writeSlice(Slice s, SlicePlan plan, RecordSink sink) {
        if (s.dimension() == 2) {
            sink.grid("loss", s.x(), s.y(), s.loss());
            if (s.minEigenvalue() != null) {
                sink.grid("min_eigenvalue", s.x(), s.y(), s.minEigenvalue());
                sink.grid("max_eigenvalue", s.x(), s.y(), s.maxEigenvalue());
            }
        } else {
            sink.series("loss", s.x(), column(s.loss()));
            if (s.minEigenvalue() != null) {
                sink.series("min_eigenvalue", s.x(), column(s.minEigenvalue()));
                sink.series("max_eigenvalue", s.x(), column(s.maxEigenvalue()));
            }
        }
        double max = Double.NEGATIVE_INFINITY;
        for (double[] row : s.loss()) {
            for (double v : row) {
                max = Math.max(max, v);
            }
        }
        sink.metric("origin_loss", s.originLoss());
        sink.metric("min_loss", s.minLoss());
        sink.metric("max_loss", max);
        sink.metric("range", plan.effectiveRange());
        sink.metric("grid", plan.grid());
    }

    private static void writePath(RunContext c, Problem p, Objective f, double[] to, RecordSink sink) {
        double[] end = to;
        if (Boolean.parseBoolean(c.param("align", "false"))) {
            ModelObjective m = p.modelObjective();
            end = PermutationAlignment.align(p.network(), p.theta(), to).aligned();
            double[] before = m.predictions(to, new double[m.outputCount()]);
            double[] after = m.predictions(end, new double[m.outputCount()]);
            double change = 0;
            for (int i = 0; i < before.length; i++) {
                change = Math.max(change, Math.abs(before[i] - after[i]));
            }
            sink.metric("alignment_function_change", change);
        }
        Tolerance tol = new Tolerance(c.tolerance("monotone_tol", 0.0), 0);
        PathProfile path = LinearPath.profile(f, p.theta(), end, intParam(c, "points", 101), tol);
        sink.series("path_loss", path.lambdas(), path.losses());
        sink.metric("barrier", path.barrier());
        sink.metric("barrier_lambda", path.barrierLambda());
        sink.metric("barrier_above_endpoints", path.barrierAboveEndpoints());
        sink.metric("path_monotone", path.monotone() ? 1 : 0);
        sink.metric("first_increase_lambda", path.firstIncreaseLambda());
    }

    private static int intParam(RunContext c, String name, int fallback) {
        String v = c.param(name, Integer.toString(fallback)).trim();
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("landscape: " + name + " must be an integer, got '" + v + "'");
        }
    }

    private static double[] column(double[][] grid) {
        double[] out = new double[grid.length];
        for (int i = 0; i < grid.length; i++) {
            out[i] = grid[i][0];
        }
        return out;
    }
}
