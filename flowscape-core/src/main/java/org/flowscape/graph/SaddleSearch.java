package org.flowscape.graph;

import org.flowscape.analysis.DenseSpectrum;
import org.flowscape.linalg.SymmetricEigen;
import org.flowscape.linalg.Vectors;
import org.flowscape.objective.Objective;

/**
 * Refines a transition-state candidate to an index-1 saddle by hybrid eigenvector-following (Munro &amp; Wales, Phys.
 * Rev. B 59, 3969, 1999; the step of Baker, J. Comput. Chem. 7, 385, 1986): uphill along the eigenvector of the
 * smallest Hessian eigenvalue, downhill in every other direction. Dense route (P ≤ {@link GraphConfig#denseLimit}):
 * one exact Hessian eigendecomposition per iteration and Baker's partitioned step in the whole eigenbasis,
 * h₀ = −2F₀/(b₀ − √(b₀² + 4F₀²)) uphill and h_j = −2F_j/(b_j + √(b_j² + 4F_j²)) downhill (F the gradient's
 * coordinates, b the eigenvalues), so near the saddle it is Newton's method and converges quadratically. Lanczos route
 * (larger P): the smallest eigenpair by Lanczos, the uphill step along it, then {@value #TANGENT_STEPS} Armijo
 * steepest-descent steps in the hyperplane orthogonal to it (the "hybrid" of the name). Every step is capped at
 * {@link GraphConfig#maxStep}. Written here because no maintained Java library searches for saddles.
 */
public final class SaddleSearch {
    /** Tangent-space descent steps per Lanczos iteration. */
    public static final int TANGENT_STEPS = 10;

    private SaddleSearch() {
    }

    /** Searches from {@code start} (read only). */
    public static SaddleResult refine(Objective objective, double[] start, GraphConfig config) {
        boolean dense = objective.dim() <= config.denseLimit();
        double[] theta = start.clone();
        double[] g = new double[theta.length];
        for (int it = 0; ; it++) {
            double value = objective.valueAndGradient(theta, g);
            double gn = Vectors.norm2(g);
            if (!Double.isFinite(value) || !Vectors.allFinite(g)) {
                return end(objective, theta, it, false, config, "non-finite loss or gradient");
            }
            if (gn <= config.gradTol() || it >= config.saddleIterations()) {
                LocalSpectrum s = LocalSpectrum.at(objective, theta, config);
                boolean ok = gn <= config.gradTol() && s.index() == 1;
                String note = ok ? "" : gn > config.gradTol() ? "iteration limit " + it + " reached at |grad| " + gn
                        : "converged to a point of index " + s.index() + ", not 1";
                return new SaddleResult(theta, value, gn, it, ok, s, note);
            }
            theta = dense ? denseStep(objective, theta, g, config) : hybridStep(objective, theta, g, config);
        }
    }

    private static SaddleResult end(Objective objective, double[] theta, int it, boolean ok, GraphConfig config,
            String note) {
        double[] g = new double[theta.length];
        double v = objective.valueAndGradient(theta, g);
        return new SaddleResult(theta, v, Vectors.norm2(g), it, ok, null, note);
    }

    private static double[] denseStep(Objective objective, double[] theta, double[] g, GraphConfig config) {
        int p = theta.length;
        SymmetricEigen e = DenseSpectrum.of(objective, theta, config.zero()).eigen();
        double[] vec = e.vectors();
        double[] c = new double[p];
        for (int j = 0; j < p; j++) {
            double f = 0;
            for (int i = 0; i < p; i++) {
                f += vec[i * p + j] * g[i];
            }
            double b = e.values()[j];
            double root = Math.sqrt(b * b + 4 * f * f);
            double den = j == 0 ? b - root : b + root;
            c[j] = den == 0 ? 0 : -2 * f / den;
        }
        double[] s = new double[p];
        for (int i = 0; i < p; i++) {
            double acc = 0;
            for (int j = 0; j < p; j++) {
                acc += vec[i * p + j] * c[j];
            }
            s[i] = acc;
        }
        return capped(theta, s, config.maxStep());
    }

    private static double[] hybridStep(Objective objective, double[] theta, double[] g, GraphConfig config) {
        LocalSpectrum s = LocalSpectrum.at(objective, theta, config);
        double[] v = s.softest();
        double f = Vectors.dot(g, v);
        double b = s.lambdaMin();
        double den = b - Math.sqrt(b * b + 4 * f * f);
        double h = den == 0 ? 0 : -2 * f / den;
        h = Math.max(-config.maxStep(), Math.min(config.maxStep(), h));
        double[] x = Vectors.addScaled(theta, h, v);
        double curvature = Math.max(Math.abs(s.lambdaMax()), Double.MIN_NORMAL);
        double[] grad = new double[x.length];
        for (int k = 0; k < TANGENT_STEPS; k++) {
            double value = objective.valueAndGradient(x, grad);
            Vectors.axpy(-Vectors.dot(grad, v), v, grad);
            double gn = Vectors.norm2(grad);
            if (gn <= config.gradTol()) {
                break;
            }
            double t = Math.min(1 / curvature, config.maxStep() / gn);
            while (t * gn > 1e-15 * (1 + Vectors.norm2(x))) {
                double[] trial = Vectors.addScaled(x, -t, grad);
                if (objective.value(trial) <= value - Quench.ARMIJO * t * gn * gn) {
                    x = trial;
                    break;
                }
                t /= 2;
            }
        }
        return x;
    }

    private static double[] capped(double[] theta, double[] s, double maxStep) {
        double n = Vectors.norm2(s);
        double scale = n > maxStep ? maxStep / n : 1;
        return Vectors.addScaled(theta, scale, s);
    }
}
