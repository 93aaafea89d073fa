package org.flowscape.analysis;

import java.util.ArrayList;
import java.util.List;
import org.flowscape.linalg.Vectors;
import org.flowscape.objective.Objective;

/**
 * Index-1 saddle search by eigenvector following (Cerjan–Miller; in the partitioned form of Baker 1986, simplified):
 * from a minimum, climb along one Hessian eigenvector while descending in all others. Each iteration picks the
 * eigenvector with the largest overlap with the one followed so far; along it the step is +Δ while its eigenvalue is
 * positive (still in the bowl) and the maximizing Newton step g̃ₖ/|λₖ| once it is negative; along every other
 * eigenvector it is the descent step −g̃ⱼ/|λⱼ|; the whole step is capped at the trust radius Δ. Near an index-1
 * saddle this is Newton's method, so it converges quadratically there. Dense: one Hessian eigensolve per iteration.
 */
public final class EigenvectorFollowing {
    /** |λ| below this fraction of ‖H‖ is floored to it in the step's divisions. */
    public static final double CURVATURE_FLOOR_REL = 1e-12;

    private EigenvectorFollowing() {
    }

    /**
     * Follows eigenvector {@code mode} (0 = the softest) of H at {@code minimum} (read only) in direction
     * {@code direction} (+1 or −1 times the eigenvector normalized so its largest-magnitude entry is positive). Stops
     * at ‖∇L‖ ≤ the config's tolerance once the followed eigenvalue is negative. {@code config.initialRadius()} is the
     * (fixed) trust radius.
     */
    public static PolishResult search(Objective objective, double[] minimum, int mode, int direction,
            PolishConfig config) {
        if (direction != 1 && direction != -1) {
            throw new IllegalArgumentException("direction must be +1 or -1, got " + direction);
        }
        double[] theta = minimum.clone();
        QuadraticModel m = QuadraticModel.at(objective, theta);
        if (m == null) {
            return new PolishResult(theta, Double.NaN, Double.NaN, PolishStatus.NON_FINITE, 0, List.of(), config);
        }
        if (mode < 0 || mode >= m.p) {
            throw new IllegalArgumentException("mode must be in 0.." + (m.p - 1) + ", got " + mode);
        }
        double[] followed = column(m, mode);
        orient(followed, direction);
        List<PolishStep> history = new ArrayList<>();
        double radius = config.initialRadius();
        for (int it = 0; ; it++) {
            int k = bestOverlap(m, followed);
            double[] vk = column(m, k);
            double sign = Vectors.dot(vk, followed) >= 0 ? 1 : -1;
            Vectors.scale(sign, vk);
            followed = vk;
            boolean climbed = m.lambda[k] < 0;
            if (climbed && m.gradientNorm <= config.gradientTolerance()) {
                history.add(new PolishStep(it, m.value, m.gradientNorm, 0, radius, false));
                return new PolishResult(theta, m.value, m.gradientNorm, PolishStatus.CONVERGED, it, history, config);
            }
            if (it >= config.maxIterations() || Vectors.normInf(theta) > config.divergenceBound()) {
                PolishStatus s = it >= config.maxIterations() ? PolishStatus.MAX_ITERATIONS : PolishStatus.DIVERGED;
                return new PolishResult(theta, m.value, m.gradientNorm, s, it, history, config);
            }
            double[] c = step(m, k, sign, radius);
            double norm = QuadraticModel.norm(c);
            history.add(new PolishStep(it, m.value, m.gradientNorm, norm, radius, true));
            theta = Vectors.addScaled(theta, 1, m.toParameters(c));
            m = QuadraticModel.at(objective, theta);
            if (m == null) {
                return new PolishResult(theta, Double.NaN, Double.NaN, PolishStatus.NON_FINITE, it + 1, history,
                        config);
            }
        }
    }

    private static double[] step(QuadraticModel m, int k, double sign, double radius) {
        double floor = CURVATURE_FLOOR_REL * Math.max(m.spectralRadius(), Double.MIN_NORMAL);
        double[] c = new double[m.p];
        for (int j = 0; j < m.p; j++) {
            double curvature = Math.max(Math.abs(m.lambda[j]), floor);
            c[j] = j == k ? 0 : -m.gt[j] / curvature;
        }
        double gk = sign * m.gt[k];
        double along = m.lambda[k] < 0 ? gk / Math.max(-m.lambda[k], floor) : radius;
        c[k] = sign * along;
        double n = QuadraticModel.norm(c);
        if (n > radius) {
            Vectors.scale(radius / n, c);
        }
        return c;
    }

    private static int bestOverlap(QuadraticModel m, double[] followed) {
        int best = 0;
        double bestDot = -1;
        for (int j = 0; j < m.p; j++) {
            double d = 0;
            for (int i = 0; i < m.p; i++) {
                d += m.vectors[i * m.p + j] * followed[i];
            }
            if (Math.abs(d) > bestDot) {
                bestDot = Math.abs(d);
                best = j;
            }
        }
        return best;
    }

    private static double[] column(QuadraticModel m, int j) {
        double[] v = new double[m.p];
        for (int i = 0; i < m.p; i++) {
            v[i] = m.vectors[i * m.p + j];
        }
        return v;
    }

    private static void orient(double[] v, int direction) {
        int arg = 0;
        for (int i = 1; i < v.length; i++) {
            if (Math.abs(v[i]) > Math.abs(v[arg])) {
                arg = i;
            }
        }
        Vectors.scale(v[arg] >= 0 ? direction : -direction, v);
    }
}
