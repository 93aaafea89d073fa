package org.flowscape.geometry;

import java.util.function.DoubleFunction;
import org.flowscape.internal.Checks;
import org.flowscape.loss.Loss;
import org.flowscape.loss.SquaredError;
import org.flowscape.model.DenseLayer;
import org.flowscape.model.Network;
import org.flowscape.objective.ModelObjective;

/**
 * Safran and Shamir's Theorem 1 (ICML 2016; theory.md D.2): from an initialization W⁰ with L(P(W⁰)) &gt; L(0) and a
 * path W(λ) to a lower point W¹, a path along which the loss decreases strictly, obtained by rescaling only the last
 * (linear, bias-free) layer: c̃(λ) is the unique positive root of L(c·P(W(λ))) = v(λ). Squared losses use the closed
 * form of the quadratic; other convex losses use Hipparchus' bracketing Brent solver on a bracket grown by doubling.
 * Degenerate cases (requirements failing) are returned as a status, not thrown.
 */
public final class MonotonePath {
    private MonotonePath() {
    }

    /**
     * The construction on the straight path from {@code from} to {@code to} (both length P, read only), with the plain
     * straight path's profile on the same grid. Cost: about (points + finalPoints) · (1 + root evaluations) forward
     * passes; root evaluations are loss evaluations on cached predictions, O(nk) each.
     *
     * @throws IllegalArgumentException when the network's last layer has a bias or a non-identity activation
     */
    public static MonotonePathResult straight(ModelObjective objective, double[] from, double[] to,
            MonotonePathConfig config) {
        Checks.dimension("from", objective.dim(), from.length);
        Checks.dimension("to", objective.dim(), to.length);
        PathProfile plain = LinearPath.profile(objective, from, to, config.points(), PathProfile.DEFAULT_TOLERANCE);
        return build(objective, lambda -> LinearPath.point(from, to, lambda, new double[from.length]), plain, config);
    }

    /** The construction on a general continuous path λ ↦ W(λ) (fresh arrays of length P); no straight profile. */
    public static MonotonePathResult general(ModelObjective objective, DoubleFunction<double[]> path,
            MonotonePathConfig config) {
        return build(objective, path, null, config);
    }

    private static MonotonePathResult build(ModelObjective f, DoubleFunction<double[]> path, PathProfile plain,
            MonotonePathConfig config) {
        OutputScaling out = OutputScaling.of(f.network());
        ScaledLoss sl = new ScaledLoss(f, config);
        double[] w0 = path.apply(0.0);
        double[] w1 = path.apply(1.0);
        double l0 = sl.at(w0).value(1.0);
        double l1 = sl.at(w1).value(1.0);
        double lz = sl.at(w0).value(0.0);
        String method = f.loss() instanceof SquaredError ? "closed form (squared loss)"
                : "bracketing Brent root finding (Hipparchus, order 5)";
        if (!(l0 > lz)) {
            return failed(MonotonePathStatus.INIT_NOT_ABOVE_ZERO_PREDICTOR, "L(P(W0)) = " + l0
                    + " is not above L(0) = " + lz + " (requirement 2 of Theorem 1)", method, lz, l0, l1, plain,
                    config);
        }
        if (!(l1 < l0)) {
            return failed(MonotonePathStatus.TARGET_NOT_LOWER, "L(P(W1)) = " + l1 + " is not below L(P(W0)) = " + l0,
                    method, lz, l0, l1, plain, config);
        }
        double m = Math.max(lz, l1);
        double[] lam = LinearPath.lambdas(config.points());
        int n = lam.length;
        double[] scales = new double[n];
        double[] targets = new double[n];
        double[] losses = new double[n];
        double residual = 0;
        double[] theta = null;
        for (int k = 0; k < n; k++) {
            targets[k] = (1 - lam[k] / 3) * l0 + (lam[k] / 3) * m;
            theta = path.apply(lam[k]);
            double c = k == 0 ? 1.0 : sl.at(theta).upperRoot(targets[k]);
            if (Double.isNaN(c)) {
                return failed(MonotonePathStatus.NO_ROOT, "no scale c <= " + config.maxScale() + " reaches v = "
                        + targets[k] + " at lambda = " + lam[k] + " (requirement 1 of Theorem 1 fails there)", method,
                        lz, l0, l1, plain, config);
            }
            scales[k] = c;
            out.scale(theta, c);
            losses[k] = f.value(theta);
            residual = Math.max(residual, Math.abs(losses[k] - targets[k]));
        }
        double cEnd = sl.at(w1).endScale(scales[n - 1], l1);
        double[] fs = new double[config.finalPoints() - 1];
        double[] fl = new double[fs.length];
        double[] end = null;
        for (int k = 0; k < fs.length; k++) {
            double t = (k + 1.0) / fs.length;
            fs[k] = k == fs.length - 1 ? cEnd : (1 - t) * scales[n - 1] + t * cEnd;
            end = w1.clone();
            out.scale(end, fs[k]);
            fl[k] = f.value(end);
        }
        double inc = largestIncrement(losses, fl);
        boolean ok = inc < 0 && residualWithin(losses, targets, config) && Math.abs(fl[fl.length - 1] - l1)
                <= config.residualTolerance().threshold(l1);
        return new MonotonePathResult(ok ? MonotonePathStatus.CERTIFIED : MonotonePathStatus.NOT_CERTIFIED,
                ok ? "strict decrease certified on " + (n + fs.length) + " nodes"
                        : "largest increment " + inc + ", max residual " + residual, method, lam, scales, targets,
                losses, fs, fl, lz, l0, l1, cEnd, end, inc, residual, plain, config);
    }

    private static boolean residualWithin(double[] losses, double[] targets, MonotonePathConfig config) {
        for (int k = 0; k < losses.length; k++) {
            if (!config.residualTolerance().accepts(losses[k], targets[k])) {
                return false;
            }
        }
        return true;
    }

    private static double largestIncrement(double[] main, double[] tail) {
        double inc = Double.NEGATIVE_INFINITY;
        double prev = main[0];
        for (int k = 1; k < main.length + tail.length; k++) {
            double cur = k < main.length ? main[k] : tail[k - main.length];
            inc = Math.max(inc, cur - prev);
            prev = cur;
        }
        return inc;
    }

    private static MonotonePathResult failed(MonotonePathStatus status, String message, String method, double lz,
            double l0, double l1, PathProfile plain, MonotonePathConfig config) {
        double[] none = new double[0];
        return new MonotonePathResult(status, message, method, none, none, none, none, none, none, lz, l0, l1,
                Double.NaN, none, Double.NaN, Double.NaN, plain, config);
    }

    /** The last layer's weight block, which must be linear and bias-free for outputs to scale with it. */
    record OutputScaling(int offset, int size) {
        static OutputScaling of(Network net) {
            DenseLayer last = net.layers().get(net.depth() - 1);
            if (last.bias() || !last.activation().isIdentity()) {
                throw new IllegalArgumentException("the monotone-path construction rescales the last layer, which "
                        + "must be linear without bias (model " + net.spec() + "); use a model ending in a linear "
                        + "bias-free layer, e.g. mlp:D-H-1:relu:nobias");
            }
            return new OutputScaling(net.offset(net.depth() - 1), last.inputs() * last.outputs());
        }

        void scale(double[] theta, double c) {
            for (int i = offset; i < offset + size; i++) {
                theta[i] *= c;
            }
        }
    }

    /** c ↦ L(c·P) for the predictions P at one parameter vector. */
    static final class ScaledLoss {
        private final ModelObjective f;
        private final MonotonePathConfig config;
        private final double[] p;
        private final double[] scratch;
        private final double[] y;
        private final int n;
        private final int k;

        ScaledLoss(ModelObjective f, MonotonePathConfig config) {
            this.f = f;
            this.config = config;
            this.p = new double[f.outputCount()];
            this.scratch = new double[f.outputCount()];
            this.y = f.data().targets().data();
            this.n = f.data().size();
            this.k = f.network().outputDim();
        }

        ScaledLoss at(double[] theta) {
            f.predictions(theta, p);
            return this;
        }

        double value(double c) {
            for (int i = 0; i < p.length; i++) {
                scratch[i] = c * p[i];
            }
            return f.loss().value(scratch, y, n, k);
        }

        /** The positive root of L(cP) = v given L(0) &lt; v, or NaN when none is below maxScale. */
        double upperRoot(double v) {
            Loss loss = f.loss();
            if (loss instanceof SquaredError se) {
                return ScalarRoots.squaredUpperRoot(p, y, se.curvature(n), v);
            }
            return ScalarRoots.bracketedUpperRoot(this::value, v, config);
        }

        /** c': the largest c in [1, cTilde) with L(cP) = target (1 unless L still falls beyond c = 1). */
        double endScale(double cTilde, double target) {
            Loss loss = f.loss();
            if (loss instanceof SquaredError) {
                return ScalarRoots.squaredEndScale(p, y);
            }
            double[] g = new double[p.length];
            f.loss().valueAndGradient(p, y, n, k, g);
            double slope = 0;
            for (int i = 0; i < p.length; i++) {
                slope += g[i] * p[i];
            }
            return slope >= 0 ? 1.0 : ScalarRoots.bracketedEndScale(this::value, cTilde, target, config);
        }
    }
}
