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
        for (int level = 0; level < MAX_RADII; level++) {
            double[] estimate = new double[z.length];
            int winding = loop(z, r, estimate);
            if (winding < 0) {
                return failed(k, z, "Cauchy endgame loop at radius " + r + " did not " + (winding == -1
                        ? "track" : "close within " + settings.maxWinding() + " loops"), before);
            }
            double scale = settings.endgameTolerance() * (1 + ComplexLinear.norm(estimate));
            // the mean over a loop that encloses other branch points is the mean of several endpoints, equal at
            // consecutive radii but not a root: only an estimate with a small residual is a limit
            if (previous != null && distance(estimate, previous) <= scale
                    && tracker.residualAtEnd(estimate) <= RESIDUAL * (1 + ComplexLinear.norm(estimate))) {
                return finish(k, estimate, winding, tracker.conditionAtEnd(estimate), before);
            }
            previous = estimate;
            double next = r * settings.endgameRatio();
            if (tracker.track(z, ParameterPath.segment(1 - r, 0, 1 - next, 0), 0.25, 1, settings.maxSteps())
                    != PathTracker.Outcome.OK) {
                return failed(k, z, "endgame tracking to radius " + next + " failed", before);
            }
            r = next;
        }
        return failed(k, previous, "Cauchy estimates did not settle within " + MAX_RADII + " radii", before);
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
