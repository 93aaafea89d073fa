package org.flowscape.analysis.precise;

import java.math.BigDecimal;
import org.flowscape.analysis.Certificate;

/**
 * The proof steps of {@link PreciseCertifier} on a refined centre: the Krawczyk inclusion on growing boxes, then the
 * inertia and λ_min enclosure from the Gershgorin discs of VᵀH(X)V. Everything here is outward-rounded
 * {@link BigInterval} arithmetic; Y and V are exact decimals (whatever their accuracy, the proof stays valid).
 */
final class Krawczyk {
    /** Each failed relative radius is multiplied by this. */
    private static final double GROWTH = 1e3;

    private Krawczyk() {
    }

    static PreciseCertificate prove(ShallowIntervalRisk risk, PreciseCertifier.Refined ref, double[] center,
            double shift) {
        int p = risk.dim();
        Precision pr = risk.precision();
        BigInterval[] g = risk.enclose(PreciseCertifier.points(ref.x()), false).gradient();
        BigInterval[] yg = product(ref.y(), g, p, pr);
        double newton = PreciseCertifier.magnitude(yg);
        double rho = Math.max(4 * newton, Math.pow(10, -(pr.digits() - 12)));
        String last = "no radius tried: the Newton step bound " + newton + " exceeds the largest box";
        for (; rho <= PreciseCertifier.LAST_RADIUS; rho *= GROWTH) {
            BigInterval[] box = box(ref.x(), rho, pr);
            BigInterval[] h = risk.enclose(box, true).hessian();
            double width = inclusion(ref.x(), box, ref.y(), yg, h, p, pr);
            if (Double.isNaN(width)) {
                last = "Krawczyk inclusion K(X) ⊂ int X failed up to relative radius " + rho + " at " + pr.digits()
                        + " digits";
                continue;
            }
            return Inertia.of(ref, center, shift, rho, width, h, p, pr);
        }
        return PreciseCertificate.refused(Certificate.Status.NOT_PROVED, last, pr.digits(), ref.steps(),
                ref.gradient(), shift, center);
    }

    /** Xᵢ = xᵢ ± ρ(1 + |xᵢ|). */
    private static BigInterval[] box(BigDecimal[] x, double rho, Precision pr) {
        BigInterval[] out = new BigInterval[x.length];
        BigDecimal r = new BigDecimal(rho);
        for (int i = 0; i < x.length; i++) {
            BigDecimal ri = r.multiply(BigDecimal.ONE.add(x[i].abs()), pr.up());
            out[i] = BigInterval.point(x[i]).widen(ri, pr);
        }
        return out;
    }

    /** Y v for a point matrix Y (P × P) and an interval vector v. */
    private static BigInterval[] product(BigDecimal[] y, BigInterval[] v, int p, Precision pr) {
        BigInterval[] out = new BigInterval[p];
        for (int i = 0; i < p; i++) {
            BigInterval s = BigInterval.ZERO;
            for (int j = 0; j < p; j++) {
                s = s.add(v[j].multiply(y[i * p + j], pr), pr);
            }
            out[i] = s;
        }
        return out;
    }

    /** The largest width of K(X) when K(X) ⊂ int X, else NaN. Package-private for the soundness tests. */
    static double inclusion(BigDecimal[] x, BigInterval[] box, BigDecimal[] y, BigInterval[] yg,
            BigInterval[] h, int p, Precision pr) {
        BigDecimal widest = BigDecimal.ZERO;
        for (int i = 0; i < p; i++) {
            BigDecimal spread = BigDecimal.ZERO;
            for (int j = 0; j < p; j++) {
                BigInterval e = BigInterval.point(i == j ? BigDecimal.ONE : BigDecimal.ZERO);
                for (int k = 0; k < p; k++) {
                    e = e.subtract(h[k * p + j].multiply(y[i * p + k], pr), pr);
                }
                BigDecimal r = box[j].hi().subtract(x[j], pr.up()).max(x[j].subtract(box[j].lo(), pr.up()));
                spread = spread.add(e.magnitude().multiply(r, pr.up()), pr.up());
            }
            BigInterval image = BigInterval.point(x[i]).subtract(yg[i], pr).widen(spread, pr);
            if (!image.strictlyInside(box[i])) {
                return Double.NaN;
            }
            widest = widest.max(image.width(pr));
        }
        return PreciseCertifier.up(widest);
    }
}
