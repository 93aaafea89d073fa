package org.flowscape.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.flowscape.geometry.Slice;
import org.flowscape.geometry.SlicePlan;
import org.flowscape.geometry.TrajectoryProjection;
import org.flowscape.spec.ParamsFile;
import org.flowscape.spec.Problem;
import org.flowscape.spec.ProblemSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import org.flowscape.operation.JsonOutput;
import org.flowscape.operation.AnalysisJson;

/** {@code flowscape landscape}: a 1-D or 2-D loss slice around θ (docs/geometry.md). */
@Command(name = "landscape", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"The loss on a 1-D or 2-D slice around theta along filter-normalized random directions,",
            "Hessian eigenvectors, or the plane through three parameter files; optionally the extreme Hessian",
            "eigenvalues at every node. Example: flowscape landscape --model mlp:2-8-1:relu",
            "--data gaussian:n=50,d=2,seed=1 --params theta.json --slice 2d --grid 21 --json"})
public final class LandscapeCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private ProblemOptions problem;

    @Option(names = "--slice", paramLabel = "1d|2d", defaultValue = "2d", description = "Slice dimension (default 2d).")
    private String slice;

    @Option(names = "--directions", paramLabel = "KIND", defaultValue = "random",
            description = "random (filter-normalized Gaussian), hessian (top, and bottom for 2d, eigenvectors) or "
                    + "points:A,B,C (plane through three params files; origin A). Default random.")
    private String directions;

    @Option(names = "--grid", paramLabel = "N", defaultValue = "51", description = "Points per axis (default 51).")
    private int grid;

    @Option(names = "--range", paramLabel = "R",
            description = "Axes run over [-R, R] (default 1.0); for points:A,B,C the margin around the points as a "
                    + "fraction of their extent (default 0.25).")
    private Double range;

    @Option(names = "--eigs", description = "Smallest and largest Hessian eigenvalue at every grid node.")
    private boolean eigs;

    @Option(names = "--trajectory", paramLabel = "FILE",
            description = "Overlay a trajectory (CSV with columns theta_0.., as 'flow --csv' writes): plane "
                    + "coordinates, projection error and the loss at the projection vs the true loss.")
    private Path trajectory;

    @Option(names = "--json", description = "Print one JSON document (fields in docs/geometry.md) instead of text.")
    private boolean json;

    @Option(names = "--csv", paramLabel = "FILE",
            description = "Write the grid as CSV: i,j,x,y,loss[,min_eigenvalue,max_eigenvalue].")
    private Path csv;

    @Override
    public Integer call() throws Exception {
        Problem p = load();
        long seed = problem.seed == null ? 0 : problem.seed;
        SlicePlan plan = plan(p, seed);
        Slice s = plan.run(p.objective(), p.theta());
        TrajectoryProjection overlay = trajectory == null ? null
                : TrajectoryProjection.of(p.objective(), s.directions(), TrajectoryCsv.read(trajectory, p.dim()));
        if (csv != null) {
            writeCsv(s);
        }
        if (json) {
            ObjectNode doc = JsonOutput.document("landscape");
            doc.set("problem", AnalysisJson.problem(p));
            doc.put("seed", seed);
            doc.set("slice", GeometryJson.slice(s, plan.effectiveRange()));
            doc.set("trajectory", overlay == null ? null : GeometryJson.overlay(overlay));
            JsonOutput.print(spec.commandLine().getOut(), doc);
        } else {
            text(spec.commandLine().getOut(), p, s, plan);
            if (overlay != null) {
                spec.commandLine().getOut().println("trajectory  " + overlay.trueLoss().length + " points, max "
                        + "projection error " + AnalysisJson.num(overlay.maxProjectionError()));
                spec.commandLine().getOut().flush();
            }
        }
        return ExitCodes.OK;
    }

    /** --seed seeds the directions; it initializes θ only when no params are given. */
    private Problem load() throws IOException {
        ProblemSpec file = problem.file(Set.of()).spec();
        boolean hasParams = problem.params != null || file.params() != null;
        ProblemSpec flags = new ProblemSpec(problem.model, problem.data, problem.loss, problem.params,
                hasParams ? null : problem.seed);
        return Problem.load(file.overriddenBy(flags));
    }

    private SlicePlan plan(Problem p, long seed) throws IOException {
        int dim = switch (slice.trim().toLowerCase(Locale.ROOT)) {
            case "1d" -> 1;
            case "2d" -> 2;
            default -> throw new IllegalArgumentException("--slice must be 1d or 2d, got '" + slice + "'");
        };
        String kind = directions.trim();
        List<double[]> points = new ArrayList<>();
        if (kind.toLowerCase(Locale.ROOT).startsWith("points:")) {
            String[] files = kind.substring("points:".length()).split(",");
            if (files.length != 3) {
                throw new IllegalArgumentException("--directions points:A,B,C needs exactly three params files "
                        + "separated by commas, got " + files.length);
            }
            for (String f : files) {
                points.add(ParamsFile.read(Path.of(f.trim()), p.dim()));
            }
            kind = "points";
        }
        if (range != null && !(range > 0 && Double.isFinite(range))) {
            throw new IllegalArgumentException("--range must be a positive finite number, got " + range
                    + "; e.g. --range 0.5, or leave it out for the default");
        }
        return new SlicePlan(dim, kind, grid, range == null ? Double.NaN : range, eigs, seed, points);
    }

    private void writeCsv(Slice s) {
        StringBuilder b = new StringBuilder("i,j,x,y,loss");
        boolean e = s.minEigenvalue() != null;
        b.append(e ? ",min_eigenvalue,max_eigenvalue\n" : "\n");
        for (int i = 0; i < s.x().length; i++) {
            for (int j = 0; j < s.y().length; j++) {
                b.append(i).append(',').append(j).append(',').append(s.x()[i]).append(',').append(s.y()[j])
                        .append(',').append(s.loss()[i][j]);
                if (e) {
                    b.append(',').append(s.minEigenvalue()[i][j]).append(',').append(s.maxEigenvalue()[i][j]);
                }
                b.append('\n');
            }
        }
        try {
            Files.writeString(csv, b, StandardCharsets.UTF_8);
        } catch (IOException ex) {
            throw new IllegalArgumentException("cannot write --csv " + csv + ": " + UserErrors.reason(ex)
                    + "; give a writable file path");
        }
    }

    private static void text(PrintWriter out, Problem p, Slice s, SlicePlan plan) {
        out.println("model       " + p.modelSpec() + "   P = " + p.dim());
        out.println("theta       " + p.thetaSource());
        out.println("directions  " + s.directions().description());
        out.printf(Locale.ROOT, "grid        %dd, %d x %d nodes, range %s%n", s.dimension(), s.x().length,
                s.y().length, AnalysisJson.num(plan.effectiveRange()));
        out.println("loss        origin " + AnalysisJson.num(s.originLoss()) + "   min " + AnalysisJson.num(s.minLoss())
                + "   (--json or --csv for the grid)");
        if (s.minEigenvalue() != null) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < s.x().length; i++) {
                for (int j = 0; j < s.y().length; j++) {
                    lo = Math.min(lo, s.minEigenvalue()[i][j]);
                    hi = Math.max(hi, s.maxEigenvalue()[i][j]);
                }
            }
            out.println("curvature   " + s.curvatureMethod() + "; over the grid lambda_min >= "
                    + AnalysisJson.num(lo) + ", lambda_max <= " + AnalysisJson.num(hi));
        }
        out.flush();
    }
}
