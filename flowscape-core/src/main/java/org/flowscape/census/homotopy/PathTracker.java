package org.flowscape.census.homotopy;

/**
 * Predictor–corrector tracking of a solution path of H(z, t) = 0 along a parameter path t(τ): a classical
 * fourth-order Runge–Kutta predictor on the Davidenko equation dz/dτ = −H_z⁻¹·H_t·t'(τ) and a Newton corrector of at
 * most three iterations, with an adaptive step (doubled after three accepted steps in a row, halved when the
 * corrector does not converge or contracts too slowly, which guards against path jumping). Allgower &amp; Georg,
 * Numerical Continuation Methods (1990), ch. 2 and 6. Our own because no maintained Java library tracks homotopy
 * paths. Not thread-safe (owns scratch buffers); one tracker per thread.
 */
final class PathTracker {
    /** How a segment ended. */
    enum Outcome { OK, STEP_UNDERFLOW, TOO_MANY_STEPS, NOT_FINITE }

    private static final int CORRECTOR_ITERATIONS = 3;
    private static final double CONTRACTION = 0.25;
    /**
     * The first Newton correction may be at most this fraction of the predictor's increment: a larger one means
     * the prediction left the path's basin, where Newton could converge to a neighbouring path (path jumping).
     */
    private static final double PREDICTOR_TRUST = 0.05;

    private final TotalDegreeHomotopy homotopy;
    private final TrackerSettings settings;
    private final TotalDegreeHomotopy.Workspace ws;
    private final int m;
    private final double[] h;
    private final double[] hz;
    private final double[] ht;
    private final double[] lu;
    private final double[] rhs;
    private final double[] t = new double[4];
    private final double[][] k;
    private final double[] trial;
    private int steps;

    PathTracker(TotalDegreeHomotopy homotopy, TrackerSettings settings) {
        this.homotopy = homotopy;
        this.settings = settings;
        this.ws = homotopy.workspace();
        this.m = homotopy.unknowns() + 1;
        this.h = new double[2 * m];
        this.hz = new double[2 * m * m];
        this.ht = new double[2 * m];
        this.lu = new double[2 * m * m];
        this.rhs = new double[2 * m];
        this.k = new double[4][2 * m];
        this.trial = new double[2 * m];
    }

    /** The number of accepted and rejected steps since construction. */
    int steps() {
        return steps;
    }

    /**
     * Tracks z (length 2(n+1), overwritten with the end point) along {@code path} from τ = 0 to 1. z must solve
     * H(·, t(0)) = 0 to corrector accuracy.
     */
    Outcome track(double[] z, ParameterPath path) {
        return track(z, path, settings.initialStep(), settings.maxStep(), settings.maxSteps());
    }

    /**
     * As {@link #track(double[], ParameterPath)} with this segment's own first step, largest step and step limit
     * (short endgame arcs start with the whole arc; the direct run to t = 1 gets a small step budget).
     */
    Outcome track(double[] z, ParameterPath path, double firstStep, double largestStep, int stepLimit) {
        double tau = 0;
        double step = firstStep;
        int accepted = 0;
        int taken = 0;
        while (tau < 1) {
            if (taken++ >= stepLimit) {
                return Outcome.TOO_MANY_STEPS;
            }
            steps++;
            double hstep = Math.min(step, 1 - tau);
            if (predict(z, path, tau, hstep) && correct(trial, path, tau + hstep >= 1 ? 1 : tau + hstep,
                    PREDICTOR_TRUST * distance(trial, z))) {
                System.arraycopy(trial, 0, z, 0, z.length);
                tau = tau + hstep >= 1 ? 1 : tau + hstep;
                if (++accepted >= 3) {
                    step = Math.min(2 * step, largestStep);
                    accepted = 0;
                }
            } else {
                accepted = 0;
                step /= 2;
                if (step < settings.minStep()) {
                    return finite(z) ? Outcome.STEP_UNDERFLOW : Outcome.NOT_FINITE;
                }
            }
        }
        return finite(z) ? Outcome.OK : Outcome.NOT_FINITE;
    }

    /** RK4 from (z, τ) over a step of length hs into {@link #trial}; false when a Jacobian is singular. */
    private boolean predict(double[] z, ParameterPath path, double tau, double hs) {
        double[] c = {0, 0.5, 0.5, 1};
        for (int s = 0; s < 4; s++) {
            for (int j = 0; j < z.length; j++) {
                trial[j] = s == 0 ? z[j] : z[j] + c[s] * hs * k[s - 1][j];
            }
            if (!tangent(trial, path, tau + c[s] * hs, k[s])) {
                return false;
            }
        }
        for (int j = 0; j < z.length; j++) {
            trial[j] = z[j] + hs / 6 * (k[0][j] + 2 * k[1][j] + 2 * k[2][j] + k[3][j]);
        }
        return finite(trial);
    }

    /** dz/dτ = −H_z⁻¹·H_t·t'(τ) into {@code out}. */
    private boolean tangent(double[] z, ParameterPath path, double tau, double[] out) {
        path.at(tau, t);
        homotopy.evaluate(z, t[0], t[1], h, hz, ht, ws);
        for (int i = 0; i < m; i++) {
            out[2 * i] = -(ht[2 * i] * t[2] - ht[2 * i + 1] * t[3]);
            out[2 * i + 1] = -(ht[2 * i] * t[3] + ht[2 * i + 1] * t[2]);
        }
        System.arraycopy(hz, 0, lu, 0, lu.length);
        return ComplexLinear.solve(lu, out, m, 1);
    }

    /** Newton on H(·, t(τ)) = 0 starting from z (overwritten); true when it converged and contracted. */
    boolean correct(double[] z, ParameterPath path, double tau, double firstBound) {
        path.at(tau, t);
        double previous = Double.POSITIVE_INFINITY;
        for (int it = 0; it < CORRECTOR_ITERATIONS; it++) {
            double delta = newtonStep(z, t[0], t[1]);
            if (!(delta < Double.POSITIVE_INFINITY)) {
                return false;
            }
            double scale = settings.correctorTolerance() * (1 + ComplexLinear.norm(z));
            if (it == 0 && delta > firstBound + scale) {
                return false;
            }
            if (delta <= scale) {
                return true;
            }
            if (it > 0 && delta > CONTRACTION * previous) {
                return false;
            }
            previous = delta;
        }
        return false;
    }

    /** One Newton step at complex t, applied to z; returns ‖Δz‖ (infinite when H_z is singular). */
    double newtonStep(double[] z, double tRe, double tIm) {
        homotopy.evaluate(z, tRe, tIm, h, hz, ht, ws);
        for (int j = 0; j < rhs.length; j++) {
            rhs[j] = -h[j];
        }
        System.arraycopy(hz, 0, lu, 0, lu.length);
        if (!ComplexLinear.solve(lu, rhs, m, 1)) {
            return Double.POSITIVE_INFINITY;
        }
        for (int j = 0; j < z.length; j++) {
            z[j] += rhs[j];
        }
        double d = ComplexLinear.norm(rhs);
        return finite(z) ? d : Double.POSITIVE_INFINITY;
    }

    /** ‖H(z, 1)‖, the residual of the target (and chart) at z. */
    double residualAtEnd(double[] z) {
        homotopy.evaluate(z, 1, 0, h, hz, ht, ws);
        return ComplexLinear.norm(h);
    }

    /** The condition number of H_z at (z, t = 1). */
    double conditionAtEnd(double[] z) {
        homotopy.evaluate(z, 1, 0, h, hz, ht, ws);
        return ComplexLinear.condition(hz, m);
    }

    private static double distance(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            s += (a[j] - b[j]) * (a[j] - b[j]);
        }
        return Math.sqrt(s);
    }

    private static boolean finite(double[] z) {
        for (double v : z) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }
}
