package org.flowscape.geometry.basins;

import org.flowscape.linalg.Matrix;
import org.flowscape.loss.SquaredError;
import org.ojalgo.matrix.store.R064Store;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.convex.ConvexSolver;

/**
 * Computes basin values. First {@link Admm} with an exact active-set polish; when that finds no certified point,
 * the {@link BasinProgram} is solved by ojAlgo's active-set {@link ConvexSolver} (objective
 * ½uᵀQu − cᵀu with Q = 2s·ΦᵀΦ, c = 2s·Φᵀy, constraints −a_{g,t}⟨u_g, x_t⟩ ≤ 0); ojAlgo regularises the singular Q
 * and stops near 1e-8 relative accuracy, so its solution is then polished: the constraints it leaves (nearly) tight
 * are imposed as equalities, the equality-constrained least-squares problem is solved exactly on the null spaces
 * (thin SVDs), multipliers come from non-negative least squares, and the KKT certificate decides. Several tightness
 * thresholds are tried and the point with the smallest gap is kept (ojAlgo's own point included).
 *
 * <p>Cost: ojAlgo's dense active-set method on G·d variables and G·m constraints (G ≤ k groups), then per threshold
 * one m × (≤ G·d) SVD. Thread-safe (no state).
 */
public final class BasinSolver {
    /** Tightness thresholds (relative to ‖x_t‖·(1 + ‖u_g‖)) tried for the active-set polish. */
    private static final double[] THRESHOLDS = {1e-7, 1e-9, 1e-5, 1e-11, 1e-3};

    /** ADMM iterations before falling back to ojAlgo. */
    private static final int ADMM_ITERATIONS = 4000;

    /** Programs larger than this are not handed to ojAlgo (seconds to minutes each); ADMM's best point is kept. */
    private static final int OJALGO_MAX_VARIABLES = 60;

    private final double tolerance;

    /** @param tolerance the KKT gap accepted as certified, e.g. 1e-9 */
    public BasinSolver(double tolerance) {
        this.tolerance = tolerance;
    }

    /** The tolerance this solver certifies to. */
    public double tolerance() {
        return tolerance;
    }

    /** The factor s of the loss s·Σ(p − y)² for a squared-error normalization with m points. */
    public static double scale(SquaredError.Normalization normalization, int m) {
        return switch (normalization) {
            case HALF_MEAN -> 0.5 / m;
            case MEAN -> 1.0 / m;
            case HALF_SUM -> 0.5;
        };
    }

    /** Bas of the initialization {@code net} on data (x, y), loss s·Σ(p − y)². */
    public BasinValue solve(ReluNet net, Matrix x, Matrix y, double scale) {
        BasinProgram program = BasinProgram.of(SignPattern.of(net, x), x, y, scale);
        return solve(program, net);
    }

    /** Solves {@code program}; {@code start} supplies the width and the weights of neurons active nowhere. */
    public BasinValue solve(BasinProgram program, ReluNet start) {
        if (program.groups() == 0) {
            double[] none = new double[0];
            return new BasinValue(program.loss(none), program.toNetwork(none, start), KktCertificate.trivial(tolerance),
                    0, "none");
        }
        KktCertificate[] cert = new KktCertificate[1];
        double[] fast = Admm.solve(program, tolerance, ADMM_ITERATIONS, cert);
        if (fast != null && (cert[0].certified() || program.variables() > OJALGO_MAX_VARIABLES)) {
            return new BasinValue(program.loss(fast), program.toNetwork(fast, start), cert[0], program.groups(),
                    "admm+polish");
        }
        double[] raw = ojalgo(program);
        double[] best = raw;
        KktCertificate bestCert = Kkt.certify(program, raw, tight(program, raw, 1e-7), tolerance);
        String method = "ojalgo";
        for (double threshold : THRESHOLDS) {
            if (bestCert.gap() <= tolerance * 1e-3) {
                break;
            }
            boolean[] tight = tight(program, raw, threshold);
            double[] u = Polish.onActiveSet(program, tight, raw);
            KktCertificate c = Kkt.certify(program, u, tight(program, u, 1e-9), tolerance);
            if (c.gap() < bestCert.gap()) {
                best = u;
                bestCert = c;
                method = "ojalgo+polish";
            }
        }
        return new BasinValue(program.loss(best), program.toNetwork(best, start), bestCert, program.groups(), method);
    }

    /** Constraints with c_{g,t} ≤ threshold·‖x_t‖·(1 + ‖u_g‖), as a G × m row-major mask. */
    static boolean[] tight(BasinProgram p, double[] u, double threshold) {
        boolean[] tight = new boolean[p.groups() * p.m()];
        for (int g = 0; g < p.groups(); g++) {
            double norm = 0;
            for (int c = 0; c < p.d(); c++) {
                norm += u[g * p.d() + c] * u[g * p.d() + c];
            }
            double scaleU = 1 + Math.sqrt(norm);
            for (int t = 0; t < p.m(); t++) {
                tight[g * p.m() + t] = p.constraint(u, g, t) <= threshold * p.pointNorm(t) * scaleU;
            }
        }
        return tight;
    }

    private static double[] ojalgo(BasinProgram p) {
        int n = p.variables();
        int m = p.m();
        int d = p.d();
        double[] phi = new double[m * n];
        for (int g = 0; g < p.groups(); g++) {
            for (int t = 0; t < m; t++) {
                if (p.isActive(g, t)) {
                    for (int c = 0; c < d; c++) {
                        phi[t * n + g * d + c] = p.sign()[g] * p.x()[t * d + c];
                    }
                }
            }
        }
        R064Store q = R064Store.FACTORY.make(n, n);
        R064Store c = R064Store.FACTORY.make(n, 1);
        double two = 2 * p.scale();
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                double s = 0;
                for (int t = 0; t < m; t++) {
                    s += phi[t * n + i] * phi[t * n + j];
                }
                q.set(i, j, two * s);
                q.set(j, i, two * s);
            }
            double s = 0;
            for (int t = 0; t < m; t++) {
                s += phi[t * n + i] * p.y()[t];
            }
            c.set(i, 0, two * s);
        }
        R064Store a = R064Store.FACTORY.make((long) p.groups() * m, n);
        R064Store b = R064Store.FACTORY.make((long) p.groups() * m, 1);
        for (int g = 0; g < p.groups(); g++) {
            for (int t = 0; t < m; t++) {
                double sgn = p.isActive(g, t) ? -1 : 1;
                for (int cc = 0; cc < d; cc++) {
                    a.set(g * m + t, g * d + cc, sgn * p.x()[t * d + cc]);
                }
            }
        }
        Optimisation.Options options = new Optimisation.Options();
        Optimisation.Result result = ConvexSolver.newBuilder().objective(q, c).inequalities(a, b).build(options)
                .solve();
        double[] u = new double[n];
        if (result.getState().isFeasible()) {
            for (int i = 0; i < n; i++) {
                u[i] = result.doubleValue(i);
            }
        }
        return u;
    }
}
