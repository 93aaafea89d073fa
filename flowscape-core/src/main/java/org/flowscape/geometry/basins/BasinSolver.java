package org.flowscape.geometry.basins;

import org.flowscape.linalg.Matrix;
import org.flowscape.loss.SquaredError;
import org.ojalgo.matrix.store.R064Store;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.convex.ConvexSolver;

/**
 * Computes basin values. First {@link Admm} (400 iterations) with an exact polish on the active set it guesses;
 * when that is not certified, the exact primal {@link ActiveSet} method runs from ADMM's point and its working set
 * supports the KKT multipliers. Only if that too fails to certify (not observed on W3's programs) and the program
 * has at most 60 variables, the {@link BasinProgram} is solved by ojAlgo's {@link ConvexSolver} (objective
 * ½uᵀQu − cᵀu with Q = 2s·ΦᵀΦ, c = 2s·Φᵀy, constraints −a_{g,t}⟨u_g, x_t⟩ ≤ 0); ojAlgo regularises the singular Q
 * and stops near 1e-8 relative accuracy, so its solution is then polished: the constraints it leaves (nearly) tight
 * are imposed as equalities, the equality-constrained least-squares problem is solved exactly on the null spaces
 * (thin SVDs), multipliers come from non-negative least squares, and the KKT certificate decides. Several tightness
 * thresholds are tried and the point with the smallest gap is kept (ojAlgo's own point included).
 *
 * <p>Cost: ADMM 400 × 2(G·d)², then the active-set iterations (one m × (≤ G·d) SVD each). Thread-safe (no state).
 */
public final class BasinSolver {
    /** Tightness thresholds (relative to ‖x_t‖·(1 + ‖u_g‖)) tried for the active-set polish. */
    private static final double[] THRESHOLDS = {1e-7, 1e-9, 1e-5, 1e-11, 1e-3};

    /** ADMM iterations before the exact active-set method takes over from ADMM's point. */
    private static final int ADMM_ITERATIONS = 400;

    /** Iteration cap of the exact active-set method (each iteration adds or drops one constraint). */
    private static final int ACTIVE_SET_ITERATIONS = 5000;

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
        if (fast != null && cert[0].certified()) {
            return new BasinValue(program.loss(fast), program.toNetwork(fast, start), cert[0], program.groups(),
                    "admm+polish");
        }
        boolean[] working = new boolean[program.groups() * program.m()];
        double[] exact = ActiveSet.solve(program, fast != null ? fast : new double[program.variables()], working,
                ACTIVE_SET_ITERATIONS);
        KktCertificate exactCert = Kkt.certify(program, exact, working, tolerance);
        if (exactCert.certified() || program.variables() > OJALGO_MAX_VARIABLES) {
            if (fast == null || better(exactCert, cert[0])) {
                return new BasinValue(program.loss(exact), program.toNetwork(exact, start), exactCert,
                        program.groups(), "active-set");
            }
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

    private static boolean better(KktCertificate a, KktCertificate b) {
        return Math.max(a.gap(), a.primalViolation()) < Math.max(b.gap(), b.primalViolation());
    }

    static double[] ojalgo(BasinProgram p) {
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
