package org.flowscape.graph;

import org.flowscape.analysis.PolishConfig;
import org.flowscape.analysis.PolishMethod;
import org.flowscape.analysis.PolishResult;
import org.flowscape.analysis.PolishStatus;
import org.flowscape.analysis.Polisher;
import org.flowscape.linalg.Vectors;
import org.flowscape.objective.Objective;

/**
 * Steepest-descent quenches with small checked steps, so that a quench follows the steepest-descent path and stays
 * in the basin it started in: every step is at most {@link GraphConfig#maxStep} long and must decrease L by the
 * Armijo fraction {@value #ARMIJO} of the predicted decrease (halved until it does); once ‖∇L‖ falls below
 * {@value #HANDOVER} the trust-region Newton polisher (radius maxStep, itself monotone in L) finishes to
 * {@link GraphConfig#gradTol}. Off a saddle ({@link #fromSaddle}) the push-off δ along the unstable eigenvector v is
 * checked before descending: L(θ ± δv) ≤ L(θ), the gradient there points away from the saddle along ±v, and the
 * displacement stays in the saddle's quadratic region, where the gradient is linear: |±v·∇L(θ ± δv) − λδ| ≤
 * {@value #QUADRATIC_SLACK}·|λ|δ (the gradient, not the loss change ½λδ², so the test survives round-off at flat
 * saddles); δ is halved until all three hold. A push-off too large for the saddle's neighbourhood can land beyond a
 * narrow well's far ridge and wire the saddle to the wrong minimum; the checks prevent it. Cost per descent step: one
 * value and gradient (more on a halved step); the polish: dense Hessians.
 */
public final class Quench {
    /** Armijo's sufficient-decrease fraction. */
    public static final double ARMIJO = 1e-4;
    /** Steepest descent hands over to Newton polishing once ‖∇L‖₂ is below this. */
    public static final double HANDOVER = 1e-3;
    /** The most steepest-descent steps before handing over anyway. */
    public static final int MAX_DESCENT_STEPS = 5000;
    /** The allowed relative departure of the push-off's gradient along v from the linear model λδ. */
    public static final double QUADRATIC_SLACK = 0.5;
    /**
     * A polish that stalls in round-off (steps rejected because the loss change is below its rounding error) with
     * ‖∇L‖ within this factor of the tolerance counts as converged, with a note: the basin is identified all the same.
     */
    public static final double STALL_FACTOR = 1e3;
    /** Push-offs are halved at most this many times. */
    public static final int MAX_HALVINGS = 40;

    private Quench() {
    }

    /** Quenches from {@code start} (read only) to a minimum. */
    public static QuenchResult descend(Objective objective, double[] start, GraphConfig config) {
        return descend(objective, start, config, Double.NaN, "");
    }

    /**
     * Quenches off the saddle at {@code saddle} (read only, a polished index-1 point) along {@code sign}·{@code v}
     * ({@code v} a unit eigenvector of its negative eigenvalue {@code lambda}, read only). With {@code checked} false
     * the push-off {@link GraphConfig#pushOff} is used as it is (the naive method, kept to show what the checks
     * prevent).
     */
    public static QuenchResult fromSaddle(Objective objective, double[] saddle, double[] v, double lambda, int sign,
            GraphConfig config, boolean checked) {
        int p = saddle.length;
        double top = objective.value(saddle);
        double delta = config.pushOff();
        double[] g = new double[p];
        for (int h = 0; ; h++) {
            double[] start = Vectors.addScaled(saddle, sign * delta, v);
            if (!checked) {
                return descend(objective, start, config, delta, "push-off unchecked");
            }
            double value = objective.valueAndGradient(start, g);
            double along = sign * Vectors.dot(g, v);
            double model = lambda * delta;
            boolean lower = value <= top;
            boolean linear = Math.abs(along - model) <= QUADRATIC_SLACK * Math.abs(model);
            boolean away = along < 0;
            if (lower && linear && away) {
                return descend(objective, start, config, delta, "");
            }
            if (h == MAX_HALVINGS) {
                return new QuenchResult(start, value, Vectors.norm2(g), 0, false, delta, "no push-off down to "
                        + delta + " passed the checks (lower " + lower + ", linear " + linear + ", away " + away
                        + ")");
            }
            delta /= 2;
        }
    }

    private static QuenchResult descend(Objective objective, double[] start, GraphConfig config, double pushOff,
            String note) {
        int p = start.length;
        double[] theta = start.clone();
        double[] g = new double[p];
        double[] trialG = new double[p];
        double value = objective.valueAndGradient(theta, g);
        double gn = Vectors.norm2(g);
        double t = config.maxStep() / Math.max(gn, Double.MIN_NORMAL);
        int steps = 0;
        while (gn > HANDOVER && steps < MAX_DESCENT_STEPS && Double.isFinite(value)) {
            t = Math.min(t, config.maxStep() / gn);
            double[] trial = Vectors.addScaled(theta, -t, g);
            double trialValue = objective.valueAndGradient(trial, trialG);
            if (trialValue <= value - ARMIJO * t * gn * gn) {
                theta = trial;
                value = trialValue;
                System.arraycopy(trialG, 0, g, 0, p);
                gn = Vectors.norm2(g);
                steps++;
                t *= 1.5;
            } else {
                t /= 2;
                if (t * gn <= 1e-15 * (1 + Vectors.norm2(theta))) {
                    break;
                }
            }
        }
        PolishConfig polish = new PolishConfig(PolishMethod.NEWTON, config.gradTol(), 200, config.maxStep(), 1e6);
        PolishResult r = Polisher.polish(objective, theta, polish);
        boolean stalledClose = r.status() == PolishStatus.STALLED
                && r.gradientNorm() <= STALL_FACTOR * config.gradTol();
        String how = r.converged() ? note : (note.isEmpty() ? "" : note + "; ") + "polish ended " + r.status()
                + " at |grad| " + r.gradientNorm();
        return new QuenchResult(r.theta(), r.value(), r.gradientNorm(), steps, r.converged() || stalledClose, pushOff,
                how);
    }
}
