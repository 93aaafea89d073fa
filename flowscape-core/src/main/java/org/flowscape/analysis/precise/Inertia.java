package org.flowscape.analysis.precise;

import java.math.BigDecimal;
import org.flowscape.analysis.Certificate;

/**
 * The inertia step of {@link PreciseCertifier}: with V the floating-point eigenvectors of the refined Hessian,
 * δ ≥ ‖VᵀV − I‖∞ is proved below 1/2 (so V is nonsingular and the eigenvalues of VᵀV lie in [1 − δ, 1 + δ]), the
 * interval matrix M = VᵀH(X)V is formed, and its Gershgorin discs must all exclude 0. Then the index is the number of
 * discs left of 0 (Sylvester's law of inertia; no eigenvalue can cross 0 as the off-diagonal part is scaled to 0),
 * λ₁(M*) lies in [min disc lower end, min upper end of M's diagonal], and λ₁(H*) = λ₁(M*)/ϑ with ϑ ∈ [1 − δ, 1 + δ]
 * (Ostrowski). Cost: 2P³ interval multiply-adds.
 */
final class Inertia {
    private static final BigDecimal HALF = BigDecimal.valueOf(5, 1);

    private Inertia() {
    }

    static PreciseCertificate of(PreciseCertifier.Refined ref, double[] center, double shift, double rho,
            double width, BigInterval[] h, int p, Precision pr) {
        double[] v = PreciseCertifier.eigenvectors(ref.hessianMid(), p);
        BigDecimal delta = orthogonalityDefect(v, p, pr);
        if (delta.compareTo(HALF) >= 0) {
            return notProved("unique critical point proved, but the eigenvector basis is not proved nearly orthogonal"
                    + " (||V^T V - I|| bound " + delta.doubleValue() + ")", ref, center, shift, rho, width, pr);
        }
        BigInterval[] m = congruence(v, h, p, pr);
        int negative = 0;
        BigDecimal gap = null;
        BigDecimal lowest = null;
        BigDecimal smallestDiagonal = null;
        for (int i = 0; i < p; i++) {
            BigDecimal radius = BigDecimal.ZERO;
            for (int j = 0; j < p; j++) {
                if (j != i) {
                    radius = radius.add(m[i * p + j].magnitude(), pr.up());
                }
            }
            BigInterval disc = m[i * p + i].widen(radius, pr);
            if (disc.containsZero()) {
                return notProved("unique critical point proved, but Gershgorin disc " + i + " of V^T H(X) V contains"
                        + " 0, so the inertia is not proved", ref, center, shift, rho, width, pr);
            }
            negative += disc.hi().signum() < 0 ? 1 : 0;
            gap = min(gap, disc.mignitude());
            lowest = min(lowest, disc.lo());
            smallestDiagonal = min(smallestDiagonal, m[i * p + i].hi());
        }
        BigInterval theta = new BigInterval(BigDecimal.ONE.subtract(delta, pr.down()),
                BigDecimal.ONE.add(delta, pr.up()));
        BigInterval lambda = new BigInterval(lowest, smallestDiagonal.max(lowest)).divide(theta, pr);
        String reason = "unique critical point of index " + negative + " proved in " + pr.digits()
                + "-digit interval arithmetic after " + ref.steps() + " extended-precision Newton steps; lambda_min in "
                + lambda;
        return new PreciseCertificate(Certificate.Status.CERTIFIED, reason, pr.digits(), ref.steps(), ref.gradient(),
                shift, center, rho, width, true, negative, PreciseCertifier.down(gap),
                PreciseCertifier.down(lambda.lo()), PreciseCertifier.up(lambda.hi()));
    }

    private static PreciseCertificate notProved(String reason, PreciseCertifier.Refined ref, double[] center,
            double shift, double rho, double width, Precision pr) {
        return new PreciseCertificate(Certificate.Status.NOT_PROVED, reason, pr.digits(), ref.steps(),
                ref.gradient(), shift, center, rho, width, true, -1, Double.NaN, Double.NaN, Double.NaN);
    }

    private static BigDecimal min(BigDecimal a, BigDecimal b) {
        return a == null ? b : a.min(b);
    }

    /** An upper bound of ‖VᵀV − I‖∞ (V's entries are exact doubles). */
    private static BigDecimal orthogonalityDefect(double[] v, int p, Precision pr) {
        BigDecimal worst = BigDecimal.ZERO;
        for (int i = 0; i < p; i++) {
            BigDecimal row = BigDecimal.ZERO;
            for (int j = 0; j < p; j++) {
                BigInterval s = BigInterval.point(i == j ? BigDecimal.ONE.negate() : BigDecimal.ZERO);
                for (int k = 0; k < p; k++) {
                    s = s.add(BigInterval.of(v[k * p + i]).multiply(new BigDecimal(v[k * p + j]), pr), pr);
                }
                row = row.add(s.magnitude(), pr.up());
            }
            worst = worst.max(row);
        }
        return worst;
    }

    /** Vᵀ H V for the interval matrix H (P × P) and the point matrix V (columns are eigenvectors). */
    private static BigInterval[] congruence(double[] v, BigInterval[] h, int p, Precision pr) {
        BigInterval[] t = new BigInterval[p * p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                BigInterval s = BigInterval.ZERO;
                for (int k = 0; k < p; k++) {
                    s = s.add(h[i * p + k].multiply(new BigDecimal(v[k * p + j]), pr), pr);
                }
                t[i * p + j] = s;
            }
        }
        BigInterval[] m = new BigInterval[p * p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                BigInterval s = BigInterval.ZERO;
                for (int k = 0; k < p; k++) {
                    s = s.add(t[k * p + j].multiply(new BigDecimal(v[k * p + i]), pr), pr);
                }
                m[i * p + j] = s;
            }
        }
        return m;
    }
}
