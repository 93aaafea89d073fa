package org.flowscape.dynamics;

import org.flowscape.linalg.Matrix;
import org.flowscape.linalg.SymmetricEigen;

/**
 * The generic Rosenbrock stepper for stiff gradient flows, run from a {@link RosenbrockTableau}: linearly implicit,
 * with the exact Hessian as Jacobian (J = −H). No maintained Java library has a Rosenbrock (or any stiff) integrator —
 * Hipparchus' are all explicit — so this one is ours.
 *
 * <p>Linear algebra: each step takes one dense Hessian (P Hessian-vector products) and its LAPACK eigendecomposition
 * H = V Λ Vᵀ (dsyevd, about 9P³ flops). Every stage solve (I/(hγ) + H) u = r is then V diag(1/(1/(hγ) + λ)) Vᵀ r
 * (4P² flops), for any h: a rejected step retries with a smaller h at no new factorization. A stage whose shifted
 * eigenvalue 1/(hγ) + λ_j is (nearly) zero — possible only at negative curvature λ_j ≈ −1/(hγ) — is rejected and
 * retried with h/2; at a fixed step size the run ends there with {@link Status#NON_FINITE} and says why.
 *
 * <p>Step control: the error estimate Σ e_i u_i in the weighted RMS norm with atol + rtol·max(|y0|, |y1|), accepted
 * at ≤ 1, next h = h·min(4, max(0.2, 0.9·err^(−1/(q+1)))) with q the embedded order. Dense output: cubic Hermite.
 */
final class RosenbrockFlow {
    private static final double SINGULAR_SHIFT = 1e-12;

    private final Evaluator eval;
    private final RosenbrockTableau tab;
    private final int p;
    private final double[] hessian;
    private double[] values;
    private double[] vectors;
    private final double[][] u;
    private final double[] fy;
    private final double[] rhs;
    private final double[] work;
    private final double[] stage;
    private final double[] y1;
    private final double[] err;

    private RosenbrockFlow(Evaluator eval, RosenbrockTableau tab) {
        this.eval = eval;
        this.tab = tab;
        this.p = eval.dim;
        this.hessian = new double[p * p];
        this.u = new double[tab.stages()][p];
        this.fy = new double[p];
        this.rhs = new double[p];
        this.work = new double[p];
        this.stage = new double[p];
        this.y1 = new double[p];
        this.err = new double[p];
    }

    static FlowResult run(Evaluator eval, double[] theta0, FlowConfig config, String choice, RunTracker tracker) {
        RosenbrockFlow flow = new RosenbrockFlow(eval, config.tableau());
        long[] rejected = new long[1];
        boolean adaptive = Double.isNaN(config.stepSize());
        if (tracker.start(0, theta0)) {
            try {
                flow.integrate(config, tracker, rejected);
            } catch (Evaluator.Halt halt) {
                if (tracker.status == null) {
                    tracker.halt(halt);
                }
            }
        }
        String name = FlowMethod.STIFF.spelling() + "(" + config.tableau().name() + ")";
        return tracker.finish(name, choice, rejected[0], adaptive ? config.relativeTolerance() : Double.NaN,
                adaptive ? config.absoluteTolerance() : Double.NaN, adaptive ? Double.NaN : config.stepSize(), "");
    }

    private void integrate(FlowConfig config, RunTracker tracker, long[] rejected) {
        double horizon = tracker.rule().horizon();
        boolean adaptive = Double.isNaN(config.stepSize());
        double rtol = config.relativeTolerance();
        double atol = config.absoluteTolerance();
        double h = adaptive ? initialStep(tracker, rtol, atol) : config.stepSize();
        double[] grad1 = new double[p];
        double[] theta0 = new double[p];
        double[] grad0 = new double[p];
        factor(tracker.theta);
        while (true) {
            double t = tracker.time;
            double minStep = HipparchusFlow.MIN_STEP_RELATIVE * Math.max(1, Math.abs(t));
            boolean last = t + h >= horizon;
            double step = last ? horizon - t : h;
            double errNorm = attempt(tracker.theta, tracker.gradient, step, rtol, atol);
            if (!adaptive && errNorm == Double.POSITIVE_INFINITY) {
                // a fixed step cannot be retried smaller: the stage solve would divide by zero
                tracker.end(Status.NON_FINITE, "the stage matrix I/(h*gamma) + H is singular at t = " + t
                        + " with the fixed step " + step + "; choose another step or leave the step adaptive");
                return;
            }
            if (adaptive && !(errNorm <= 1)) {
                rejected[0]++;
                h = step * (Double.isFinite(errNorm) ? Math.max(0.2, 0.9 * Math.pow(errNorm, -exponent())) : 0.5);
                if (h < minStep) {
                    tracker.end(Status.STEP_TOO_SMALL, "step " + h + " below " + minStep + " at t = " + t);
                    return;
                }
                continue;
            }
            System.arraycopy(tracker.theta, 0, theta0, 0, p);
            System.arraycopy(tracker.gradient, 0, grad0, 0, p);
            double loss1 = eval.evaluate(y1, grad1);
            double t1 = last ? horizon : t + step;
            StepInterpolant interp = StepInterpolant.hermite(t, theta0, grad0, t1, y1, grad1);
            if (!tracker.accept(interp, y1, loss1, grad1)) {
                return;
            }
            if (adaptive) {
                h = step * Math.min(4, Math.max(0.2, 0.9 * Math.pow(Math.max(errNorm, 1e-10), -exponent())));
            }
            factor(tracker.theta);
        }
    }

    private double exponent() {
        return 1.0 / (tab.embeddedOrder() + 1);
    }

    /** Hairer's starting step: 0.01·‖y0‖/‖f0‖ in the weighted norm, within the horizon. */
    private double initialStep(RunTracker tracker, double rtol, double atol) {
        double d0 = 0;
        double d1 = 0;
        for (int i = 0; i < p; i++) {
            double sc = atol + rtol * Math.abs(tracker.theta[i]);
            d0 += Math.pow(tracker.theta[i] / sc, 2);
            d1 += Math.pow(tracker.gradient[i] / sc, 2);
        }
        d0 = Math.sqrt(d0 / p);
        d1 = Math.sqrt(d1 / p);
        double h = d0 < 1e-5 || d1 < 1e-5 ? 1e-6 : 0.01 * d0 / d1;
        double horizon = tracker.rule().horizon();
        return Double.isFinite(horizon) ? Math.min(h, horizon) : h;
    }

    /** The Hessian at θ (read only) and its eigendecomposition, once per accepted step. */
    private void factor(double[] theta) {
        eval.hessian(theta, hessian);
        SymmetricEigen eig = SymmetricEigen.decompose(new Matrix(p, p, hessian.clone()));
        values = eig.values();
        vectors = eig.vectors();
    }

    /**
     * One step of size h from (y0, ∇L(y0)) into {@link #y1} and {@link #err}; returns the weighted error norm, or
     * +∞ when a shifted eigenvalue is singular.
     */
    private double attempt(double[] y0, double[] g0, double h, double rtol, double atol) {
        double shift = 1 / (h * tab.gamma());
        for (double lambda : values) {
            if (Math.abs(shift + lambda) <= SINGULAR_SHIFT * shift) {
                return Double.POSITIVE_INFINITY;
            }
        }
        int s = tab.stages();
        for (int i = 0; i < s; i++) {
            if (i == 0) {
                for (int k = 0; k < p; k++) {
                    fy[k] = -g0[k];
                }
            } else if (!tab.reusesPrevious(i)) {
                System.arraycopy(y0, 0, stage, 0, p);
                for (int j = 0; j < i; j++) {
                    axpy(tab.a()[i][j], u[j], stage);
                }
                eval.evaluate(stage, fy);
                for (int k = 0; k < p; k++) {
                    fy[k] = -fy[k];
                }
            }
            System.arraycopy(fy, 0, rhs, 0, p);
            for (int j = 0; j < i; j++) {
                axpy(tab.c()[i][j] / h, u[j], rhs);
            }
            solve(shift, rhs, u[i]);
        }
        System.arraycopy(y0, 0, y1, 0, p);
        java.util.Arrays.fill(err, 0);
        for (int i = 0; i < s; i++) {
            axpy(tab.m()[i], u[i], y1);
            axpy(tab.e()[i], u[i], err);
        }
        double sum = 0;
        for (int k = 0; k < p; k++) {
            double sc = atol + rtol * Math.max(Math.abs(y0[k]), Math.abs(y1[k]));
            sum += (err[k] / sc) * (err[k] / sc);
        }
        return Math.sqrt(sum / p);
    }

    /** out = V diag(1/(shift + λ)) Vᵀ r; r read only. */
    private void solve(double shift, double[] r, double[] out) {
        java.util.Arrays.fill(work, 0);
        for (int i = 0; i < p; i++) {
            double ri = r[i];
            int row = i * p;
            for (int j = 0; j < p; j++) {
                work[j] += vectors[row + j] * ri;
            }
        }
        for (int j = 0; j < p; j++) {
            work[j] /= shift + values[j];
        }
        for (int i = 0; i < p; i++) {
            double sum = 0;
            int row = i * p;
            for (int j = 0; j < p; j++) {
                sum += vectors[row + j] * work[j];
            }
            out[i] = sum;
        }
    }

    private static void axpy(double a, double[] x, double[] y) {
        if (a != 0) {
            for (int k = 0; k < y.length; k++) {
                y[k] += a * x[k];
            }
        }
    }
}
