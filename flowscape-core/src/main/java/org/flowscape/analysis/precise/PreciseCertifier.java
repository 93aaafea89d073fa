package org.flowscape.analysis.precise;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import org.flowscape.analysis.Certificate;
import org.flowscape.linalg.Matrix;
import org.flowscape.linalg.SymmetricEigen;
import org.flowscape.objective.ModelObjective;

/**
 * Certifies a critical point of a shallow tanh/sigmoid network under a squared error in extended precision, for
 * points too ill-conditioned for the double-precision {@link org.flowscape.analysis.Certifier} (with λ_min/λ_max =
 * 1e-12 a double-precision point is only located to ≈ 1e-4 along the soft direction, so no double box can hold the
 * critical point and an accurate Hessian at once). Three steps, all in {@link BigDecimal} at {@code digits} digits:
 * <ol>
 *   <li>Refine: Newton's method from the double-precision point, with the gradient and Hessian evaluated at the
 *   current centre ({@link ShallowIntervalRisk} on a point box), until ‖∇L‖∞ stops falling or drops below
 *   10^−(digits−10).</li>
 *   <li>Existence and uniqueness: the Krawczyk test K(X) = x̃ − Y∇L(x̃) + (I − Y H(X))(X − x̃) ⊂ int X on a box X
 *   around the refined centre x̃, Y ≈ H(x̃)⁻¹, with outward-rounded enclosures of ∇L(x̃) and of the Hessian over
 *   X.</li>
 *   <li>Inertia and λ_min: with V the double-precision eigenvectors of H(x̃), ‖VᵀV − I‖∞ ≤ δ &lt; 1/2 is proved, the
 *   Gershgorin discs of the interval matrix VᵀH(X)V must exclude 0; the discs left of 0 count the index (Sylvester),
 *   and by Ostrowski's theorem λ_min(H*) = λ_min(VᵀH*V)/ϑ with ϑ ∈ [1 − δ, 1 + δ], which with Gershgorin's lower end
 *   and the smallest diagonal upper end encloses λ_min.</li>
 * </ol>
 * Cost: each Hessian enclosure is n·P(P+1)/2 interval multiply-adds plus 2nH exponentials at {@code digits} digits
 * (about 0.2 s for n = 60, P = 10 at 50 digits; a whole certificate, about five enclosures, took about 1 s on B1's
 * minima); the Newton steps and Krawczyk add O(P³) operations each.
 */
public final class PreciseCertifier {
    /** The default working precision in decimal digits. */
    public static final int DEFAULT_DIGITS = 50;
    /** The largest n·P² accepted (the Hessian enclosure's cost). */
    public static final long MAX_WORK = 4_000_000L;
    /** The most extended-precision Newton steps. */
    public static final int MAX_NEWTON = 40;
    /** The largest relative box radius tried. */
    public static final double LAST_RADIUS = 1e-12;

    private PreciseCertifier() {
    }

    /** Why {@code objective} cannot be certified here, or null when it can. */
    public static String refusal(ModelObjective objective) {
        String why = ShallowIntervalRisk.refusal(objective);
        if (why != null) {
            return why;
        }
        long work = (long) objective.data().size() * objective.dim() * objective.dim();
        return work > MAX_WORK ? "n·P² = " + work + " exceeds the extended-precision certificate's limit of "
                + MAX_WORK : null;
    }

    /** Certifies the critical point near θ (read only) at {@code digits} decimal digits. */
    public static PreciseCertificate certify(ModelObjective objective, double[] theta, int digits) {
        String why = refusal(objective);
        if (why != null) {
            return PreciseCertificate.refused(Certificate.Status.NOT_CERTIFIABLE, "not certifiable: " + why, digits,
                    0, Double.NaN, 0, theta);
        }
        Precision pr = new Precision(digits);
        ShallowIntervalRisk risk = ShallowIntervalRisk.of(objective, pr);
        int p = risk.dim();
        Refined ref = refine(risk, theta);
        double[] center = new double[p];
        double shift = 0;
        for (int i = 0; i < p; i++) {
            center[i] = ref.x[i].doubleValue();
            shift = Math.max(shift, Math.abs(center[i] - theta[i]));
        }
        if (ref.y == null) {
            return PreciseCertificate.refused(Certificate.Status.NOT_PROVED, "the Hessian is singular at " + digits
                    + " digits, so no box holds a unique critical point", digits, ref.steps, ref.gradient, shift,
                    center);
        }
        return Krawczyk.prove(risk, ref, center, shift);
    }

    /** The refined centre x (exact decimals), the approximate inverse Y at it, and the gradient reached. */
    record Refined(BigDecimal[] x, BigDecimal[] hessianMid, BigDecimal[] y, int steps, double gradient) {
    }

    private static Refined refine(ShallowIntervalRisk risk, double[] theta) {
        int p = risk.dim();
        Precision pr = risk.precision();
        MathContext mc = pr.plus(5).nearest();
        BigDecimal[] x = new BigDecimal[p];
        for (int i = 0; i < p; i++) {
            x[i] = new BigDecimal(theta[i]);
        }
        double target = Math.pow(10, -(pr.digits() - 10));
        Refined best = null;
        int stalled = 0;
        for (int steps = 0;; steps++) {
            ShallowIntervalRisk.Jet jet = risk.enclose(points(x), true);
            BigDecimal[] g = mids(jet.gradient(), pr);
            BigDecimal[] h = mids(jet.hessian(), pr);
            double norm = magnitude(jet.gradient());
            stalled = best == null || norm < 0.5 * best.gradient() ? 0 : stalled + 1;
            if (best == null || norm < best.gradient()) {
                best = new Refined(x.clone(), h, null, steps, norm);
            }
            boolean done = norm <= target || stalled >= 3 || steps >= MAX_NEWTON;
            BigDecimal[] step = done ? null : BigLinear.solve(h, g, p, 1, mc);
            if (step == null) {
                BigDecimal[] y = BigLinear.solve(best.hessianMid(), BigLinear.identity(p), p, p, mc);
                return new Refined(best.x(), best.hessianMid(), y, best.steps(), best.gradient());
            }
            for (int i = 0; i < p; i++) {
                x[i] = x[i].subtract(step[i], mc);
            }
        }
    }

    static BigInterval[] points(BigDecimal[] x) {
        BigInterval[] out = new BigInterval[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = BigInterval.point(x[i]);
        }
        return out;
    }

    static BigDecimal[] mids(BigInterval[] v, Precision pr) {
        BigDecimal[] out = new BigDecimal[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i].mid(pr.plus(5));
        }
        return out;
    }

    /** max over the entries of their magnitudes, as a double rounded up. */
    static double magnitude(BigInterval[] v) {
        BigDecimal m = BigDecimal.ZERO;
        for (BigInterval e : v) {
            m = m.max(e.magnitude());
        }
        return up(m);
    }

    /** The smallest double ≥ x. */
    static double up(BigDecimal x) {
        double d = x.round(new MathContext(20, RoundingMode.CEILING)).doubleValue();
        return new BigDecimal(d).compareTo(x) >= 0 ? d : Math.nextUp(d);
    }

    /** The largest double ≤ x. */
    static double down(BigDecimal x) {
        double d = x.round(new MathContext(20, RoundingMode.FLOOR)).doubleValue();
        return new BigDecimal(d).compareTo(x) <= 0 ? d : Math.nextDown(d);
    }

    /** The eigenvectors (columns of V, row-major P × P) of a symmetric matrix given in decimals, from double. */
    static double[] eigenvectors(BigDecimal[] h, int p) {
        Matrix m = Matrix.zeros(p, p);
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                m.set(i, j, h[i * p + j].doubleValue());
            }
        }
        SymmetricEigen e = SymmetricEigen.decompose(m);
        double[] v = new double[p * p];
        for (int j = 0; j < p; j++) {
            double[] col = e.vector(j);
            for (int i = 0; i < p; i++) {
                v[i * p + j] = col[i];
            }
        }
        return v;
    }
}
