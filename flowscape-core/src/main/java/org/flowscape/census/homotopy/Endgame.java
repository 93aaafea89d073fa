package org.flowscape.census.homotopy;

/**
 * Runs one path from its start root to t = 1: tracking to t = 1 − r, then a direct run to t = 1 accepted only when
 * the endpoint is well conditioned, and otherwise the Cauchy endgame: around the circles |1 − t| = r_k (r_k
 * shrinking geometrically) the path is followed until it closes after c loops (the cycle number), and the limit is
 * the mean of equally spaced samples over the c loops, i.e. the trapezoid rule for Cauchy's integral formula in
 * s^{1/c} (Morgan, Sommese &amp; Wampler, Computing singular solutions to polynomial systems, Adv. Appl. Math. 13,
 * 1992). The endgame stops when two radii give estimates within the endgame tolerance. Not thread-safe.
 */
final class Endgame {
    private static final int MAX_RADII = 12;
    private static final double LOOP_CLOSURE = 1e-6;
    private static final int POLISH_STEPS = 3;
    /** Radii whose |z_0|/‖z‖ ratios must fall steadily for the valuation test. */
    private static final int VALUATION_RADII = 4;
    /** The valuation test needs the last ratio below this. */
    private static final double VALUATION_LIMIT = 1e-2;
    /** The smallest valuation ν (|z_0| ~ r^ν) taken as a path to infinity. */
    private static final double MIN_VALUATION = 0.05;
    /** An endgame estimate is a root when ‖H(z, 1)‖ ≤ this · (1 + ‖z‖). */
    private static final double RESIDUAL = 1e-8;
    /** Steps allowed for the direct run from t = 1 − r to 1 before the endgame takes over. */
    private static final int DIRECT_STEPS = 200;

    private final TotalDegreeHomotopy homotopy;
    private final TrackerSettings settings;
    private final PathTracker tracker;

    Endgame(TotalDegreeHomotopy homotopy, TrackerSettings settings) {
        this.homotopy = homotopy;
        this.settings = settings;
        this.tracker = new PathTracker(homotopy, settings);
    }

    /** Tracks path {@code k} to its end. */
    PathResult run(long k) {
        int before = tracker.steps();
        double[] z = homotopy.start(k);
        double r = settings.endgameRadius();
        PathTracker.Outcome out = tracker.track(z, ParameterPath.segment(0, 0, 1 - r, 0));
        if (out != PathTracker.Outcome.OK) {
            return failed(k, z, "tracking to t = " + (1 - r) + ": " + out, before);
        }
        double[] direct = z.clone();
        if (tracker.track(direct, ParameterPath.segment(1 - r, 0, 1, 0), settings.initialStep(), settings.maxStep(),
                DIRECT_STEPS) == PathTracker.Outcome.OK) {
            polish(direct);
            double cond = tracker.conditionAtEnd(direct);
            if (cond <= settings.singularCondition()) {
                return finish(k, direct, 1, cond, before);
            }
        }
        return cauchy(k, z, r, before);
    }

    private PathResult cauchy(long k, double[] z, double radius, int before) {
        double r = radius;
        double[] previous = null;
        double[] valuation = new double[MAX_RADII];
        String problem = "Cauchy estimates did not settle within " + MAX_RADII + " radii";
        for (int level = 0; level < MAX_RADII; level++) {
            valuation[level] = Math.hypot(z[0], z[1]) / ComplexLinear.norm(z);
            double[] estimate = new double[z.length];
            int winding = loop(z, r, estimate);
            if (winding == -1) {
                return infinityOrFailed(k, z, valuation, level, "Cauchy endgame loop at radius " + r
                        + " did not track", before);
            }
            if (winding > 0) {
                double scale = settings.endgameTolerance() * (1 + ComplexLinear.norm(estimate));
                // the mean over a loop that encloses other branch points is the mean of several endpoints, equal at
                // consecutive radii but not a root: only an estimate with a small residual is a limit
                if (previous != null && distance(estimate, previous) <= scale
                        && tracker.residualAtEnd(estimate) <= RESIDUAL * (1 + ComplexLinear.norm(estimate))) {
                    return finish(k, estimate, winding, tracker.conditionAtEnd(estimate), before);
                }
                previous = estimate;
            } else {
                // not closed within maxWinding loops: the circle encloses too many branch points; try a smaller one
                previous = null;
                problem = "the Cauchy loop did not close within " + settings.maxWinding() + " loops at radius " + r;
            }
            double next = r * settings.endgameRatio();
            if (tracker.track(z, ParameterPath.segment(1 - r, 0, 1 - next, 0), 0.25, 1, settings.maxSteps())
                    != PathTracker.Outcome.OK) {
                return infinityOrFailed(k, z, valuation, level + 1, "endgame tracking to radius " + next + " failed",
                        before);
            }
            r = next;
        }
        return infinityOrFailed(k, z, valuation, MAX_RADII, problem, before);
    }

    /**
     * When the endgame cannot settle, the path still goes to infinity if |z_0|/‖z‖ at t = 1 − r_k decays like a
     * power r^ν of the radius (its valuation ν &gt; 0): the last {@link #VALUATION_RADII} ratios fall geometrically
     * at a steady rate and the last is below {@link #VALUATION_LIMIT}. Otherwise the path is reported as failed.
     */
    private PathResult infinityOrFailed(long k, double[] z, double[] ratios, int count, String reason, int before) {
        if (count >= VALUATION_RADII && ratios[count - 1] <= VALUATION_LIMIT) {
            double log = Math.log(settings.endgameRatio());
            boolean steady = true;
            double first = Math.log(ratios[count - VALUATION_RADII + 1] / ratios[count - VALUATION_RADII]) / log;
            for (int i = count - VALUATION_RADII + 1; i < count && steady; i++) {
                double nu = Math.log(ratios[i] / ratios[i - 1]) / log;
                steady = nu > MIN_VALUATION && Math.abs(nu - first) <= 0.25 * first;
            }
            if (steady) {
                return new PathResult(k, PathStatus.AT_INFINITY, z, 0, Double.POSITIVE_INFINITY,
                        tracker.steps() - before, "at infinity by valuation (" + reason + ")");
            }
        }
        return failed(k, z, reason, before);
    }

    /**
     * Winds around |1 − t| = r from z (overwritten with the point after the last loop), accumulating the mean of the
     * samples into {@code estimate}; returns the cycle number, −1 when tracking failed, −2 when the path did not
     * close.
     */
    private int loop(double[] z, double r, double[] estimate) {
        double[] start = z.clone();
        int samples = settings.endgameSamples();
        double dphi = 2 * Math.PI / samples;
        for (int c = 1; c <= settings.maxWinding(); c++) {
            for (int s = 0; s < samples; s++) {
                for (int j = 0; j < z.length; j++) {
                    estimate[j] += z[j];
                }
                double phi = 2 * Math.PI * (c - 1) + s * dphi;
                if (tracker.track(z, ParameterPath.arc(r, phi, phi + dphi), 1, 1, settings.maxSteps())
                        != PathTracker.Outcome.OK) {
                    return -1;
                }
            }
            if (distance(z, start) <= LOOP_CLOSURE * (1 + ComplexLinear.norm(start))) {
                for (int j = 0; j < z.length; j++) {
                    estimate[j] /= samples * c;
                }
                return c;
            }
        }
        return -2;
    }

    private void polish(double[] z) {
        for (int i = 0; i < POLISH_STEPS; i++) {
            double[] trial = z.clone();
            double d = tracker.newtonStep(trial, 1, 0);
            if (!(d < Double.POSITIVE_INFINITY)) {
                return;
            }
            System.arraycopy(trial, 0, z, 0, z.length);
        }
    }

    private PathResult finish(long k, double[] z, int winding, double cond, int before) {
        double scale = ComplexLinear.norm(z);
        double z0 = Math.hypot(z[0], z[1]);
        boolean singular = winding > 1 || cond > settings.singularCondition();
        double infinity = singular ? settings.singularInfinityTolerance() : settings.infinityTolerance();
        PathStatus status = z0 <= infinity * scale ? PathStatus.AT_INFINITY
                : singular ? PathStatus.SINGULAR : PathStatus.REGULAR;
        return new PathResult(k, status, z, winding, cond, tracker.steps() - before, "");
    }

    private PathResult failed(long k, double[] z, String reason, int before) {
        return new PathResult(k, PathStatus.FAILED, z, 0, Double.POSITIVE_INFINITY, tracker.steps() - before,
                reason);
    }

    private static double distance(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            double d = a[j] - b[j];
            s += d * d;
        }
        return Math.sqrt(s);
    }
}
