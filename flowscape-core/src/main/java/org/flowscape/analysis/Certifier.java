package org.flowscape.analysis;

import static org.flowscape.analysis.IntervalMath.down;
import static org.flowscape.analysis.IntervalMath.up;

import org.flowscape.linalg.Matrix;
import org.flowscape.linalg.SymmetricEigen;
import org.flowscape.linalg.Tolerance;
import org.flowscape.objective.ModelObjective;

/**
 * Proves that a true critical point of L exists, is unique in a box around a polished point, and has a given Morse
 * index — or says why it could not. Existence and uniqueness: the Krawczyk test K(X) = x̃ − Y∇L(x̃) + (I − Y H(X))(X −
 * x̃) ⊂ int X, with Y ≈ H(x̃)⁻¹ and interval enclosures of ∇L at x̃ and of the Hessian over X ({@link IntervalRisk},
 * outward rounding on every operation). Inertia: with V the floating-point eigenvectors of the midpoint Hessian, VᵀV
 * is proved nonsingular (‖VᵀV − I‖∞ &lt; 1 in interval arithmetic), so VᵀH*V has the inertia of the Hessian H* at the
 * critical point (Sylvester); VᵀH*V lies in the interval matrix VᵀH(X)V, and when every Gershgorin disc of that
 * matrix excludes 0 the number of discs left of 0 is the index (no eigenvalue can cross 0 as the off-diagonal part
 * is scaled down to 0). A point whose floating-point Hessian is singular at the stated tolerance is refused as
 * degenerate before any box is tried: it is never certified. Cost per radius tried: one interval Hessian enclosure
 * plus O(P³) interval operations.
 */
public final class Certifier {
    /** The smallest relative box radius tried. */
    public static final double FIRST_RADIUS = 1e-13;
    /** Each failed radius is multiplied by this. */
    public static final double RADIUS_GROWTH = 10;
    /** The largest P certified: the interval Hessian costs O(n · units · P²) and Krawczyk O(P³) interval operations. */
    public static final int MAX_PARAMETERS = 400;
    /** The largest relative box radius tried. */
    public static final double LAST_RADIUS = 1e-4;

    private Certifier() {
    }

    /** Certifies the critical point near θ (read only), refusing degenerate ones at {@code degeneracy}. */
    public static Certificate certify(ModelObjective objective, double[] theta, Tolerance degeneracy) {
        String refusal = IntervalRisk.refusal(objective);
        if (refusal != null) {
            return refuse(refusal, theta);
        }
        int p = objective.dim();
        if (p > MAX_PARAMETERS) {
            return refuse("not certifiable here: P = " + p + " exceeds the interval certification's limit of "
                    + MAX_PARAMETERS + " parameters", theta);
        }
        DenseSpectrum spectrum = DenseSpectrum.of(objective, theta, degeneracy);
        if (spectrum.nullity() > 0) {
            return refuse("not certifiable: degenerate (" + spectrum.nullity() + " Hessian eigenvalues within "
                    + spectrum.inertia().threshold() + " of 0), so no box holds a unique critical point", theta);
        }
        IntervalRisk risk = IntervalRisk.of(objective);
        IntervalJet atPoint = risk.enclose(theta, theta, false);
        double[] y = inverse(spectrum.eigen());
        double newton = newtonBound(y, atPoint.g, p);
        double start = Math.max(FIRST_RADIUS, 2 * newton);
        String last = "no radius tried";
        for (double rho = start; rho <= LAST_RADIUS; rho *= RADIUS_GROWTH) {
            double[] lo = new double[p];
            double[] hi = new double[p];
            for (int i = 0; i < p; i++) {
                double r = up(rho * (1 + Math.abs(theta[i])));
                lo[i] = down(theta[i] - r);
                hi[i] = up(theta[i] + r);
            }
            IntervalJet box = risk.enclose(lo, hi, true);
            double width = krawczyk(theta, lo, hi, y, atPoint.g, box.h, p);
            if (Double.isNaN(width)) {
                last = "Krawczyk inclusion K(X) ⊂ int X failed up to relative radius " + rho;
                continue;
            }
            return inertia(theta, rho, width, spectrum.eigen(), box.h, p);
        }
        return new Certificate(Certificate.Status.NOT_PROVED, last, theta, Double.NaN, Double.NaN, false, -1,
                Double.NaN, Certificate.DOUBLE);
    }

    private static Certificate refuse(String reason, double[] theta) {
        return new Certificate(Certificate.Status.NOT_CERTIFIABLE, reason, theta, Double.NaN, Double.NaN, false, -1,
                Double.NaN, Certificate.DOUBLE);
    }

    /**
     * Y = V diag(1/λ) Vᵀ (P × P, row-major, new) from the eigenpairs of a nonsingular symmetric matrix (floating
     * point: it need only be an approximate inverse). Cost: O(P³).
     */
    public static double[] inverse(SymmetricEigen e) {
        int p = e.size();
        double[] v = e.vectors();
        double[] y = new double[p * p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                double s = 0;
                for (int k = 0; k < p; k++) {
                    s += v[i * p + k] * v[j * p + k] / e.values()[k];
                }
                y[i * p + j] = s;
            }
        }
        return y;
    }

    /** max_i Σ_j |Y_ij| mag(g_j): a bound on the Newton step's size (g: P intervals as lo/hi pairs, read only). */
    public static double newtonBound(double[] y, double[] g, int p) {
        double worst = 0;
        for (int i = 0; i < p; i++) {
            double s = 0;
            for (int j = 0; j < p; j++) {
                s += Math.abs(y[i * p + j]) * IntervalMath.mag(g[2 * j], g[2 * j + 1]);
            }
            worst = Math.max(worst, s);
        }
        return worst;
    }

    /**
     * The width of the Krawczyk image K(X) = x − Y g(x) + (I − Y H(X))(X − x) when K(X) ⊂ int X, else NaN: x (P), the
     * box [lo, hi] (P each), Y (P × P), the gradient enclosure at x (g: 2P) and the Hessian enclosure over X (h: 2P²)
     * are read only. Outward rounding throughout. Cost: O(P³).
     */
    public static double krawczyk(double[] x, double[] lo, double[] hi, double[] y, double[] g, double[] h, int p) {
        double widest = 0;
        double[] row = new double[2];
        for (int i = 0; i < p; i++) {
            double[] yg = new double[2];
            for (int j = 0; j < p; j++) {
                IntervalMath.addProduct(yg, 0, y[i * p + j], y[i * p + j], g[2 * j], g[2 * j + 1]);
            }
            double spread = 0;
            for (int j = 0; j < p; j++) {
                row[0] = i == j ? 1 : 0;
                row[1] = row[0];
                for (int k = 0; k < p; k++) {
                    double yik = -y[i * p + k];
                    IntervalMath.addProduct(row, 0, yik, yik, h[2 * (k * p + j)], h[2 * (k * p + j) + 1]);
                }
                double r = Math.max(up(hi[j] - x[j]), up(x[j] - lo[j]));
                spread = up(spread + up(IntervalMath.mag(row[0], row[1]) * r));
            }
            double klo = down(down(x[i] - yg[1]) - spread);
            double khi = up(up(x[i] - yg[0]) + spread);
            if (!(klo > lo[i] && khi < hi[i])) {
                return Double.NaN;
            }
            widest = Math.max(widest, khi - klo);
        }
        return widest;
    }

    /** The inertia from the Gershgorin discs of VᵀH(X)V, once uniqueness is proved. Package-private for the tests. */
    static Certificate inertia(double[] theta, double rho, double width, SymmetricEigen eigen, double[] h,
            int p) {
        double[] v = eigen.vectors();
        if (!nearlyOrthogonal(v, p)) {
            return new Certificate(Certificate.Status.NOT_PROVED, "unique critical point proved, but the eigenvector "
                    + "basis could not be proved nonsingular", theta, rho, width, true, -1, Double.NaN,
                    Certificate.DOUBLE);
        }
        Inertia in = gershgorin(v, h, p);
        if (in.index() < 0) {
            return new Certificate(Certificate.Status.NOT_PROVED, "unique critical point proved, but Gershgorin "
                    + "disc " + in.failedDisc() + " of VᵀH(X)V contains 0, so the inertia is not proved", theta, rho,
                    width, true, -1, Double.NaN, Certificate.DOUBLE);
        }
        return new Certificate(Certificate.Status.CERTIFIED, "unique critical point of index " + in.index()
                + " proved in the box", theta, rho, width, true, in.index(), in.gap(), Certificate.DOUBLE);
    }

    /**
     * A proved inertia of every symmetric matrix in an interval matrix.
     *
     * @param index      the number of negative eigenvalues, shared by every member; −1 when not proved
     * @param gap        the smallest distance from 0 of the Gershgorin discs (NaN when not proved)
     * @param failedDisc the first disc that holds 0 (−1 when proved, or when the basis was not proved nonsingular)
     */
    public record Inertia(int index, double gap, int failedDisc) {
    }

    /**
     * Proves the inertia shared by every symmetric matrix in the interval matrix {@code h} (P × P, interleaved as in
     * {@link IntervalMath}, read only), as for a certified critical point: V, the eigenvectors of the midpoint matrix,
     * is proved nonsingular and every Gershgorin disc of VᵀH V must exclude 0 (Sylvester's law of inertia). No
     * eigenvalue of any member is 0 when it succeeds. Cost: one P × P eigendecomposition and O(P³) interval operations.
     */
    public static Inertia provedInertia(double[] h, int p) {
        double[] mid = new double[p * p];
        for (int i = 0; i < p * p; i++) {
            if (!Double.isFinite(h[2 * i]) || !Double.isFinite(h[2 * i + 1])) {
                return new Inertia(-1, Double.NaN, -1);
            }
            mid[i] = 0.5 * (h[2 * i] + h[2 * i + 1]);
        }
        org.flowscape.objective.Hessians.symmetrize(mid, p);
        double[] v = SymmetricEigen.decompose(new Matrix(p, p, mid)).vectors();
        if (!nearlyOrthogonal(v, p)) {
            return new Inertia(-1, Double.NaN, -1);
        }
        return gershgorin(v, h, p);
    }

    /** The Gershgorin discs of VᵀH(X)V: their count left of 0, or index −1 with the first disc that holds 0. */
    private static Inertia gershgorin(double[] v, double[] h, int p) {
        double[] t = new double[2 * p * p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                for (int k = 0; k < p; k++) {
                    IntervalMath.addProduct(t, i * p + j, h[2 * (i * p + k)], h[2 * (i * p + k) + 1], v[k * p + j],
                            v[k * p + j]);
                }
            }
        }
        int negative = 0;
        double gap = Double.POSITIVE_INFINITY;
        double[] m = new double[2];
        for (int i = 0; i < p; i++) {
            double center0 = 0;
            double center1 = 0;
            double radius = 0;
            for (int j = 0; j < p; j++) {
                m[0] = 0;
                m[1] = 0;
                for (int k = 0; k < p; k++) {
                    IntervalMath.addProduct(m, 0, v[k * p + i], v[k * p + i], t[2 * (k * p + j)],
                            t[2 * (k * p + j) + 1]);
                }
                if (i == j) {
                    center0 = m[0];
                    center1 = m[1];
                } else {
                    radius = up(radius + IntervalMath.mag(m[0], m[1]));
                }
            }
            double discLo = down(center0 - radius);
            double discHi = up(center1 + radius);
            if (!(discLo > 0 || discHi < 0)) {
                return new Inertia(-1, Double.NaN, i);
            }
            if (discHi < 0) {
                negative++;
            }
            gap = Math.min(gap, discHi < 0 ? -discHi : discLo);
        }
        return new Inertia(negative, gap, -1);
    }

    /** Proves ‖VᵀV − I‖∞ &lt; 1 (so V is nonsingular) in interval arithmetic. */
    private static boolean nearlyOrthogonal(double[] v, int p) {
        double[] m = new double[2];
        for (int i = 0; i < p; i++) {
            double rowSum = 0;
            for (int j = 0; j < p; j++) {
                m[0] = i == j ? -1 : 0;
                m[1] = m[0];
                for (int k = 0; k < p; k++) {
                    IntervalMath.addProduct(m, 0, v[k * p + i], v[k * p + i], v[k * p + j], v[k * p + j]);
                }
                rowSum = up(rowSum + IntervalMath.mag(m[0], m[1]));
            }
            if (!(rowSum < 1)) {
                return false;
            }
        }
        return true;
    }
}
