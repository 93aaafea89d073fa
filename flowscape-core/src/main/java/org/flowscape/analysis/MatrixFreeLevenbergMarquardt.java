package org.flowscape.analysis;

import java.util.ArrayList;
import java.util.List;
import org.flowscape.linalg.Vectors;
import org.flowscape.objective.Objective;

/**
 * Critical points of any index without forming the Hessian: Levenberg–Marquardt on ∇L = 0, i.e. damped Gauss–Newton
 * on the merit ½‖∇L‖², whose gradient H∇L costs one HVP. Each step solves (H² + μI)s = −H∇L by conjugate gradients
 * (two HVPs per CG iteration) and is accepted when the merit falls (Nielsen's damping update). For the large P where
 * {@link Polisher} cannot form H; near a non-degenerate critical point with enough CG iterations it converges like
 * Newton. Cost per iteration: one gradient, 2 + 2·(CG iterations) HVPs.
 */
public final class MatrixFreeLevenbergMarquardt {
    /** CG stops when its residual is below this fraction of ‖H∇L‖. */
    public static final double CG_REL = 1e-10;

    private MatrixFreeLevenbergMarquardt() {
    }

    /**
     * Polishes from {@code start} (read only) to ‖∇L‖ ≤ {@code config.gradientTolerance()} within
     * {@code config.maxIterations()}; {@code cgIterations} bounds each inner solve. The config's method is ignored.
     */
    public static PolishResult polish(Objective objective, double[] start, PolishConfig config, int cgIterations) {
        int p = objective.dim();
        double[] theta = start.clone();
        double[] g = new double[p];
        double value = objective.valueAndGradient(theta, g);
        double mu = Double.NaN;
        double nu = 2;
        List<PolishStep> history = new ArrayList<>();
        double[] hg = new double[p];
        double[] hs = new double[p];
        for (int it = 0; ; it++) {
            double gn = Vectors.norm2(g);
            if (!Double.isFinite(value) || !Double.isFinite(gn)) {
                return new PolishResult(theta, value, gn, PolishStatus.NON_FINITE, it, history, config);
            }
            if (gn <= config.gradientTolerance()) {
                history.add(new PolishStep(it, value, gn, 0, mu, false));
                return new PolishResult(theta, value, gn, PolishStatus.CONVERGED, it, history, config);
            }
            if (it >= config.maxIterations() || Vectors.normInf(theta) > config.divergenceBound()) {
                PolishStatus s = it >= config.maxIterations() ? PolishStatus.MAX_ITERATIONS : PolishStatus.DIVERGED;
                return new PolishResult(theta, value, gn, s, it, history, config);
            }
            objective.hessianVectorProduct(theta, g, hg);
            double hgn = Vectors.norm2(hg);
            if (Double.isNaN(mu)) {
                double rayleigh = hgn / gn;
                mu = 1e-3 * Math.max(rayleigh * rayleigh, Double.MIN_NORMAL);
            }
            double[] s = solve(objective, theta, hg, mu, cgIterations, p);
            double sn = Vectors.norm2(s);
            if (sn <= Polisher.STEP_REL * (1 + Vectors.norm2(theta))) {
                history.add(new PolishStep(it, value, gn, sn, mu, false));
                return new PolishResult(theta, value, gn, PolishStatus.STALLED, it, history, config);
            }
            objective.hessianVectorProduct(theta, s, hs);
            double predicted = 0;
            for (int i = 0; i < p; i++) {
                double r = g[i] + hs[i];
                predicted += g[i] * g[i] - r * r;
            }
            predicted *= 0.5;
            double[] trial = Vectors.addScaled(theta, 1, s);
            double[] tg = new double[p];
            double tv = objective.valueAndGradient(trial, tg);
            double tn = Vectors.norm2(tg);
            double actual = 0.5 * (gn * gn - tn * tn);
            double rho = !Double.isFinite(tn) ? -1 : predicted > 0 ? actual / predicted : (actual > 0 ? 1 : -1);
            boolean accept = rho > 0;
            history.add(new PolishStep(it, value, gn, sn, mu, accept));
            if (accept) {
                theta = trial;
                g = tg;
                value = tv;
                mu *= Math.max(1.0 / 3, 1 - Math.pow(2 * rho - 1, 3));
                nu = 2;
            } else {
                mu *= nu;
                nu *= 2;
            }
        }
    }

    /** CG on (H² + μI)s = −b. */
    private static double[] solve(Objective f, double[] theta, double[] b, double mu, int maxIter, int p) {
        double[] s = new double[p];
        double[] r = new double[p];
        for (int i = 0; i < p; i++) {
            r[i] = -b[i];
        }
        double[] d = r.clone();
        double[] hd = new double[p];
        double[] hhd = new double[p];
        double rr = Vectors.dot(r, r);
        double stop = CG_REL * CG_REL * rr;
        for (int k = 0; k < maxIter && rr > stop; k++) {
            f.hessianVectorProduct(theta, d, hd);
            f.hessianVectorProduct(theta, hd, hhd);
            double dad = 0;
            for (int i = 0; i < p; i++) {
                hhd[i] += mu * d[i];
                dad += d[i] * hhd[i];
            }
            if (!(dad > 0)) {
                break;
            }
            double alpha = rr / dad;
            Vectors.axpy(alpha, d, s);
            Vectors.axpy(-alpha, hhd, r);
            double rrNew = Vectors.dot(r, r);
            double beta = rrNew / rr;
            rr = rrNew;
            for (int i = 0; i < p; i++) {
                d[i] = r[i] + beta * d[i];
            }
        }
        return s;
    }
}
