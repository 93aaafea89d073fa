package org.flowscape.analysis;

import java.util.ArrayList;
import java.util.List;
import org.flowscape.linalg.Blas;
import org.flowscape.linalg.LinearAlgebra;
import org.flowscape.linalg.Vectors;
import org.flowscape.loss.SquaredError;
import org.flowscape.objective.ModelObjective;
import org.flowscape.objective.Objective;

/**
 * {@link PolishMethod#GAUSS_NEWTON}: Levenberg–Marquardt on the residuals r = f(θ; X) − Y of L = (c/2)‖r‖², then
 * Newton. The model (c/2)‖r + Js‖² + (cν/2)‖s‖² is minimized in its dual form s = −Jᵀu, (K + νI)u = r with the NTK Gram
 * K = JJᵀ (m × m, m = n·k outputs): one NTK (its upper triangle by {@link ModelObjective#ntkUpper}, from the layer
 * structure for an {@code EmpiricalRisk}, never through J) and one Cholesky solve per accepted point, no Hessian and no
 * eigensolve; s = −Jᵀu is one vector-Jacobian product (a backward pass). Since r + Js = νu, the predicted decrease is
 * (c/2)(‖r‖² − ν²‖u‖²) at no extra cost. The damping ν follows Nielsen's rule on the ratio of actual to predicted
 * decrease of L; a failed factorization (K + νI not numerically positive definite) counts as a rejected step. Because
 * the model drops the residual term of the Hessian it is convex, so it walks out of negative-curvature regions of L in
 * a few steps, and converges quadratically to an interpolating (zero-residual) minimum, where H = cJᵀJ. With more
 * outputs than parameters (m &gt; P) the residual cannot vanish generically, Gauss–Newton is only linear at the minimum
 * and the m × m dual system is larger than the P × P Hessian, so the polish is {@link NewtonPolisher} from the start.
 * Otherwise, when L stops falling ({@link #STALE_LIMIT} accepted steps in a row each removing less than {@link
 * #REQUIRED_DECREASE} of L: a non-zero-residual minimum, e.g. with a rank-deficient J) the iteration hands over to
 * Newton. Cost per accepted point: the NTK (m²·Σ(h_l + d_{l−1}) flops for a one-output network, m²P at most), m³/3 for
 * the Cholesky.
 */
final class GaussNewtonPolisher {
    /** Accepted steps in a row that lower L by less than the required fraction, after which Newton takes over. */
    static final int STALE_LIMIT = 3;
    /** The fraction of L an accepted step must remove to count as progress (m ≤ P). */
    static final double REQUIRED_DECREASE = 0.01;
    /** The first damping relative to max diag K (Nielsen's τ). */
    static final double INITIAL_DAMPING = 1e-3;
    /** The damping never falls below this fraction of max diag K (round-off level of K). */
    static final double MIN_DAMPING = 1e-15;

    private GaussNewtonPolisher() {
    }

    /** The objective as a squared-error model objective, or an {@link IllegalArgumentException} naming the fix. */
    static ModelObjective require(Objective objective) {
        ModelObjective m = objective.view(ModelObjective.class).orElse(null);
        if (m != null && m.loss() instanceof SquaredError) {
            return m;
        }
        throw new IllegalArgumentException("Gauss-Newton polishing needs a model objective with a squared-error loss "
                + "(mse, mse-mean, frobenius); use NEWTON or LEVENBERG_MARQUARDT for this objective");
    }

    static PolishResult polish(ModelObjective f, double[] start, PolishConfig config) {
        int p = f.dim();
        int m = f.outputCount();
        double c = ((SquaredError) f.loss()).curvature(f.data().size());
        double[] theta = start.clone();
        double[] g = new double[p];
        double value = f.valueAndGradient(theta, g);
        List<PolishStep> history = new ArrayList<>();
        if (m > p) {
            return NewtonPolisher.polish(f, theta, value, g, config, history, 0);
        }
        Blas blas = LinearAlgebra.blas();
        double[] gram = new double[m * m];
        double[] a = new double[m * m];
        double[] r = null;
        double nu = Double.NaN;
        double growth = 2;
        double kmax = 0;
        int stale = 0;
        boolean fresh = false;
        for (int it = 0; ; it++) {
            double gn = Vectors.norm2(g);
            if (!Double.isFinite(value) || !Double.isFinite(gn)) {
                return Polisher.result(theta, value, gn, PolishStatus.NON_FINITE, it, history, config);
            }
            PolishStatus stop = Polisher.stopBefore(value, gn, theta, it, config);
            if (stop != null) {
                if (stop == PolishStatus.CONVERGED) {
                    history.add(new PolishStep(it, value, gn, 0, nu, false));
                }
                return Polisher.result(theta, value, gn, stop, it, history, config);
            }
            if (stale >= STALE_LIMIT) {
                return NewtonPolisher.polish(f, theta, value, g, config, history, it);
            }
            if (!fresh) {
                f.ntkUpper(theta, gram);
                r = residuals(f, theta);
                kmax = 0;
                for (int i = 0; i < m; i++) {
                    kmax = Math.max(kmax, gram[i * m + i]);
                }
                fresh = true;
                if (Double.isNaN(nu)) {
                    nu = INITIAL_DAMPING * kmax;
                }
            }
            for (int i = 0; i < m; i++) {
                System.arraycopy(gram, i * m + i, a, i * m + i, m - i);
                a[i * m + i] += nu;
            }
            if (blas.choleskyFactor(m, a) != 0) {
                history.add(new PolishStep(it, value, gn, 0, nu, false));
                nu *= growth;
                growth *= 2;
                continue;
            }
            Trial t = trial(f, theta, value, gn, c, r, a, nu);
            if (t == null) {
                history.add(new PolishStep(it, value, gn, 0, nu, false));
                return Polisher.result(theta, value, gn, PolishStatus.STALLED, it, history, config);
            }
            boolean accept = t.rho > 0;
            history.add(new PolishStep(it, value, gn, t.stepNorm, nu, accept));
            if (accept) {
                stale = t.value > (1 - REQUIRED_DECREASE) * value ? stale + 1 : 0;
                nu *= Math.max(1.0 / 3, 1 - Math.pow(2 * t.rho - 1, 3));
                nu = Math.max(nu, MIN_DAMPING * kmax);
                growth = 2;
                theta = t.theta;
                g = t.gradient;
                value = t.value;
                fresh = false;
            } else {
                nu *= growth;
                growth *= 2;
            }
        }
    }

    /** A judged trial point: where, L and ∇L there, the ratio ρ and the step length. */
    private record Trial(double[] theta, double value, double[] gradient, double rho, double stepNorm) {
    }

    /**
     * The Levenberg–Marquardt step s = −Jᵀ(K + νI)⁻¹r and, with the same factor, a second step
     * ŝ = −Jᵀ(K + νI)⁻¹r(θ + s)
     * (Fan's modified LM: the residual at θ + s costs one forward pass and the solve 2m² + 2mP flops, against
     * m²P + m³/3 for a fresh J and factor; the pair converges cubically where J has full row rank). The pair is taken
     * when it beats s alone and its actual decrease of L has the predicted sign; otherwise s is judged alone. Values
     * come from forward passes (L = (c/2)‖r‖²), the gradient only at the point returned. Null when s is below
     * round-off.
     */
    private static Trial trial(ModelObjective f, double[] theta, double value, double gn, double c, double[] r,
            double[] factor, double nu) {
        LmStep first = lmStep(f, theta, r, factor, c, nu);
        double[] s = first.s();
        double stepNorm = Vectors.norm2(s);
        if (stepNorm <= Polisher.STEP_REL * (1 + Vectors.norm2(theta))) {
            return null;
        }
        double predicted = first.predicted();
        double[] y = Vectors.addScaled(theta, 1, s);
        double[] ry = residuals(f, y);
        double ly = 0.5 * c * Vectors.dot(ry, ry);
        if (predicted <= Polisher.ROUNDOFF_REL * Math.abs(value)) {
            double[] gy = new double[theta.length];
            double vy = f.valueAndGradient(y, gy);
            return new Trial(y, vy, gy, Vectors.norm2(gy) < gn ? 1 : -1, stepNorm);
        }
        double rho = Double.isFinite(ly) ? (value - ly) / predicted : -1;
        if (Double.isFinite(ly)) {
            // Fan's pair: a second step from θ + s with the same factor, judged together with the first
            LmStep second = lmStep(f, theta, ry, factor, c, nu);
            double[] z = Vectors.addScaled(y, 1, second.s());
            double[] rz = residuals(f, z);
            double lz = 0.5 * c * Vectors.dot(rz, rz);
            double pairRho = Double.isFinite(lz) ? (value - lz) / (predicted + second.predicted()) : -1;
            if (pairRho > 0 && lz < ly) {
                rho = pairRho;
                y = z;
                ly = lz;
            }
        }
        if (!(rho > 0)) {
            return new Trial(y, ly, null, rho, stepNorm);
        }
        double[] gy = new double[theta.length];
        double vy = f.valueAndGradient(y, gy);
        return new Trial(y, vy, gy, rho, Vectors.norm2(Vectors.subtract(y, theta)));
    }

    /** A step s = −Jᵀu, u = (K + νI)⁻¹r, and its model decrease (c/2)(‖r‖² − ν²‖u‖²) (since r + Js = νu). */
    private record LmStep(double[] s, double predicted) {
    }

    /**
     * The step for residual r from the Cholesky factor of K + νI, s = −Jᵀu by one vector-Jacobian product at θ.
     * Cost 2m² flops plus a backward pass.
     */
    private static LmStep lmStep(ModelObjective f, double[] theta, double[] r, double[] factor, double c, double nu) {
        double[] u = r.clone();
        solveFactored(r.length, factor, u);
        double[] s = f.vectorJacobianProduct(theta, u, new double[theta.length]);
        for (int i = 0; i < s.length; i++) {
            s[i] = -s[i];
        }
        return new LmStep(s, 0.5 * c * (Vectors.dot(r, r) - nu * nu * Vectors.dot(u, u)));
    }

    /**
     * Solves RᵀR u = b in place for the upper Cholesky factor R (row-major m × m, read only), both triangular solves
     * walking R by rows. Written here rather than through {@code Blas.choleskySolve} because the native binding copies
     * the whole m × m factor off-heap on every call (8 MB for W5, several times the 2m² flops of the solve), and the
     * factor is solved against twice per factorization. Cost m² multiply-adds (the O(m²) work here is against m³/3 for
     * the factorization).
     */
    static void solveFactored(int m, double[] factor, double[] b) {
        for (int k = 0; k < m; k++) {
            int row = k * m;
            double zk = b[k] / factor[row + k];
            b[k] = zk;
            for (int i = k + 1; i < m; i++) {
                b[i] -= factor[row + i] * zk;
            }
        }
        for (int i = m - 1; i >= 0; i--) {
            int row = i * m;
            // four partial sums: independent chains the JIT can pipeline (a single sum is latency-bound)
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            int j = i + 1;
            for (; j + 3 < m; j += 4) {
                s0 += factor[row + j] * b[j];
                s1 += factor[row + j + 1] * b[j + 1];
                s2 += factor[row + j + 2] * b[j + 2];
                s3 += factor[row + j + 3] * b[j + 3];
            }
            for (; j < m; j++) {
                s0 += factor[row + j] * b[j];
            }
            b[i] = (b[i] - ((s0 + s1) + (s2 + s3))) / factor[row + i];
        }
    }

    /** r = f(θ; X) − Y (a new array). */
    static double[] residuals(ModelObjective f, double[] theta) {
        double[] r = f.predictions(theta, new double[f.outputCount()]);
        double[] y = f.data().targets().data();
        for (int i = 0; i < r.length; i++) {
            r[i] -= y[i];
        }
        return r;
    }
}
